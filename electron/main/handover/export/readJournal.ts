import { readFile } from 'node:fs/promises'
import type { JournalEntry } from '../../../../shared/journal/entry'
import { scanJournal } from '../../journal/scanJournal'
import { decodeLine, splitSegment } from '../../journal/segmentFiles'
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
 * A torn tail is left out, as the app leaves it out. The seat may keep appending while this reads:
 * only the bytes the scan verified are read back (segments only ever grow).
 */
export async function readVerifiedJournal(directory: string, options: EntryVerifierOptions = {}): Promise<VerifiedJournal> {
  const scan = await scanJournal(directory, options)
  if (scan.status === 'corrupt') {
    const bad = scan.firstBad
    throw new JournalNotIntactError(`the journal does not verify at ${bad?.seq === null || bad?.seq === undefined ? 'an unnumbered line' : `seq ${bad.seq}`}: ${bad?.reason}`)
  }
  if (scan.seatPublicKey === null) throw new JournalNotIntactError('the journal has no seat.created entry')
  const entries: JournalEntry[] = []
  for (const segment of scan.segments) {
    if (segment.offsets.length === 0) continue
    const bytes = (await readFile(segment.path)).subarray(0, segment.size)
    for (const span of splitSegment(bytes).lines) {
      if (entries.length === scan.head.seq) break
      entries.push(JSON.parse(decodeLine(bytes, span) as string) as JournalEntry)
    }
  }
  if (entries.length !== scan.head.seq) throw new JournalNotIntactError('the journal changed while it was read')
  return { entries, seatPublicKey: scan.seatPublicKey }
}
