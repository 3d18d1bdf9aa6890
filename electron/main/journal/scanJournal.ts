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

/**
 * `listing`: the segment files are not numbered without gaps (firstBad names the folder, line 0);
 * `notUtf8`: a line's bytes are not UTF-8; `entry`: a line fails the verifier (firstBad.reason says why);
 * `emptySegment` / `unterminatedSegment`: a segment before the last is empty or does not end with a newline.
 */
export type JournalDamage = 'listing' | 'notUtf8' | 'entry' | 'emptySegment' | 'unterminatedSegment'

export interface JournalScan {
  status: VerifyStatus
  entries: number
  head: { seq: number; hash: string }
  segments: SegmentIndex[]
  torn: TornTail | null
  firstBad: VerifyReport['firstBad']
  /** What `firstBad` is, for callers that put it in their own words (the book's Verify); null when not corrupt. */
  damage: JournalDamage | null
  /** The verifier after the last good entry: the writer continues the chain with it. */
  verifier: EntryVerifier
  /** The seat key the chain is verified under (from seat.created or the expected key), once known. */
  seatPublicKey: string | null
}

/**
 * Called with each entry as it verifies, in seq order, so a caller that needs more than the chain (the
 * book's page and checkpoint checks, the CLI's book checkpoints, an export) reads and verifies the
 * journal once. The entry is the parsed line; it must not be changed. Not called for a torn tail.
 */
export type VerifiedEntryVisitor = (entry: JournalEntry) => void

export async function scanJournal(directory: string, options: EntryVerifierOptions = {}, onEntry?: VerifiedEntryVisitor): Promise<JournalScan> {
  const verifier = new EntryVerifier(options)
  const segments: SegmentIndex[] = []
  const result = (status: VerifyStatus, torn: TornTail | null, firstBad: VerifyReport['firstBad'], damage: JournalDamage | null = null): JournalScan => ({
    status,
    entries: verifier.head().seq,
    head: verifier.head(),
    segments,
    torn,
    firstBad,
    damage,
    verifier,
    seatPublicKey: verifier.seatPublicKey(),
  })

  const listing = await listSegments(directory)
  if (!listing.ok) return result('corrupt', null, { seq: null, reason: listing.reason, file: directory, line: 0 }, 'listing')

  // The next segment is read while this one verifies (the disk and the signatures overlap), so a
  // year's journal is never waiting on a read. A read left pending by an early return is not awaited.
  const read = (position: number): Promise<Buffer> | null => {
    const segment = listing.segments[position]
    if (!segment) return null
    const reading = readFile(segment.path)
    reading.catch(() => undefined)
    return reading
  }
  let next = read(0)
  for (const [position, segment] of listing.segments.entries()) {
    const isLast = position === listing.segments.length - 1
    const bytes = (await next) as Buffer
    next = read(position + 1)
    const file = basename(segment.path)
    const { lines, tailStart } = splitSegment(bytes)
    const index: SegmentIndex = { number: segment.number, path: segment.path, firstSeq: verifier.head().seq + 1, offsets: [], size: tailStart }
    segments.push(index)

    for (const [lineIndex, span] of lines.entries()) {
      const text = decodeLine(bytes, span)
      if (text === null) return result('corrupt', null, { seq: null, reason: 'line is not valid UTF-8', file, line: lineIndex + 1 }, 'notUtf8')
      const check = verifier.verifyLine(text)
      if (!check.ok) return result('corrupt', null, { seq: check.seq, reason: check.reason, file, line: lineIndex + 1 }, 'entry')
      index.offsets.push(span.start)
      onEntry?.(check.entry)
    }

    if (!isLast && (tailStart < bytes.length || lines.length === 0)) {
      const empty = lines.length === 0
      const reason = empty ? `${file} is empty but is not the last segment` : `${file} ends without a newline but is not the last segment`
      return result('corrupt', null, { seq: null, reason, file, line: lines.length + 1 }, empty ? 'emptySegment' : 'unterminatedSegment')
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
