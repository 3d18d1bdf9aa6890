import type { JournalEntry } from '../../../../shared/journal/entry'
import { scanJournal } from '../../journal/scanJournal'
import type { EntryVerifierOptions } from '../../journal/verifyEntries'

export class JournalNotIntactError extends Error {
  override name = 'JournalNotIntactError'
}

export interface VerifiedJournal {
  entries: JournalEntry[]
  seatPublicKey: string
}

/**
 * Every intact entry of a journal folder, after the full verification the app runs on open: an
 * export must never carry (and so re-sign the manifest of) a journal that is already tampered.
 * A torn tail is left out, as the app leaves it out. The entries are the ones the scan verified, kept
 * as it reads them, so the seat may keep appending meanwhile and each line is read and parsed once.
 */
export async function readVerifiedJournal(directory: string, options: EntryVerifierOptions = {}): Promise<VerifiedJournal> {
  const entries: JournalEntry[] = []
  const scan = await scanJournal(directory, options, (entry) => entries.push(entry))
  if (scan.status === 'corrupt') {
    const bad = scan.firstBad
    throw new JournalNotIntactError(`the journal does not verify at ${bad?.seq === null || bad?.seq === undefined ? 'an unnumbered line' : `seq ${bad.seq}`}: ${bad?.reason}`)
  }
  if (scan.seatPublicKey === null) throw new JournalNotIntactError('the journal has no seat.created entry')
  return { entries, seatPublicKey: scan.seatPublicKey }
}
