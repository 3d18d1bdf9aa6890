import { Dexie, type Collection, type IndexableType, type InsertType } from 'dexie'
import { parseCallerNumber } from '../../../../../shared/domain/phone'
import { chinaDayEndMs, chinaDayStartMs, type ChinaDate } from '../../../../../shared/domain/tickets/chinaTime'
import type { TicketKind } from '../../../../../shared/domain/tickets/kinds'
import { parseTicketNo, type TicketStatus } from '../../../../../shared/domain/tickets/lifecycle'
import type { CallbackRow, CustomerRow, SeatDeskDb, TicketEventRow, TicketRow, TransferRow } from '../../../db/schema'

// The lookups the screens make, each driven by an index so they stay fast on a seat with a year of
// history (a million tickets): an agent on a call cannot wait for a table scan.

/**
 * "Due soon" is the last half hour. The shortest clocks are 5 minutes (a tracking inquiry's answer)
 * and 10 (a business lead's follow-up), so a shorter window would show them only once nearly gone;
 * a longer one would bury the 2-hour overcharge clock in the list for a quarter of its life.
 */
export const DUE_SOON_MS = 30 * 60 * 1000

type Tickets = SeatDeskDb['tickets']
type TicketCollection = Collection<TicketRow, string, InsertType<TicketRow, 'ticketId'>>

export type TicketSearchCriteria = {
  /** A ticket no., a waybill no., a phone (full, or its last 4 digits), or the start of a customer's name. */
  text?: string
  kind?: TicketKind
  status?: TicketStatus
  owner?: string
  /** Opened on or after this date in China. */
  from?: ChinaDate
  /** Opened on or before this date in China. */
  to?: ChinaDate
}

/**
 * A way into the tickets table: an index range and the same test as a predicate, so the candidates
 * can come either from the index or from a walk along openedAt.
 */
type Lookup = { open: (tickets: Tickets) => TicketCollection; matches: (row: TicketRow) => boolean }

/**
 * An index range with at most this many tickets is read whole and sorted in memory; a larger one (a
 * common surname, every closed ticket) is served by walking openedAt newest first and testing each row,
 * which finds `limit` matches quickly precisely because they are that common.
 */
const CANDIDATE_CAP = 1000

const WAYBILL = /^[A-Za-z0-9]{6,30}$/

const byNewest = (a: TicketRow, b: TicketRow) => (a.openedAt === b.openedAt ? b.openedSeq - a.openedSeq : a.openedAt < b.openedAt ? 1 : -1)

/** A phone as stored (E.164, or a service short code's digits); the input itself when it does not parse. */
function storedPhone(phone: string): string {
  const parsed = parseCallerNumber(phone)
  return parsed.ok ? parsed.stored : phone.trim()
}

const equalsLookup = (index: keyof TicketRow & string, value: IndexableType, matches: (row: TicketRow) => boolean): Lookup => ({
  open: (tickets) => tickets.where(index).equals(value),
  matches,
})

/** Every reading of the searched text that could name tickets; each is one index lookup. */
function textLookups(typed: string): Lookup[] {
  const text = typed.trim()
  if (text === '') return []
  const upper = text.toUpperCase()
  const lookups: Lookup[] = []
  const ticketNo = parseTicketNo(text)
  if (ticketNo) lookups.push(equalsLookup('ticketNo', upper, (row) => row.ticketNo === upper))
  if (WAYBILL.test(text)) lookups.push(equalsLookup('waybillNos', upper, (row) => row.waybillNos.includes(upper)))
  const phone = parseCallerNumber(text)
  if (phone.ok) lookups.push(equalsLookup('callerPhone', phone.stored, (row) => row.callerPhone === phone.stored))
  if (/^\d{4}$/.test(text)) lookups.push(equalsLookup('phoneLast4', text, (row) => row.phoneLast4 === text))
  // Digits alone are a number, not a name.
  if (!ticketNo && /\D/.test(text)) {
    lookups.push({ open: (tickets) => tickets.where('customerName').startsWith(text), matches: (row) => row.customerName?.startsWith(text) ?? false })
  }
  return lookups
}

function openedRange(criteria: TicketSearchCriteria): [string, string] {
  return [
    criteria.from ? new Date(chinaDayStartMs(criteria.from)).toISOString() : '',
    criteria.to ? new Date(chinaDayEndMs(criteria.to)).toISOString() : '\uffff',
  ]
}

function filtersMatch(criteria: TicketSearchCriteria): (row: TicketRow) => boolean {
  const [from, to] = openedRange(criteria)
  return (row) =>
    (criteria.kind === undefined || row.kind === criteria.kind) &&
    (criteria.status === undefined || row.status === criteria.status) &&
    (criteria.owner === undefined || row.owner === criteria.owner) &&
    row.openedAt >= from &&
    row.openedAt < to
}

/** The tickets a lookup names, or null when there are more than CANDIDATE_CAP. */
async function probe(tickets: Tickets, lookup: Lookup): Promise<string[] | null> {
  const keys = await lookup.open(tickets).limit(CANDIDATE_CAP + 1).primaryKeys()
  return keys.length > CANDIDATE_CAP ? null : keys
}

/** Newest first along openedAt (within the date range), testing each row: for candidates too many to sort. */
function walkNewestFirst(tickets: Tickets, criteria: TicketSearchCriteria, test: (row: TicketRow) => boolean, limit: number) {
  const [from, to] = openedRange(criteria)
  return tickets.where('openedAt').between(from, to, true, false).reverse().filter(test).limit(limit).toArray()
}

async function readSorted(tickets: Tickets, keys: Iterable<string>, test: (row: TicketRow) => boolean, limit: number) {
  const rows = await tickets.bulkGet([...new Set(keys)])
  return rows.filter((row): row is TicketRow => row !== undefined && test(row)).sort(byNewest).slice(0, limit)
}

/**
 * Tickets matching every criterion given, newest first. With text, the candidates are the union of its
 * readings (ticket no., waybill, phone, last 4 digits, name prefix), each an index lookup, filtered by
 * the rest. With filters only, the most selective of the kind, status and owner indexes is used when it
 * names few enough tickets; otherwise openedAt is walked newest first with the date range and limit.
 */
export async function searchTickets(db: Pick<SeatDeskDb, 'tickets'>, criteria: TicketSearchCriteria, limit = 50): Promise<TicketRow[]> {
  const filters = filtersMatch(criteria)
  const text = criteria.text?.trim() ?? ''
  if (text !== '') {
    const lookups = textLookups(text)
    const probes = await Promise.all(lookups.map((lookup) => probe(db.tickets, lookup)))
    const matchesText = (row: TicketRow) => lookups.some((lookup) => lookup.matches(row))
    if (probes.some((keys) => keys === null)) return walkNewestFirst(db.tickets, criteria, (row) => matchesText(row) && filters(row), limit)
    return readSorted(db.tickets, probes.flatMap((keys) => keys ?? []), filters, limit)
  }
  const filterLookups: Lookup[] = []
  if (criteria.kind !== undefined) filterLookups.push(equalsLookup('kind', criteria.kind, () => true))
  if (criteria.status !== undefined) filterLookups.push(equalsLookup('status', criteria.status, () => true))
  if (criteria.owner !== undefined) filterLookups.push(equalsLookup('owner', criteria.owner, () => true))
  const probes = await Promise.all(filterLookups.map((lookup) => probe(db.tickets, lookup)))
  const fitting = probes.filter((keys): keys is string[] => keys !== null).sort((a, b) => a.length - b.length)
  const fewest = fitting[0]
  if (fewest) return readSorted(db.tickets, fewest, filters, limit)
  return walkNewestFirst(db.tickets, criteria, filters, limit)
}

/**
 * A repeat caller's open tickets, found by their phone or by a waybill any of their tickets names
 * (a misroute names two), newest first: the call screen shows them and who owns each.
 */
export async function repeatCallerTickets(
  db: Pick<SeatDeskDb, 'tickets'>,
  caller: { phone: string | null; waybillNo: string | null },
): Promise<TicketRow[]> {
  const lookups: Promise<TicketRow[]>[] = []
  const phone = caller.phone?.trim() ? storedPhone(caller.phone) : null
  const waybillNo = caller.waybillNo?.trim().toUpperCase() || null
  const isOpen = (row: TicketRow) => row.open === 1
  if (phone) lookups.push(db.tickets.where('callerPhone').equals(phone).filter(isOpen).toArray())
  if (waybillNo) lookups.push(db.tickets.where('waybillNos').equals(waybillNo).filter(isOpen).toArray())
  const found = new Map((await Promise.all(lookups)).flat().map((row) => [row.ticketId, row]))
  return [...found.values()].sort(byNewest)
}

/** The tickets opened or changed during a call, in the order they were opened (the call record lists them). */
export async function ticketsOfCall(db: Pick<SeatDeskDb, 'tickets'>, callId: string): Promise<TicketRow[]> {
  const rows = await db.tickets.where('callIds').equals(callId).toArray()
  return rows.sort((a, b) => a.openedSeq - b.openedSeq)
}

/** Every change to a ticket, with who and when, oldest first. */
export function ticketTimeline(db: Pick<SeatDeskDb, 'ticketEvents'>, ticketId: string): Promise<TicketEventRow[]> {
  return db.ticketEvents.where('[ticketId+seq]').between([ticketId, Dexie.minKey], [ticketId, Dexie.maxKey]).toArray()
}

/** A ticket's callbacks, soonest due first. */
export function ticketCallbacks(db: Pick<SeatDeskDb, 'callbacks'>, ticketId: string): Promise<CallbackRow[]> {
  return db.callbacks.where('ticketId').equals(ticketId).sortBy('dueAt')
}

export type DueTickets = { overdue: TicketRow[]; dueSoon: TicketRow[] }

/**
 * Open tickets past their next deadline, and those due within `dueSoonMs`, soonest first. A ticket
 * whose next deadline stands still (it waits on the customer; `pausedNow`) cannot fall due until the
 * wait ends, so it is in neither list. With `owner`, only that agent's open tickets are read.
 */
export async function dueTickets(
  db: Pick<SeatDeskDb, 'tickets'>,
  options: { now: string; dueSoonMs: number; owner?: string; limit: number },
): Promise<DueTickets> {
  const nowMs = Date.parse(options.now)
  const now = new Date(nowMs).toISOString()
  const soon = new Date(nowMs + options.dueSoonMs).toISOString()
  const running = (row: TicketRow) => !row.pausedNow
  if (options.owner !== undefined) {
    const mine = await db.tickets.where('[owner+open]').equals([options.owner, 1]).toArray()
    const due = mine
      .filter((row): row is TicketRow & { nextDueAt: string } => row.nextDueAt !== null && running(row))
      .sort((a, b) => (a.nextDueAt < b.nextDueAt ? -1 : a.nextDueAt > b.nextDueAt ? 1 : 0))
    return {
      overdue: due.filter((row) => row.nextDueAt <= now).slice(0, options.limit),
      dueSoon: due.filter((row) => row.nextDueAt > now && row.nextDueAt <= soon).slice(0, options.limit),
    }
  }
  const [overdue, dueSoon] = await Promise.all([
    db.tickets.where('[open+nextDueAt]').between([1, Dexie.minKey], [1, now], true, true).filter(running).limit(options.limit).toArray(),
    db.tickets.where('[open+nextDueAt]').between([1, now], [1, soon], false, true).filter(running).limit(options.limit).toArray(),
  ])
  return { overdue, dueSoon }
}

/** Transfers offered to this agent and not yet settled, oldest first. */
export function pendingTransfersFor(db: Pick<SeatDeskDb, 'transfers'>, employeeNo: string): Promise<TransferRow[]> {
  return db.transfers.where('[to+state]').equals([employeeNo, 'offered']).sortBy('offeredAt')
}

/** Transfers this agent offered that wait for an answer, oldest first. */
export function pendingTransfersFrom(db: Pick<SeatDeskDb, 'transfers'>, employeeNo: string): Promise<TransferRow[]> {
  return db.transfers.where('[from+state]').equals([employeeNo, 'offered']).sortBy('offeredAt')
}

/** The archived customer with this phone, however it was typed. */
export async function customerByPhone(db: Pick<SeatDeskDb, 'customers'>, phone: string): Promise<CustomerRow | null> {
  return (await db.customers.get(storedPhone(phone))) ?? null
}

/** Customers by full phone, the phone's last 4 digits, or the start of the name; most recently saved first. */
export async function searchCustomers(db: Pick<SeatDeskDb, 'customers'>, typed: string, limit = 20): Promise<CustomerRow[]> {
  const text = typed.trim()
  if (text === '') return []
  const lookups: Promise<CustomerRow[]>[] = []
  const phone = parseCallerNumber(text)
  if (phone.ok) lookups.push(db.customers.where('phone').equals(phone.stored).toArray())
  if (/^\d{4}$/.test(text)) lookups.push(db.customers.where('phoneLast4').equals(text).limit(limit).toArray())
  if (/\D/.test(text)) lookups.push(db.customers.where('name').startsWith(text).limit(limit).toArray())
  const found = new Map((await Promise.all(lookups)).flat().map((row) => [row.phone, row]))
  return [...found.values()].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0)).slice(0, limit)
}
