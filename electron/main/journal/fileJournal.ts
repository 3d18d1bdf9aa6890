import { open } from 'node:fs/promises'
import { SEAT_ACTOR, type JournalEntry } from '../../../shared/journal/entry'
import type { EntryKind, EntryPayload } from '../../../shared/journal/kinds'
import type { Clock } from '../clock'
import type { Journal, JournalDurability, SeatSigner } from './api'
import type { JournalFileIo } from './durableFiles'
import { entryLine, sealEntry } from './entryCodec'
import { InvalidEntryError, JournalClosedError, JournalFailedError } from './errors'
import type { SegmentIndex } from './scanJournal'
import { splitSegment } from './segmentFiles'
import { SegmentWriter } from './segmentWriter'
import type { EntryVerifier } from './verifyEntries'
import type { WriterLock } from './writerLock'

const REPLAY_PAGE = 512

export interface FileJournalParts {
  directory: string
  signer: SeatSigner
  clock: Clock
  segmentBytes: number
  io: JournalFileIo
  durability: JournalDurability
  /** The index built by the scan on open; the writer extends it. */
  segments: SegmentIndex[]
  /** The verifier positioned after the last entry: every new entry passes its rules before it is signed. */
  verifier: EntryVerifier
  /** The folder's writer lock, released on close. */
  lock?: WriterLock
  /**
   * A `journal.recovered` payload to write right after the first entry. Set when the only line of an
   * empty journal was torn: seq 1 must be `seat.created` (it names the seat key), so the record of
   * the recovery follows it instead of preceding it.
   */
  recoveryAfterFirstEntry?: EntryPayload<'journal.recovered'>
}

// A verified, open journal. Entries stay on disk; memory holds one byte offset per entry (issue:
// "read must not hold the whole journal in memory").
export class FileJournal implements Journal {
  readonly directory: string
  private readonly writer: SegmentWriter
  /** Appends run one after another in call order, so seqs are consecutive. */
  private queue: Promise<unknown> = Promise.resolve()
  private failure: JournalFailedError | null = null
  private closed = false

  constructor(private readonly parts: FileJournalParts) {
    this.directory = parts.directory
    this.writer = new SegmentWriter(parts.directory, parts.segments, parts.segmentBytes, parts.io, parts.durability)
  }

  head(): { seq: number; hash: string } {
    return this.parts.verifier.head()
  }

  append<K extends EntryKind>(kind: K, actor: string, payload: EntryPayload<K>): Promise<JournalEntry> {
    const appended = this.queue.then(() => {
      const entry = this.appendNow(kind, actor, payload)
      const recovery = this.parts.recoveryAfterFirstEntry
      if (recovery && entry.seq === 1) {
        this.parts.recoveryAfterFirstEntry = undefined
        this.appendNow('journal.recovered', SEAT_ACTOR, recovery)
      }
      return entry
    })
    this.queue = appended.catch(() => undefined)
    return appended
  }

  async read(afterSeq: number, limit: number): Promise<JournalEntry[]> {
    if (!Number.isSafeInteger(afterSeq) || afterSeq < 0) throw new RangeError('afterSeq must be a non-negative integer')
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer')
    const lastSeq = Math.min(this.head().seq, afterSeq + limit)
    const entries: JournalEntry[] = []
    for (let seq = afterSeq + 1; seq <= lastSeq; ) {
      const segment = this.segmentOf(seq)
      const segmentLast = segment.firstSeq + segment.offsets.length - 1
      const upTo = Math.min(lastSeq, segmentLast)
      const start = segment.offsets[seq - segment.firstSeq] as number
      const end = upTo === segmentLast ? segment.size : (segment.offsets[upTo + 1 - segment.firstSeq] as number)
      const bytes = await readRange(segment.path, start, end)
      for (const span of splitSegment(bytes).lines) entries.push(JSON.parse(bytes.toString('utf8', span.start, span.end)) as JournalEntry)
      seq = upTo + 1
    }
    return entries
  }

  async *replay(): AsyncIterable<JournalEntry> {
    const lastSeq = this.head().seq
    for (let afterSeq = 0; afterSeq < lastSeq; ) {
      const page = await this.read(afterSeq, Math.min(REPLAY_PAGE, lastSeq - afterSeq))
      yield* page
      afterSeq += page.length
    }
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.queue
    try {
      this.writer.close()
    } finally {
      this.parts.lock?.release()
    }
  }

  private appendNow<K extends EntryKind>(kind: K, actor: string, payload: EntryPayload<K>): JournalEntry {
    if (this.failure) throw this.failure
    if (this.closed) throw new JournalClosedError()
    if (typeof actor !== 'string' || actor.length < 1 || actor.length > 32) throw new InvalidEntryError('actor must be 1 to 32 characters')
    const { seq, hash: prev } = this.head()
    const unsealed = { seq: seq + 1, prev, ts: this.parts.clock.now().toISOString(), kind, actor, payload }
    const refusal = this.parts.verifier.checkNewEntry(unsealed)
    if (refusal) throw new InvalidEntryError(refusal)
    const entry = sealEntry(unsealed, this.parts.signer)
    const text = entryLine(entry)
    try {
      this.writer.appendLine(entry.seq, Buffer.from(`${text}\n`, 'utf8'))
    } catch (error) {
      this.failure = new JournalFailedError(error)
      this.writer.abandon()
      throw this.failure
    }
    this.parts.verifier.accept(entry)
    // A copy decoded from the written line: exactly what is on disk, and not the caller's object.
    return JSON.parse(text) as JournalEntry
  }

  private segmentOf(seq: number): SegmentIndex {
    const segments = this.parts.segments
    let low = 0
    let high = segments.length - 1
    while (low < high) {
      const middle = Math.ceil((low + high) / 2)
      if ((segments[middle] as SegmentIndex).firstSeq <= seq) low = middle
      else high = middle - 1
    }
    return segments[low] as SegmentIndex
  }
}

async function readRange(path: string, start: number, end: number): Promise<Buffer> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(end - start)
    let filled = 0
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, start + filled)
      if (bytesRead === 0) throw new Error(`${path} is shorter than its index`)
      filled += bytesRead
    }
    return buffer
  } finally {
    await handle.close()
  }
}
