import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { JournalEntry } from '../../shared/journal/entry'
import { checkBookAgainstHead, CheckpointMismatchError, readBookCheckpoints } from '../main/handover/export/bookCheckpoints'
import type { BookCheckpoint } from '../main/handover/export/bookCheckpoints'
import { seatKeyFingerprint } from '../main/handover/export/bundleFormat'
import { verifyBundle } from '../main/handover/export/verifyBundle'
import { decodeCanonicalBase64, publicKeyFromRaw } from '../main/journal/ed25519'
import { verifyJournalDirectory } from '../main/journal/verifyJournalDirectory'
import type { CliOutput } from './exitCodes'
import { EXIT_CORRUPT, EXIT_OK, EXIT_TORN, UsageError } from './exitCodes'

/** A seat data folder holds the journal in `journal/`; support may also hand over the journal folder itself. */
export function findJournalFolder(folder: string): string {
  const path = resolve(folder)
  if (!existsSync(path) || !statSync(path).isDirectory()) throw new UsageError(`no such folder: ${folder}`)
  const nested = join(path, 'journal')
  const candidate = existsSync(nested) && statSync(nested).isDirectory() ? nested : path
  if (!readdirSync(candidate).some((name) => name.startsWith('segment-'))) {
    throw new UsageError(`no journal in ${folder}: expected segment-*.ndjson files in it or in its journal/ folder`)
  }
  return candidate
}

export { seatKeyFingerprint }

function parseVerifyArgs(args: string[]): { folder: string; seatKey?: string } {
  let folder: string | undefined
  let seatKey: string | undefined
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string
    if (arg === '--seat-key') {
      const value = args[++index]
      if (value === undefined || seatKey !== undefined) throw new UsageError('--seat-key takes one base64 seat public key')
      if (!isRawPublicKey(value)) throw new UsageError(`--seat-key ${value} is not a raw Ed25519 public key in base64 (32 bytes)`)
      seatKey = value
    } else if (folder === undefined && !arg.startsWith('--')) {
      folder = arg
    } else {
      throw new UsageError('verify takes exactly one folder or bundle file and optionally --seat-key BASE64')
    }
  }
  if (folder === undefined) throw new UsageError('verify takes exactly one folder or bundle file')
  return seatKey === undefined ? { folder } : { folder, seatKey }
}

function isRawPublicKey(value: string): boolean {
  if (decodeCanonicalBase64(value, 32) === null) return false
  try {
    publicKeyFromRaw(value)
    return true
  } catch {
    return false
  }
}

export async function verifyCommand(args: string[], output: CliOutput): Promise<number> {
  const { folder, seatKey } = parseVerifyArgs(args)
  // A file is an HQ export bundle; a folder is a seat's data folder or its journal folder.
  if (existsSync(folder) && statSync(folder).isFile()) return verifyBundleFile(folder, seatKey, output)
  const directory = findJournalFolder(folder)
  // The book's checkpoints are read first, and the hashes they name collected while the journal is
  // verified: one pass over the journal. (Read in this order, a seat appending meanwhile only adds
  // entries after the checkpoints read.)
  const book = await readBookOf(folder, directory)
  let hashes = new Map<number, string>()
  const onEntry = (entry: JournalEntry) => {
    if (book.named.has(entry.seq)) hashes.set(entry.seq, entry.hash)
  }
  let report = await verifyJournalDirectory(directory, { onEntry })
  // A journal without seat.created can only be verified against a given key.
  if (report.seatPublicKey === null && seatKey !== undefined) {
    hashes = new Map()
    report = await verifyJournalDirectory(directory, { publicKey: seatKey, onEntry })
  }
  output.out(`journal: ${directory}`)
  if (report.seatPublicKey !== null) {
    output.out(`seat key: ${report.seatPublicKey} (fingerprint ${seatKeyFingerprint(report.seatPublicKey)})`)
  }
  if (seatKey !== undefined && report.seatPublicKey !== null && report.seatPublicKey !== seatKey) {
    output.out(`SEAT KEY MISMATCH: this journal is signed by seat key ${seatKeyFingerprint(report.seatPublicKey)}, not the expected ${seatKeyFingerprint(seatKey)} (--seat-key ${seatKey}).`)
    output.out('  Its entries may verify, but not as this seat\'s journal. Nothing was changed; hand this folder to support.')
    return EXIT_CORRUPT
  }
  // Entries cut from the very end leave a valid chain: only the book's checkpoints, kept beside the
  // journal in a seat data folder, can show the journal was longer.
  if (report.status !== 'corrupt' && report.seatPublicKey !== null) {
    const cut = bookProblem(book, report.head.seq, hashes)
    if (cut !== null) {
      output.out(`TAMPERED OR CORRUPT: ${cut}`)
      output.out('  Nothing was changed; hand this folder to support.')
      return EXIT_CORRUPT
    }
  }
  switch (report.status) {
    case 'intact':
      output.out(`intact: ${report.entries} entries, head seq ${report.head.seq} hash ${report.head.hash}`)
      return EXIT_OK
    case 'torn':
      output.out(`torn tail: ${report.entries} entries intact (head seq ${report.head.seq} hash ${report.head.hash})`)
      if (report.torn && report.torn.completeSeq !== null) {
        output.out(`the last line of ${report.torn.file} is entry seq ${report.torn.completeSeq}, complete and verified, but its final newline is missing.`)
        output.out('It may have been acknowledged: SeatDesk will keep it and add the newline on its next start.')
      } else {
        output.out(`the last line of ${report.torn?.file} is incomplete (${report.torn?.bytes} bytes): a write interrupted by a crash, never acknowledged.`)
        output.out('SeatDesk will set it aside in quarantine/ and continue on its next start.')
      }
      return EXIT_TORN
    case 'corrupt': {
      const bad = report.firstBad
      output.out(`TAMPERED OR CORRUPT: first bad entry ${bad?.seq === null || bad?.seq === undefined ? '(unnumbered line)' : `seq ${bad.seq}`}`)
      output.out(`  why:   ${bad?.reason}`)
      output.out(`  where: ${bad?.file}${bad?.line ? `, line ${bad.line}` : ''}`)
      output.out(`  ${report.entries} entries before it verify. Nothing was changed; hand this folder to support.`)
      return EXIT_CORRUPT
    }
  }
}

/** A bundle is whole or not: it is never "torn" (exit 2), only intact (0) or not to be trusted (1). */
function verifyBundleFile(file: string, seatKey: string | undefined, output: CliOutput): number {
  const verdict = verifyBundle(readFileSync(file), seatKey === undefined ? {} : { expectedSeatPublicKey: seatKey })
  output.out(`bundle: ${resolve(file)}`)
  const manifest = verdict.manifest
  if (manifest) {
    const seat = manifest.seat
    output.out(`seat: ${seat.companyName} ${seat.branchCode} seat ${seat.seatNumber} (${seat.seatId}), ${manifest.from} to ${manifest.to}`)
  }
  if (verdict.ok) {
    output.out(`seat key: ${verdict.seatPublicKey} (fingerprint ${verdict.fingerprint})`)
    const { entries, firstSeq, lastSeq, headHash, checkpoints, userKeys } = verdict.manifest
    const range = entries === 0 ? 'no entries in this range' : `seq ${firstSeq} to ${lastSeq}`
    output.out(`intact: ${entries} entries (${range}), head hash ${headHash}; ${userKeys} user keys, ${checkpoints} checkpoints verified`)
    return EXIT_OK
  }
  if (verdict.seatKeyMismatch) {
    output.out(`SEAT KEY MISMATCH: ${verdict.reason} (--seat-key ${verdict.seatKeyMismatch.expected}).`)
    output.out('  Nothing in it can be trusted as this seat\'s journal.')
    return EXIT_CORRUPT
  }
  output.out(`TAMPERED OR CORRUPT BUNDLE${verdict.seq === null ? '' : `: at seq ${verdict.seq}`}`)
  output.out(`  why: ${verdict.reason}`)
  output.out('  Do not rely on any part of this bundle; ask the seat for a new export.')
  return EXIT_CORRUPT
}

interface BookOfFolder {
  /** The book's checkpoints, or what was wrong reading them (reported only once the journal is known intact). */
  read: { ok: true; checkpoints: BookCheckpoint[] } | { ok: false; error: unknown } | null
  /** The seqs the checkpoints name. */
  named: Set<number>
}

/** The checkpoints kept with the book (book/checkpoints.ndjson) when `folder` is a seat data folder with a book. */
async function readBookOf(folder: string, journalDirectory: string): Promise<BookOfFolder> {
  const dataDir = resolve(folder)
  if (journalDirectory !== join(dataDir, 'journal') || !existsSync(join(dataDir, 'book'))) return { read: null, named: new Set() }
  try {
    const checkpoints = await readBookCheckpoints(dataDir)
    return { read: { ok: true, checkpoints }, named: new Set(checkpoints.map((checkpoint) => checkpoint.seq)) }
  } catch (error) {
    return { read: { ok: false, error }, named: new Set() }
  }
}

/** Why the book's checkpoints disagree with the journal verified up to `head`, or null. */
function bookProblem(book: BookOfFolder, head: number, hashes: ReadonlyMap<number, string>): string | null {
  if (book.read === null) return null
  try {
    if (!book.read.ok) throw book.read.error
    checkBookAgainstHead(book.read.checkpoints, head, (seq) => hashes.get(seq))
    return null
  } catch (error) {
    if (error instanceof CheckpointMismatchError) return error.message
    throw error
  }
}
