import { SEAT_ACTOR } from '../../../shared/journal/entry'
import type { Clock } from '../clock'
import type { JournalDurability, OpenJournalResult, SeatSigner } from './api'
import type { JournalFileIo } from './durableFiles'
import { closeSync, fsyncSync, openSync } from 'node:fs'
import { ensureDirectory, nodeFileIo, writeFully } from './durableFiles'
import { FileJournal } from './fileJournal'
import { setAsideTornTail } from './quarantine'
import { scanJournal } from './scanJournal'
import type { JournalScan } from './scanJournal'
import type { TornTail } from './scanJournal'
import { DEFAULT_SEGMENT_BYTES } from './segmentFiles'
import { acquireWriterLock } from './writerLock'

export interface OpenJournalOptions {
  directory: string
  signer: SeatSigner
  clock: Clock
  /** Size at which a new segment starts (default 16 MiB); tests set it small to roll often. */
  segmentBytes?: number
  /**
   * The seat key to verify against when the first entry is not `seat.created` (default: the
   * signer's). When given it must be the signer's key: this seat can only extend its own chain.
   */
  publicKey?: string
  /** For fault tests only: replaces the write and fsync of appends. */
  io?: Partial<JournalFileIo>
  /** Default `eachAppend`; `atClose` only for generating a demo journal (see JournalDurability). */
  durability?: JournalDurability
}

/**
 * Takes the folder's writer lock, verifies the whole chain, completes a last entry that lacks only
 * its newline or sets aside a torn last line, and opens the journal for appends. Any other damage is
 * reported as corrupt and nothing on disk is touched (never auto-repair). A folder another live
 * process has open is refused (reported as `corrupt` with seq null and the reason).
 */
export async function openJournal(options: OpenJournalOptions): Promise<OpenJournalResult> {
  const { directory, signer, clock } = options
  const corrupt = (seq: number | null, reason: string): OpenJournalResult => ({ status: 'corrupt', seq, reason, directory })
  if (options.publicKey !== undefined && options.publicKey !== signer.publicKey) {
    return corrupt(null, 'the seat key given for this journal is not the key this seat signs with')
  }
  ensureDirectory(directory)
  const locked = acquireWriterLock(directory, clock.now())
  if (!locked.ok) return corrupt(null, locked.reason)
  const { lock } = locked
  let journal: FileJournal | null = null
  try {
    const scan = await scanJournal(directory, { expectedSeatPublicKey: options.publicKey ?? signer.publicKey })
    if (scan.status === 'corrupt') {
      lock.release()
      return corrupt(scan.firstBad?.seq ?? null, describeFirstBad(scan))
    }
    if (scan.torn?.completeEntry) {
      completeLastLine(scan, scan.torn)
      scan.torn = null
    }
    const setAside = scan.torn ? setAsideTornTail(directory, scan.torn, scan.head.seq + 1, clock) : null
    if (setAside && scan.torn) {
      const segment = scan.segments.find((candidate) => candidate.path === scan.torn?.path)
      if (segment) segment.size = scan.torn.offset
    }
    const recovery = setAside && { quarantineFile: setAside.relativePath, bytes: setAside.bytes, sha256: setAside.sha256 }
    const journalIsEmpty = scan.head.seq === 0
    journal = new FileJournal({
      directory,
      signer,
      clock,
      segmentBytes: options.segmentBytes ?? DEFAULT_SEGMENT_BYTES,
      io: { ...nodeFileIo, ...options.io },
      durability: options.durability ?? 'eachAppend',
      segments: scan.segments,
      verifier: scan.verifier,
      lock,
      ...(recovery && journalIsEmpty ? { recoveryAfterFirstEntry: recovery } : {}),
    })
    if (!setAside || !recovery) return { status: 'ok', journal, recovered: null }
    if (!journalIsEmpty) await journal.append('journal.recovered', SEAT_ACTOR, recovery)
    return { status: 'ok', journal, recovered: { quarantineFile: setAside.path, bytes: setAside.bytes } }
  } catch (error) {
    if (journal) await journal.close().catch(() => undefined)
    lock.release()
    throw error
  }
}

/**
 * The last line is a whole entry that verifies as the next one; only its newline is missing (e.g. a
 * crash between two writes of a short write, or a copy that dropped it). It may have been
 * acknowledged, so it is kept: the newline is appended and fsync'd, and the chain continues after it.
 */
function completeLastLine(scan: JournalScan, torn: TornTail): void {
  const entry = torn.completeEntry
  const segment = scan.segments.find((candidate) => candidate.path === torn.path)
  if (!entry || !segment) throw new Error('internal: complete tail without its segment')
  const fd = openSync(torn.path, 'a')
  try {
    writeFully(nodeFileIo, fd, Buffer.from('\n', 'utf8'))
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  segment.offsets.push(torn.offset)
  segment.size = torn.offset + torn.bytes.length + 1
  scan.verifier.accept(entry)
  scan.head = scan.verifier.head()
  scan.entries = scan.head.seq
}

export function describeFirstBad(scan: Pick<JournalScan, 'firstBad'>): string {
  const bad = scan.firstBad
  if (!bad) return 'unknown'
  return bad.line > 0 ? `${bad.reason} (${bad.file}, line ${bad.line})` : bad.reason
}
