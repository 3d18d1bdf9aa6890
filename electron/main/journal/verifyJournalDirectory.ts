import type { VerifyReport } from './api'
import { scanJournal } from './scanJournal'
import type { VerifiedEntryVisitor } from './scanJournal'

export interface DirectoryVerifyReport extends VerifyReport {
  /** The last intact entry (seq 0 and GENESIS_PREV when there is none). */
  head: { seq: number; hash: string }
  /**
   * For `torn`: the unterminated bytes at the end of the last segment. `completeSeq` is set when they
   * are a whole entry that verifies as the next one (only the final newline is missing): SeatDesk
   * keeps it and adds the newline on open. `entries` and `head` do not count it.
   */
  torn: { file: string; bytes: number; completeSeq: number | null } | null
  /** The seat key the entries verify under (raw base64), once known. */
  seatPublicKey: string | null
}

export interface VerifyJournalOptions {
  /** Seat key for a journal whose first entry is not `seat.created`. */
  publicKey?: string
  /** Sees each entry as it verifies (the CLI reads the hashes its book checkpoints name in the same pass). */
  onEntry?: VerifiedEntryVisitor
}

/** Read-only check of a journal folder, for the CLI and support: it never changes a byte. */
export async function verifyJournalDirectory(directory: string, options: VerifyJournalOptions = {}): Promise<DirectoryVerifyReport> {
  const scan = await scanJournal(directory, options.publicKey === undefined ? {} : { expectedSeatPublicKey: options.publicKey }, options.onEntry)
  return {
    status: scan.status,
    entries: scan.entries,
    firstBad: scan.firstBad,
    head: scan.head,
    torn: scan.torn ? { file: scan.torn.path, bytes: scan.torn.bytes.length, completeSeq: scan.torn.completeEntry?.seq ?? null } : null,
    seatPublicKey: scan.seatPublicKey,
  }
}
