import { createHash } from 'node:crypto'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
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

/** Short, comparable-by-eye name of a seat key: the first 16 hex digits of SHA-256 of the raw 32 bytes. */
export function seatKeyFingerprint(publicKeyRaw: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyRaw, 'base64')).digest('hex').slice(0, 16)
}

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
      throw new UsageError('verify takes exactly one folder and optionally --seat-key BASE64')
    }
  }
  if (folder === undefined) throw new UsageError('verify takes exactly one folder')
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
  const directory = findJournalFolder(folder)
  let report = await verifyJournalDirectory(directory)
  // A journal without seat.created can only be verified against a given key.
  if (report.seatPublicKey === null && seatKey !== undefined) report = await verifyJournalDirectory(directory, { publicKey: seatKey })
  output.out(`journal: ${directory}`)
  if (report.seatPublicKey !== null) {
    output.out(`seat key: ${report.seatPublicKey} (fingerprint ${seatKeyFingerprint(report.seatPublicKey)})`)
  }
  if (seatKey !== undefined && report.seatPublicKey !== null && report.seatPublicKey !== seatKey) {
    output.out(`SEAT KEY MISMATCH: this journal is signed by seat key ${seatKeyFingerprint(report.seatPublicKey)}, not the expected ${seatKeyFingerprint(seatKey)} (--seat-key ${seatKey}).`)
    output.out('  Its entries may verify, but not as this seat\'s journal. Nothing was changed; hand this folder to support.')
    return EXIT_CORRUPT
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
