import { SEAT_ACTOR } from '../../../shared/journal/entry'
import type { Clock } from '../clock'
import type { OpenJournalResult, SeatSigner } from './api'
import type { JournalFileIo } from './durableFiles'
import { ensureDirectory, nodeFileIo } from './durableFiles'
import { FileJournal } from './fileJournal'
import { setAsideTornTail } from './quarantine'
import { scanJournal } from './scanJournal'
import type { JournalScan } from './scanJournal'
import { DEFAULT_SEGMENT_BYTES } from './segmentFiles'

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
}

/**
 * Verifies the whole chain, sets aside a torn last line if there is one, and opens the journal for
 * appends. Any other damage is reported as corrupt and nothing on disk is touched (never auto-repair).
 */
export async function openJournal(options: OpenJournalOptions): Promise<OpenJournalResult> {
  const { directory, signer, clock } = options
  const corrupt = (seq: number | null, reason: string): OpenJournalResult => ({ status: 'corrupt', seq, reason, directory })
  if (options.publicKey !== undefined && options.publicKey !== signer.publicKey) {
    return corrupt(null, 'the seat key given for this journal is not the key this seat signs with')
  }
  ensureDirectory(directory)
  const scan = await scanJournal(directory, { expectedSeatPublicKey: options.publicKey ?? signer.publicKey })
  if (scan.status === 'corrupt') return corrupt(scan.firstBad?.seq ?? null, describeFirstBad(scan))

  const setAside = scan.torn ? setAsideTornTail(directory, scan.torn, scan.head.seq + 1, clock) : null
  if (setAside && scan.torn) {
    const segment = scan.segments.find((candidate) => candidate.path === scan.torn?.path)
    if (segment) segment.size = scan.torn.offset
  }
  const recovery = setAside && { quarantineFile: setAside.relativePath, bytes: setAside.bytes, sha256: setAside.sha256 }
  const journalIsEmpty = scan.head.seq === 0
  const journal = new FileJournal({
    directory,
    signer,
    clock,
    segmentBytes: options.segmentBytes ?? DEFAULT_SEGMENT_BYTES,
    io: { ...nodeFileIo, ...options.io },
    segments: scan.segments,
    verifier: scan.verifier,
    ...(recovery && journalIsEmpty ? { recoveryAfterFirstEntry: recovery } : {}),
  })
  if (!setAside || !recovery) return { status: 'ok', journal, recovered: null }
  if (!journalIsEmpty) await journal.append('journal.recovered', SEAT_ACTOR, recovery)
  return { status: 'ok', journal, recovered: { quarantineFile: setAside.path, bytes: setAside.bytes } }
}

export function describeFirstBad(scan: Pick<JournalScan, 'firstBad'>): string {
  const bad = scan.firstBad
  if (!bad) return 'unknown'
  return bad.line > 0 ? `${bad.reason} (${bad.file}, line ${bad.line})` : bad.reason
}
