import { Dexie, type Collection, type IndexableType, type InsertType } from 'dexie'
import { parseCallerNumber } from '../../../../../shared/domain/phone'
import { chinaDayEndMs, chinaDayStartMs, type ChinaDate } from '../../../../../shared/domain/tickets/chinaTime'
import type { TicketKind } from '../../../../../shared/domain/tickets/kinds'
import { parseTicketNo, type TicketStatus } from '../../../../../shared/domain/tickets/lifecycle'
import { dialledPhone } from '../../../../../shared/domain/tickets/searchKeys'
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
 * A way into the tickets table by the searched text: an index range and the same test as a predicate,
 * so the text can be tested on rows that come from elsewhere (a walk along a filter's index). An
 * `exact` reading names a handful of tickets by nature (one ticket no., one waybill, one caller), so
 * its rows are read straight from the index; a `broad` one (the last 4 digits, the start of a name)
 * may name thousands, so its keys are counted first.
 */
type Lookup = { open: (tickets: Tickets) => TicketCollection; matches: (row: TicketRow) => boolean; breadth: 'exact' | 'broad' }

/**
 * A text reading with at most this many tickets is read whole and sorted in memory; a larger one (a
 * common surname) is served by walking the filters' index newest first and testing each row, which
 * finds `limit` matches quickly precisely because they are that common.
 */
const CANDIDATE_CAP = 1000

/**
 * No search reads more ticket rows than this (nor more keys from one index range). A search whose
 * matches are rarer than that among the newest tickets of its range says it stopped (`truncated`), and
 * the screen asks for a narrower search, rather than read a year of tickets on every keystroke.
 */
export const SEARCH_SCAN_CAP = 20_000

export type TicketSearchResult = {
  /** Newest first. */
  tickets: TicketRow[]
  /** The search stopped at its scan cap (SEARCH_SCAN_CAP) with fewer than `limit` found: older tickets may match. */
  truncated: boolean
}

const WAYBILL = /^[A-Za-z0-9]{6,30}$/

const byNewest = (a: TicketRow, b: TicketRow) => (a.openedAt === b.openedAt ? b.openedSeq - a.openedSeq : a.openedAt < b.openedAt ? 1 : -1)

/** A phone as stored (E.164, or a service short code's digits); the input itself when it does not parse. */
function storedPhone(phone: string): string {
  const parsed = parseCallerNumber(phone)
  return parsed.ok ? parsed.stored : phone.trim()
}

const equalsLookup = (
  index: keyof TicketRow & string,
  value: IndexableType,
  matches: (row: TicketRow) => boolean,
  breadth: Lookup['breadth'] = 'exact',
): Lookup => ({
  open: (tickets) => tickets.where(index).equals(value),
  matches,
  breadth,
})

/**
 * Every reading of the searched text that could name tickets; each is one index lookup. The exact
 * readings — a ticket no., a waybill, a phone as dialled — share one index (lookupKeys), so an 11-digit
 * number that is both a mobile and an all-digit waybill (some carriers' waybills are) is one lookup
 * that finds both. Text with a digit in it is no one's name, so it is not looked up as one.
 */
function textLookups(typed: string): Lookup[] {
  const text = typed.trim()
  if (text === '') return []
  const upper = text.toUpperCase()
  const exact = new Map<string, ((row: TicketRow) => boolean)[]>()
  const exactly = (key: string, test: (row: TicketRow) => boolean) => exact.set(key, [...(exact.get(key) ?? []), test])
  if (parseTicketNo(text)) exactly(upper, (row) => row.ticketNo === upper)
  if (WAYBILL.test(text)) exactly(upper, (row) => row.waybillNos.includes(upper))
  const phone = parseCallerNumber(text)
  if (phone.ok) exactly(dialledPhone(phone.stored), (row) => row.callerPhone === phone.stored)
  const lookups = [...exact].map(([key, tests]) => equalsLookup('lookupKeys', key, (row) => tests.some((test) => test(row))))
  if (/^\d{4}$/.test(text)) lookups.push(equalsLookup('phoneLast4', text, (row) => row.phoneLast4 === text, 'broad'))
  if (!/\d/.test(text)) {
    lookups.push({
      open: (tickets) => tickets.where('customerName').startsWith(text),
      matches: (row) => row.customerName?.startsWith(text) ?? false,
      breadth: 'broad',
    })
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

/**
 * An index range holding exactly the tickets that meet some of the filters within the date range, in
 * openedAt order (oldest first; reverse it for newest first). Every filter has one ending in openedAt.
 */
type OrderedSource = (tickets: Tickets) => TicketCollection
/** The most specific first. */
type Sources = [OrderedSource] | [OrderedSource, OrderedSource]

const rangeOf =
  (index: string, prefix: IndexableType[], [from, to]: [string, string]): OrderedSource =>
  (tickets) =>
    prefix.length === 0 ? tickets.where(index).between(from, to, true, false) : tickets.where(index).between([...prefix, from], [...prefix, to], true, false)

/**
 * The fewest ranges that together meet every filter: one when the filters are one of the indexed
 * combinations (any single filter, owner or kind with a status), two otherwise (their intersection).
 */
function orderedSources(criteria: TicketSearchCriteria): Sources {
  const range = openedRange(criteria)
  const { kind, status, owner } = criteria
  if (status !== undefined) {
    const byOwner = owner === undefined ? null : rangeOf('[owner+status+openedAt]', [owner, status], range)
    const byKind = kind === undefined ? null : rangeOf('[kind+status+openedAt]', [kind, status], range)
    if (byOwner && byKind) return [byOwner, byKind]
    return [byOwner ?? byKind ?? rangeOf('[status+openedAt]', [status], range)]
  }
  const byOwner = owner === undefined ? null : rangeOf('[owner+openedAt]', [owner], range)
  const byKind = kind === undefined ? null : rangeOf('[kind+openedAt]', [kind], range)
  if (byOwner && byKind) return [byOwner, byKind]
  return [byOwner ?? byKind ?? rangeOf('openedAt', [], range)]
}

/**
 * Rows for `keys` (newest first), read a page at a time and tested, until `limit` match: the first page
 * is `limit` long, so a list known to match whole costs exactly the rows shown.
 */
async function readMatching(tickets: Tickets, keys: readonly string[], test: (row: TicketRow) => boolean, limit: number): Promise<TicketRow[]> {
  const found: TicketRow[] = []
  for (let start = 0, size = Math.max(limit, 1); start < keys.length && found.length < limit; start += size, size *= 4) {
    for (const row of await tickets.bulkGet(keys.slice(start, start + size))) {
      if (row && test(row)) found.push(row)
      if (found.length === limit) break
    }
  }
  return found
}

/**
 * Newest first along `source`, testing each row, reading at most `scanCap` rows: the keys come from
 * the index a growing page at a time (skipping the pages read), the rows with bulkGet.
 */
async function walkNewestFirst(
  tickets: Tickets,
  source: OrderedSource,
  test: (row: TicketRow) => boolean,
  limit: number,
  scanCap: number,
): Promise<TicketSearchResult> {
  const found: TicketRow[] = []
  let scanned = 0
  for (let size = Math.max(limit, 100); scanned < scanCap; size *= 4) {
    const take = Math.min(size, scanCap - scanned)
    const keys = await source(tickets).reverse().offset(scanned).limit(take).primaryKeys()
    scanned += keys.length
    found.push(...(await readMatching(tickets, keys, test, limit - found.length)))
    if (found.length >= limit || keys.length < take) return { tickets: found, truncated: false }
  }
  const more = await source(tickets).reverse().offset(scanned).limit(1).primaryKeys()
  return { tickets: found, truncated: more.length > 0 }
}

/**
 * The tickets the sources share that pass `test`, newest first. One source is walked with the cap.
 * With two, both key lists are read from the indexes alone (up to scanCap keys each). If either list is
 * complete, only its keys are read as rows — and, when both are complete, only the keys they share, so
 * a rare pairing of two common filters reads just its own rows. If both run past scanCap, the more
 * specific source is walked with the cap.
 */
async function searchSources(
  tickets: Tickets,
  sources: Sources,
  test: (row: TicketRow) => boolean,
  limit: number,
  scanCap: number,
): Promise<TicketSearchResult> {
  const [first] = sources
  if (sources.length === 1) return walkNewestFirst(tickets, first, test, limit, scanCap)
  const keyLists = await Promise.all(sources.map((source) => source(tickets).limit(scanCap + 1).primaryKeys()))
  const complete = keyLists.filter((keys) => keys.length <= scanCap).sort((a, b) => a.length - b.length)
  const [fewest, ...others] = complete
  if (!fewest) return walkNewestFirst(tickets, first, test, limit, scanCap)
  const inOthers = others.map((keys) => new Set(keys))
  const keys = fewest.filter((key) => inOthers.every((set) => set.has(key))).reverse()
  return { tickets: await readMatching(tickets, keys, test, limit), truncated: false }
}

/** The same order everywhere: tickets opened in the same millisecond follow the journal. */
const sorted = (result: TicketSearchResult): TicketSearchResult => ({ ...result, tickets: result.tickets.sort(byNewest) })

/**
 * Tickets matching every criterion given, newest first, reading at most SEARCH_SCAN_CAP rows. With
 * text, the candidates are the union of its readings (ticket no., waybill, phone, last 4 digits, name
 * prefix), each an index lookup, filtered by the rest; a reading naming more than CANDIDATE_CAP tickets
 * is tested instead on the filters' tickets, newest first. With filters only, one compound index
 * (filters then openedAt) answers most searches directly; two common filters are intersected by key.
 */
export async function findTickets(
  db: Pick<SeatDeskDb, 'tickets'>,
  criteria: TicketSearchCriteria,
  limit = 50,
  scanCap = SEARCH_SCAN_CAP,
): Promise<TicketSearchResult> {
  const filters = filtersMatch(criteria)
  const text = criteria.text?.trim() ?? ''
  const sources = orderedSources(criteria)
  if (text === '') {
    // One range meets every filter: its newest `limit` keys are the answer.
    if (sources.length === 1) {
      const keys = await sources[0](db.tickets).reverse().limit(limit).primaryKeys()
      return sorted({ tickets: await readMatching(db.tickets, keys, filters, limit), truncated: false })
    }
    return sorted(await searchSources(db.tickets, sources, filters, limit, scanCap))
  }
  const lookups = textLookups(text)
  const readings = await readTextReadings(db.tickets, lookups)
  if (readings === 'tooMany') {
    const matchesText = (row: TicketRow) => lookups.some((lookup) => lookup.matches(row))
    return sorted(await searchSources(db.tickets, sources, (row) => matchesText(row) && filters(row), limit, scanCap))
  }
  const matching = readings.filter(filters)
  return { tickets: matching.sort(byNewest).slice(0, limit), truncated: false }
}

/**
 * The tickets every reading names, each once. An agent types a number on a call and the search box
 * answers on every pause, so the common case (a ticket no., a waybill, a phone) is one round trip to
 * IndexedDB: the exact readings' rows come with their index lookups, side by side (each in a
 * transaction of its own: cheaper in Dexie than one explicit transaction around them). 'tooMany'
 * when a reading names more than CANDIDATE_CAP tickets (a common surname).
 */
async function readTextReadings(tickets: Tickets, lookups: readonly Lookup[]): Promise<TicketRow[] | 'tooMany'> {
  const exactLookups = lookups.filter((lookup) => lookup.breadth === 'exact')
  const [exact, broad] = await Promise.all([
    Promise.all(exactLookups.map((lookup) => lookup.open(tickets).limit(CANDIDATE_CAP + 1).toArray())),
    Promise.all(lookups.filter((lookup) => lookup.breadth === 'broad').map((lookup) => lookup.open(tickets).limit(CANDIDATE_CAP + 1).primaryKeys())),
  ])
  if ([...exact, ...broad].some((found) => found.length > CANDIDATE_CAP)) return 'tooMany'
  const rows = new Map<string, TicketRow>()
  // A key names the tickets it is the number, a waybill or the phone of: keep those the text meant.
  for (const [index, found] of exact.entries()) for (const row of found) if ((exactLookups[index] as Lookup).matches(row)) rows.set(row.ticketId, row)
  const unread = [...new Set(broad.flat())].filter((ticketId) => !rows.has(ticketId))
  if (unread.length > 0) for (const row of await tickets.bulkGet(unread)) if (row) rows.set(row.ticketId, row)
  return [...rows.values()]
}

/** findTickets' rows alone, for lookups that show no "narrow the search" (a customer's tickets). */
export async function searchTickets(db: Pick<SeatDeskDb, 'tickets'>, criteria: TicketSearchCriteria, limit = 50): Promise<TicketRow[]> {
  return (await findTickets(db, criteria, limit)).tickets
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
