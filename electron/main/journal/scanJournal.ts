import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { JournalEntry } from '../../../shared/journal/entry'
import type { VerifyReport, VerifyStatus } from './api'
import { decodeLine, listSegments, splitSegment } from './segmentFiles'
import { EntryVerifier } from './verifyEntries'
import type { EntryVerifierOptions } from './verifyEntries'

// Reads every segment once, verifying each line and remembering where each entry starts, so the open
// journal can read any entry from disk later without keeping entries in memory.

export interface SegmentIndex {
  number: number
  path: string
  /** Seq of the segment's first entry (the next seq when the segment is still empty). */
  firstSeq: number
  /** Byte offset of each entry's line: offsets[i] is seq firstSeq + i. */
  offsets: number[]
  /** Bytes of complete lines, i.e. where the next line goes. */
  size: number
}

export interface TornTail {
  path: string
  /** Where the torn bytes start: the segment is truncated here. */
  offset: number
  bytes: Buffer
  /**
   * Set when the unterminated bytes are a whole entry that passes every check as the next one (only
   * its final newline is missing): such an entry may have been acknowledged, so it is kept, not set aside.
   */
  completeEntry: JournalEntry | null
}

export interface JournalScan {
  status: VerifyStatus
  entries: number
  head: { seq: number; hash: string }
  segments: SegmentIndex[]
  torn: TornTail | null
  firstBad: VerifyReport['firstBad']
  /** The verifier after the last good entry: the writer continues the chain with it. */
  verifier: EntryVerifier
  /** The seat key the chain is verified under (from seat.created or the expected key), once known. */
  seatPublicKey: string | null
}

export async function scanJournal(directory: string, options: EntryVerifierOptions = {}): Promise<JournalScan> {
  const verifier = new EntryVerifier(options)
  const segments: SegmentIndex[] = []
  const result = (status: VerifyStatus, torn: TornTail | null, firstBad: VerifyReport['firstBad']): JournalScan => ({
    status,
    entries: verifier.head().seq,
    head: verifier.head(),
    segments,
    torn,
    firstBad,
    verifier,
    seatPublicKey: verifier.seatPublicKey(),
  })

  const listing = await listSegments(directory)
  if (!listing.ok) return result('corrupt', null, { seq: null, reason: listing.reason, file: directory, line: 0 })

  for (const [position, segment] of listing.segments.entries()) {
    const isLast = position === listing.segments.length - 1
    const bytes = await readFile(segment.path)
    const file = basename(segment.path)
    const { lines, tailStart } = splitSegment(bytes)
    const index: SegmentIndex = { number: segment.number, path: segment.path, firstSeq: verifier.head().seq + 1, offsets: [], size: tailStart }
    segments.push(index)

    for (const [lineIndex, span] of lines.entries()) {
      const text = decodeLine(bytes, span)
      const check = text === null ? ({ ok: false, seq: null, reason: 'line is not valid UTF-8' } as const) : verifier.verifyLine(text)
      if (!check.ok) return result('corrupt', null, { seq: check.seq, reason: check.reason, file, line: lineIndex + 1 })
      index.offsets.push(span.start)
    }

    if (!isLast && (tailStart < bytes.length || lines.length === 0)) {
      const reason = lines.length === 0 ? `${file} is empty but is not the last segment` : `${file} ends without a newline but is not the last segment`
      return result('corrupt', null, { seq: null, reason, file, line: lines.length + 1 })
    }
    // Only the last line of the last segment may be unterminated: a write the crash interrupted.
    // When it is incomplete its append never resolved (ack comes after fsync), so setting it aside
    // loses nothing acknowledged. When it is a whole, valid next entry it is reported as such: it is
    // kept and only its newline is added on open (a lost newline must not cost an acknowledged entry).
    if (isLast && tailStart < bytes.length) {
      const tail = bytes.subarray(tailStart)
      const text = decodeLine(bytes, { start: tailStart, end: bytes.length })
      const check = text === null ? null : verifier.inspectLine(text)
      const completeEntry = check?.ok ? check.entry : null
      return result('torn', { path: segment.path, offset: tailStart, bytes: tail, completeEntry }, null)
    }
  }
  return result('intact', null, null)
}
