import { GENESIS_PREV, type JournalEntry } from '../../../../shared/journal/entry'
import { readCheckpoints } from '../checkpointFile'

// The checkpoints "kept with the book" (<dataDir>/book/checkpoints.ndjson, written by the handover
// service, read with its reader) as the export and the CLI's folder check need them: {seq, hash} and
// the page, refused as a whole when a line cannot be read (a book that cannot be read proves nothing).

export interface BookCheckpoint {
  seq: number
  hash: string
  pageId: string
}

/** The book's checkpoint file cannot be read, or disagrees with the journal (cut or rewritten). */
export class CheckpointMismatchError extends Error {
  override name = 'CheckpointMismatchError'
}

export async function readBookCheckpoints(dataDir: string): Promise<BookCheckpoint[]> {
  const file = await readCheckpoints(dataDir)
  const bad = file.unreadable[0]
  if (bad) throw new CheckpointMismatchError(`book/checkpoints.ndjson line ${bad.line} is ${bad.reason}`)
  return file.lines.map(({ seq, hash, pageId }) => ({ seq, hash, pageId }))
}

/** Throws when the journal no longer reaches a checkpoint, or holds another entry at its seq. */
export function checkBookAgainstJournal(book: readonly BookCheckpoint[], entries: readonly JournalEntry[]): void {
  checkBookAgainstHead(book, entries.length, (seq) => (entries[seq - 1] as JournalEntry).hash)
}

/**
 * The same check given only the journal's head seq and the hash at each seq the book names (1 to
 * `head`): what a caller that did not keep the entries (the CLI's verify) collected while verifying.
 */
export function checkBookAgainstHead(book: readonly BookCheckpoint[], head: number, hashAt: (seq: number) => string | undefined): void {
  for (const checkpoint of book) {
    if (checkpoint.seq > head) {
      throw new CheckpointMismatchError(
        `the journal ends at seq ${head} but the book holds a checkpoint at seq ${checkpoint.seq} (page ${checkpoint.pageId}): entries were cut from its end`,
      )
    }
    const hash = checkpoint.seq === 0 ? GENESIS_PREV : hashAt(checkpoint.seq)
    if (hash !== checkpoint.hash) throw new CheckpointMismatchError(`the book's checkpoint at seq ${checkpoint.seq} (page ${checkpoint.pageId}) does not match the journal's entry there`)
  }
}
