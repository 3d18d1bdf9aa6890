import { projectionTableNames, openSeatDeskDb, type SeatDeskDb } from '../../../renderer/src/db/schema'
import { applyEntries } from '../../../renderer/src/db/projection'
import { searchTickets } from '../../../renderer/src/features/tickets/data/ticketQueries'
import type { JournalEntry } from '../../../shared/journal/entry'
import { generateTicketJournal } from './ticketData'
import { expectTicketCount, fillTickets, LOOKUP_DB } from './ticketFill'

// The ticket benchmarks' page, bundled with esbuild (see ticketPage.ts) with the renderer's own Dexie
// schema, projection and queries, so the indexes and the code measured are the app's. Each figure's
// floor runs here too, in the same browser on the same database: raw IndexedDB with no app code.
//
// Typed against a few lines of IndexedDB declared below rather than the DOM library: build/ is checked
// as Node code, and this is the only file of it that runs in a page.

interface IdbRequest<T> {
  result: T
  error: unknown
  onsuccess: (() => void) | null
  onerror: (() => void) | null
}
interface IdbIndex {
  get(key: string): IdbRequest<unknown>
}
interface IdbStore {
  index(name: string): IdbIndex
  put(value: unknown): IdbRequest<unknown>
}
interface IdbTransaction {
  objectStore(name: string): IdbStore
  oncomplete: (() => void) | null
  onerror: (() => void) | null
  onabort: (() => void) | null
  error: unknown
}
interface IdbDatabase {
  transaction(stores: string | string[], mode: 'readonly' | 'readwrite', options?: { durability: 'relaxed' | 'strict' | 'default' }): IdbTransaction
}

const now = (): number => performance.now()

function requested<T>(request: IdbRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

function completed(transaction: IdbTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve()
    transaction.onerror = () => reject(transaction.error)
    transaction.onabort = () => reject(transaction.error)
  })
}

/** The connection Dexie opened, for the floors: the same database, store and indexes. */
function rawDb(db: SeatDeskDb): IdbDatabase {
  return db.backendDB() as unknown as IdbDatabase
}

export type LookupKind = 'phone' | 'waybill' | 'number'
const floorIndex: Record<LookupKind, string> = { phone: 'callerPhone', waybill: 'waybillNos', number: 'ticketNo' }

let lookupDb: SeatDeskDb | null = null

/** The same work the projection's catch-up does: a page of entries per transaction, with lastSeq. */
const PAGE_SIZE = 500

const api = {
  /** Writes the tickets the lookups run on (ticketFill.ts). */
  fill: fillTickets,

  /** Opens the filled database (written by `fill`, maybe in an earlier run) for the lookups. */
  async openLookups(count: number): Promise<void> {
    const db = openSeatDeskDb(LOOKUP_DB)
    await db.open()
    await expectTicketCount(db, count)
    lookupDb = db
  },

  /**
   * Alternates the app's search (the search box: searchTickets with the typed text) and the floor
   * (one IndexedDB index get of a stored key) so both see the same machine and cache state. The
   * floor's keys are other tickets' (the caller passes the list rotated), so neither side reads what
   * the other has just brought into the cache. Every app lookup must find the ticket its key came from.
   */
  async lookups(kind: LookupKind, typed: string[], expected: string[], floorKeys: string[]): Promise<{ app: number[]; floor: number[] }> {
    const db = lookupDb
    if (!db) throw new Error('bench: fill the tickets first')
    const raw = rawDb(db)
    const app: number[] = []
    const floor: number[] = []
    for (const [index, text] of typed.entries()) {
      const startApp = now()
      const rows = await searchTickets(db, { text })
      app.push(now() - startApp)
      const want = expected[index] as string
      const found = kind === 'number' ? rows.some((row) => row.ticketNo === want) : kind === 'waybill' ? rows.some((row) => row.waybillNos.includes(want)) : rows.some((row) => row.callerPhone === want)
      if (!found) throw new Error(`bench: searching "${text}" did not find its ticket`)

      const startFloor = now()
      const transaction = raw.transaction('tickets', 'readonly')
      const row = await requested(transaction.objectStore('tickets').index(floorIndex[kind]).get(floorKeys[index] as string))
      floor.push(now() - startFloor)
      if (!row) throw new Error(`bench: the ${floorIndex[kind]} index has no ${floorKeys[index]}`)
    }
    return { app, floor }
  },

  /**
   * Ticket entries replayed through the app's projection (applyEntries, a page per transaction, as a
   * rebuild does) into an empty view, against the floor: the rows that replay wrote, put with raw
   * IndexedDB in the same page-sized transactions into the emptied view. A short untimed replay first
   * warms the code.
   */
  async rebuild(entryCount: number, warmup: number): Promise<{ entries: number; appMs: number; floorMs: number }> {
    const entries = generateTicketJournal(entryCount)
    const db = openSeatDeskDb('seatdesk-bench-rebuild')
    await db.open()
    await replay(db, entries.slice(0, warmup))
    await clear(db)

    const appStart = now()
    await replay(db, entries)
    const appMs = now() - appStart

    const [tickets, events, callbacks] = await Promise.all([db.tickets.toArray(), db.ticketEvents.toArray(), db.callbacks.toArray()])
    const ticketById = new Map(tickets.map((row) => [row.ticketId, row]))
    const eventBySeq = new Map(events.map((row) => [row.seq, row]))
    const callbackById = new Map(callbacks.map((row) => [row.callbackId, row]))
    if (events.length !== entries.length) throw new Error(`bench: the replay wrote ${events.length} timeline rows for ${entries.length} entries`)
    await clear(db)
    const floorStart = now()
    const raw = rawDb(db)
    for (let from = 0; from < entries.length; from += PAGE_SIZE) {
      const page = entries.slice(from, from + PAGE_SIZE)
      const transaction = raw.transaction(['tickets', 'ticketEvents', 'callbacks', 'meta'], 'readwrite', { durability: 'relaxed' })
      const store = (name: string) => transaction.objectStore(name)
      for (const entry of page) {
        const event = eventBySeq.get(entry.seq)
        store('ticketEvents').put(event)
        store('tickets').put(ticketById.get(event?.ticketId ?? ''))
        const callbackId = (entry.payload as { callbackId?: string }).callbackId
        if (callbackId) store('callbacks').put(callbackById.get(callbackId))
      }
      const last = page.at(-1) as JournalEntry
      store('meta').put({ key: 'lastSeq', value: last.seq })
      store('meta').put({ key: 'lastHash', value: last.hash })
      await completed(transaction)
    }
    const floorMs = now() - floorStart
    db.close()
    return { entries: entries.length, appMs, floorMs }
  },
}

async function replay(db: SeatDeskDb, entries: readonly JournalEntry[]): Promise<void> {
  for (let from = 0; from < entries.length; from += PAGE_SIZE) {
    const page = entries.slice(from, from + PAGE_SIZE)
    const last = page.at(-1) as JournalEntry
    await db.transaction('rw', projectionTableNames, async () => {
      await applyEntries(db, page)
      await db.meta.bulkPut([
        { key: 'lastSeq', value: last.seq },
        { key: 'lastHash', value: last.hash },
      ])
    })
  }
}

function clear(db: SeatDeskDb): Promise<void> {
  return db.transaction('rw', projectionTableNames, async () => {
    await Promise.all(projectionTableNames.map((name) => db[name].clear()))
  })
}

export type TicketBenchApi = typeof api
;(globalThis as unknown as { ticketBench: TicketBenchApi }).ticketBench = api
