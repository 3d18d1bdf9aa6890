import type { CallbackRow, SeatDeskDb, TicketEventRow, TicketRow } from '../../../db/schema'
import { readDeadlineContext, type DeadlineContext } from './ticketDeadlines'

type PageTables = Pick<SeatDeskDb, 'meta' | 'tickets' | 'ticketEvents' | 'callbacks'>

/**
 * The tickets, pending callbacks and clock settings one page of the journal touches, held in memory
 * while the page is applied and written with one bulkPut per table at its end (`flush`).
 *
 * Why: a ticket has several entries close together (opened, updated, a note, resolved), and a rebuild
 * replays a year of them. Read and written one request at a time, each entry waits on IndexedDB three
 * or four times; through the page, an entry whose ticket the page already holds waits on nothing.
 *
 * A page lives inside one transaction (sync.ts applies a journal page in one): if the transaction
 * fails, the page is dropped with it, so memory never runs ahead of the view. Code that reads the
 * ticket tables directly (a recompute of every open ticket) flushes first and `forget`s after.
 */
export class TicketPage {
  /** null: the view has no such ticket. */
  private readonly tickets = new Map<string, TicketRow | null>()
  private readonly dirtyTickets = new Set<string>()
  /** Each loaded ticket's pending callbacks, kept current as callbacks are scheduled and done. */
  private readonly pending = new Map<string, CallbackRow[]>()
  private readonly dirtyCallbacks = new Map<string, CallbackRow>()
  private events: TicketEventRow[] = []
  private context: Promise<DeadlineContext> | null = null

  constructor(private readonly tables: PageTables) {}

  /**
   * Reads, in one request per table, the tickets a run of entries will change and their pending
   * callbacks, so that replaying the run waits on IndexedDB once rather than once per entry. Tickets
   * the page already holds are not read again.
   */
  async preload(ticketIds: Iterable<string>): Promise<void> {
    const wanted = [...new Set(ticketIds)].filter((ticketId) => !this.tickets.has(ticketId))
    if (wanted.length === 0) return
    const [rows, callbacks] = await Promise.all([
      this.tables.tickets.bulkGet(wanted),
      this.tables.callbacks.where('ticketId').anyOf(wanted).filter((callback) => callback.done === 0).toArray(),
    ])
    for (const [index, ticketId] of wanted.entries()) {
      // Another caller may have loaded (and changed) the row while this one waited.
      if (!this.tickets.has(ticketId)) this.tickets.set(ticketId, rows[index] ?? null)
      if (!this.pending.has(ticketId)) this.pending.set(ticketId, callbacks.filter((callback) => callback.ticketId === ticketId))
    }
  }

  async ticket(ticketId: string): Promise<TicketRow | undefined> {
    if (!this.tickets.has(ticketId)) {
      const stored = (await this.tables.tickets.get(ticketId)) ?? null
      // Another caller may have loaded (and changed) the row while this one waited.
      if (!this.tickets.has(ticketId)) this.tickets.set(ticketId, stored)
    }
    return this.tickets.get(ticketId) ?? undefined
  }

  /** A new ticket: it has no callbacks yet, so none need reading. */
  addTicket(row: TicketRow): void {
    this.putTicket(row)
    this.pending.set(row.ticketId, [])
  }

  putTicket(row: TicketRow): void {
    this.tickets.set(row.ticketId, row)
    this.dirtyTickets.add(row.ticketId)
  }

  async pendingCallbacks(ticketId: string): Promise<CallbackRow[]> {
    let list = this.pending.get(ticketId)
    if (!list) {
      list = await this.tables.callbacks.where('ticketId').equals(ticketId).filter((callback) => callback.done === 0).toArray()
      // Another caller may have loaded (and changed) the list while this one waited.
      list = this.pending.get(ticketId) ?? list
      this.pending.set(ticketId, list)
    }
    return list
  }

  /** Saves a callback and keeps its ticket's pending list in step (a done callback leaves it). */
  async putCallback(row: CallbackRow): Promise<void> {
    const list = await this.pendingCallbacks(row.ticketId)
    const at = list.findIndex((callback) => callback.callbackId === row.callbackId)
    if (at >= 0) list.splice(at, 1)
    if (row.done === 0) list.push(row)
    this.dirtyCallbacks.set(row.callbackId, row)
  }

  addEvent(row: TicketEventRow): void {
    this.events.push(row)
  }

  /** The clocks and calendar in force; read once per page. */
  deadlineContext(): Promise<DeadlineContext> {
    this.context ??= readDeadlineContext(this.tables)
    return this.context
  }

  async flush(): Promise<void> {
    const tickets = [...this.dirtyTickets].map((ticketId) => this.tickets.get(ticketId)).filter((row): row is TicketRow => !!row)
    const callbacks = [...this.dirtyCallbacks.values()]
    const events = this.events
    this.dirtyTickets.clear()
    this.dirtyCallbacks.clear()
    this.events = []
    await Promise.all([this.tables.tickets.bulkPut(tickets), this.tables.callbacks.bulkPut(callbacks), this.tables.ticketEvents.bulkPut(events)])
  }

  /** Drops what the page holds (after a flush): the tables were changed behind its back. */
  forget(): void {
    if (this.dirtyTickets.size > 0 || this.dirtyCallbacks.size > 0 || this.events.length > 0) {
      throw new Error('TicketPage.forget() with unwritten changes: flush first')
    }
    this.tickets.clear()
    this.pending.clear()
    this.context = null
  }
}
