import type { JournalEntry } from '../../../shared/journal/entry'
import type { EntryKind, EntryPayload } from '../../../shared/journal/kinds'

// The journal's public surface. Everything else in main talks to the journal only through this.

/** The seat's signing key. `publicKey` is the raw 32-byte Ed25519 key in base64. */
export interface SeatSigner {
  readonly publicKey: string
  sign(data: Buffer): Buffer
}

export interface Journal {
  readonly directory: string
  /** Last written entry's seq and hash (seq 0 and GENESIS_PREV when empty). */
  head(): { seq: number; hash: string }
  /**
   * Appends one entry and resolves only after the bytes are fsync'd (file and, for a new segment,
   * its folder; with `atClose` durability only at close). Appends are serialised: concurrent calls
   * get consecutive seqs in call order.
   */
  append<K extends EntryKind>(kind: K, actor: string, payload: EntryPayload<K>): Promise<JournalEntry>
  /** Entries with seq > afterSeq, oldest first, at most `limit`. */
  read(afterSeq: number, limit: number): Promise<JournalEntry[]>
  /** Streams every entry from seq 1, oldest first (used to rebuild service state on open). */
  replay(): AsyncIterable<JournalEntry>
  close(): Promise<void>
}

/**
 * When an append becomes durable. `eachAppend` (the app, and the default everywhere): every append
 * resolves only after its line is fsync'd, so the screen says "saved" only for what survives a crash.
 * `atClose` is for generating a journal that nobody is acting on yet (the demo seat): appends skip
 * the fsync, a segment is fsync'd once when it is full, and `close()` fsyncs the last one, so the
 * folder is durable when generation returns. A crash while generating may lose entries; that costs
 * nothing but a rerun, which is why no seat's own journal may use it.
 */
export type JournalDurability = 'eachAppend' | 'atClose'

export interface RecoveryNote {
  quarantineFile: string
  bytes: number
}

export type OpenJournalResult =
  | { status: 'ok'; journal: Journal; recovered: RecoveryNote | null }
  /** Corruption before the tail: the journal is not opened and nothing is changed on disk. */
  | { status: 'corrupt'; seq: number | null; reason: string; directory: string }

export type VerifyStatus = 'intact' | 'torn' | 'corrupt'
export interface VerifyReport {
  status: VerifyStatus
  entries: number
  /** For `corrupt`: the first bad entry (null when it cannot be numbered, e.g. an unreadable line) and why. */
  firstBad: { seq: number | null; reason: string; file: string; line: number } | null
}
