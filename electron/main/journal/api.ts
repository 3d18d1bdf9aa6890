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
   * its folder). Appends are serialised: concurrent calls get consecutive seqs in call order.
   */
  append<K extends EntryKind>(kind: K, actor: string, payload: EntryPayload<K>): Promise<JournalEntry>
  /** Entries with seq > afterSeq, oldest first, at most `limit`. */
  read(afterSeq: number, limit: number): Promise<JournalEntry[]>
  /** Streams every entry from seq 1, oldest first (used to rebuild service state on open). */
  replay(): AsyncIterable<JournalEntry>
  close(): Promise<void>
}

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
