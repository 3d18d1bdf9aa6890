import { openSeatDeskDb, type SeatDeskDb } from '../../../renderer/src/db/schema'
import { generateTicketRows, type LookupKeys } from './ticketData'

// Writing the million tickets of the lookup figures into the app's schema, in the bench page. Kept
// apart from the page's measurements (ticketBenchPage.ts) because the filled database is cached by a
// hash of the sources that decide its content (ticketDatabase.ts): this file is one of them, the code
// being measured is not, so changing a query or the projection does not write the tickets again.

/** The database the lookups run on. */
export const LOOKUP_DB = 'seatdesk-bench-lookups'

export async function expectTicketCount(db: SeatDeskDb, count: number): Promise<void> {
  const held = await db.tickets.count()
  if (held !== count) throw new Error(`bench: the tickets table holds ${held} rows, not ${count}`)
}

/**
 * Writes `count` generated tickets in batches through Dexie into the app's schema; answers how long
 * it took and keys to look up. The next batch is made while the last one is written.
 */
export async function fillTickets(count: number, batchSize: number): Promise<{ ms: number; keys: LookupKeys }> {
  const db = openSeatDeskDb(LOOKUP_DB)
  await db.open()
  const started = performance.now()
  let writing: Promise<unknown> = Promise.resolve()
  const keys = await generateTicketRows(count, batchSize, async (rows) => {
    await writing
    writing = db.tickets.bulkAdd(rows)
  })
  await writing
  const ms = performance.now() - started
  await expectTicketCount(db, count)
  db.close()
  return { ms, keys }
}
