import { chinaDateOf } from '../../../shared/domain/tickets/chinaTime'
import { ticketDetailsSchema, type TicketDetails, type TicketKind } from '../../../shared/domain/tickets/kinds'
import { isOpenStatus, type StatusChange, type TicketStatus, type WaitingOn } from '../../../shared/domain/tickets/lifecycle'
import { ticketSearchKeys } from '../../../shared/domain/tickets/searchKeys'
import type { JournalEntry } from '../../../shared/journal/entry'
import type { EntryKind, EntryPayload } from '../../../shared/journal/kinds'
import { DemoContent } from '../../../electron/main/demo/demoTicketContent'
import { TicketScenarios, type TicketAct, type TicketScenario } from '../../../electron/main/demo/demoTicketScenarios'
import { seededRandom, type DemoRandom } from '../../../electron/main/demo/random'
import type { TicketRow } from '../../../renderer/src/db/schema'
import { deadlineContext, ticketDeadline } from '../../../renderer/src/features/tickets/data/ticketDeadlines'

// The ticket benchmarks' data, made in the page: a year of one seat's tickets as the projection would
// have stored them (TicketRow), and a run of ticket journal entries for the rebuild. The content comes
// from the demo seat's scenarios (every kind, parsed by the kinds' schemas as main would store them);
// what the lookups hit is spread the way a seat sees it: every ticket its own number, nearly every
// shipment its own waybill (some asked about twice), callers ringing 2.5 times a year on average.

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
/** The year of history ends here; fixed, so every run builds the same database. */
export const HISTORY_END = Date.parse('2026-11-20T10:00:00.000Z')
const HISTORY_START = HISTORY_END - 365 * DAY

const staff = ['L001', 'L002', 'A001', 'A002', 'A003', 'A004', 'A005', 'A006']
const mobilePrefixes = ['130', '131', '135', '136', '137', '138', '139', '150', '152', '158', '159', '186', '187', '188', '189']
const kindMix: readonly [TicketKind, number][] = [
  ['trackingInquiry', 30],
  ['consultation', 14],
  ['orderPickup', 16],
  ['dataChange', 8],
  ['overcharge', 6],
  ['damageShortage', 6],
  ['misroutedGoods', 3],
  ['complaint', 6],
  ['claim', 4],
  ['businessLead', 6],
  ['returnVisit', 1],
]
/** Callers per ticket: a year's tickets come from 1 / 2.5 as many phones. */
const TICKETS_PER_PHONE = 2.5
/** Share of tickets about a waybill an earlier ticket already named (the customer rang again). */
const REPEATED_WAYBILL = 0.12
/** How far back a repeated waybill reaches: the last few hundred shipments asked about. */
const RECENT_WAYBILLS = 500

/** Parsed by the kind's schema, as main stores it: phones in E.164, waybills upper-case. */
function stored(details: TicketDetails): TicketDetails {
  return ticketDetailsSchema.parse(details)
}

function scenarioMaker(seed: number): { random: DemoRandom; scenarios: TicketScenarios; kind: () => TicketKind } {
  const random = seededRandom(seed)
  const scenarios = new TicketScenarios(random, new DemoContent(random))
  const total = kindMix.reduce((sum, [, weight]) => sum + weight, 0)
  const kind = (): TicketKind => {
    let roll = random.next() * total
    for (const [candidate, weight] of kindMix) {
      roll -= weight
      if (roll < 0) return candidate
    }
    return 'trackingInquiry'
  }
  return { random, scenarios, kind }
}

/** A caller's mobile by number: the same index is the same person every time. */
function phoneOf(index: number): { typed: string; stored: string; last4: string } {
  const prefix = mobilePrefixes[index % mobilePrefixes.length] as string
  const national = `${prefix}${String(Math.floor(index / mobilePrefixes.length)).padStart(8, '0')}`
  return { typed: national, stored: `+86${national}`, last4: national.slice(-4) }
}

function uuidOf(prefix: number, index: number): string {
  const hex = (prefix * 0x1_0000_0000 + index).toString(16).padStart(32, '0')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

const waybillFormats = [
  { prefix: 'JT', base: 1_000_000_000_000 },
  { prefix: 'SF', base: 100_000_000_000 },
  { prefix: 'ZT', base: 700_000_000_000 },
  { prefix: 'YT', base: 3_000_000_000_000 },
]

function waybillOf(index: number): string {
  const format = waybillFormats[index % waybillFormats.length] as (typeof waybillFormats)[number]
  return `${format.prefix}${format.base + index}`
}

export interface LookupKeys {
  /** As an agent types them: a national mobile number, a waybill, a ticket number. */
  phones: string[]
  waybills: string[]
  ticketNos: string[]
  /** The same, as the indexes hold them (the floor's keys). */
  storedPhones: string[]
}

/**
 * `count` tickets over a year, oldest first, handed out in batches; returns keys of tickets spread
 * over the whole year for the lookups (sampled evenly, so old and new history are both hit).
 */
export async function generateTicketRows(count: number, batchSize: number, sink: (rows: TicketRow[]) => Promise<void>, samples = 1_500): Promise<LookupKeys> {
  const { random, scenarios, kind } = scenarioMaker(4_040)
  // A pool of real ticket contents per kind, varied per row by its caller, name and waybills.
  const pool = Array.from({ length: 3_000 }, () => stored(scenarios.build(kind(), HISTORY_START).details))
  const names = Array.from({ length: 5_000 }, () => new DemoContent(random).personName())
  const context = deadlineContext()
  const phones = Math.max(1, Math.floor(count / TICKETS_PER_PHONE))
  const keys: LookupKeys = { phones: [], waybills: [], ticketNos: [], storedPhones: [] }
  const sampleEvery = Math.max(1, Math.floor(count / samples))
  const recentWaybills: string[] = []
  let waybillsSeen = 0
  let day = ''
  let seqOfDay = 0
  let batch: TicketRow[] = []
  for (let index = 0; index < count; index++) {
    const openedMs = HISTORY_START + Math.floor((index * (HISTORY_END - HISTORY_START)) / count)
    const openedAt = new Date(openedMs).toISOString()
    const date = chinaDateOf(openedMs)
    seqOfDay = date === day ? seqOfDay + 1 : 1
    day = date
    const ticketNo = `SZ01-${date.replaceAll('-', '')}-${String(seqOfDay).padStart(4, '0')}`
    const phoneIndex = random.int(0, phones - 1)
    const phone = random.chance(0.05) ? null : phoneOf(phoneIndex)
    const template = pool[index % pool.length] as TicketDetails
    const details = { ...template, callerPhone: phone?.stored ?? null, customerName: names[phoneIndex % names.length] ?? null } as TicketDetails
    if ('waybillNo' in details && details.waybillNo !== null) {
      const again = recentWaybills.length > 0 && random.chance(REPEATED_WAYBILL)
      details.waybillNo = again ? (random.pick(recentWaybills) as string) : waybillOf(index)
      recentWaybills[waybillsSeen++ % RECENT_WAYBILLS] = details.waybillNo
    }
    if (details.kind === 'misroutedGoods' && details.otherWaybillNo !== null) details.otherWaybillNo = waybillOf(count + index)
    const row = ticketRow(index, ticketNo, openedMs, openedAt, details, random)
    if (row.open === 1) Object.assign(row, ticketDeadline(row, [], context, row.updatedAt))
    batch.push(row)
    if (index % sampleEvery === 0 && phone && row.waybillNos[0]) {
      keys.phones.push(phone.typed)
      keys.storedPhones.push(phone.stored)
      keys.waybills.push(row.waybillNos[0])
      keys.ticketNos.push(ticketNo)
    }
    if (batch.length === batchSize) {
      await sink(batch)
      batch = []
    }
  }
  if (batch.length > 0) await sink(batch)
  return keys
}

/** Old tickets are finished; the last fortnight's are still being worked. */
function ticketRow(index: number, ticketNo: string, openedMs: number, openedAt: string, details: TicketDetails, random: DemoRandom): TicketRow {
  const age = HISTORY_END - openedMs
  const roll = random.next()
  const status: TicketStatus =
    age > 14 * DAY ? (roll < 0.93 ? 'closed' : roll < 0.98 ? 'resolved' : 'waiting') : roll < 0.45 ? 'closed' : roll < 0.7 ? 'resolved' : roll < 0.85 ? 'waiting' : roll < 0.95 ? 'inProgress' : 'open'
  const waitingOn: WaitingOn | null = status === 'waiting' ? random.pick(['customer', 'branch', 'finance'] as const) : null
  const history: StatusChange[] = [{ at: openedAt, status: 'open', waitingOn: null }]
  const changedAt = (hours: number) => new Date(Math.min(HISTORY_END, openedMs + hours * 3_600_000)).toISOString()
  if (status !== 'open') history.push({ at: changedAt(0.2), status: status === 'waiting' ? 'waiting' : 'inProgress', waitingOn })
  if (status === 'resolved' || status === 'closed') history.push({ at: changedAt(random.int(1, 72)), status: 'resolved', waitingOn: null })
  if (status === 'closed') history.push({ at: changedAt(random.int(73, 200)), status: 'closed', waitingOn: null })
  const owner = staff[index % staff.length] as string
  return {
    ticketId: uuidOf(1, index),
    ticketNo,
    kind: details.kind,
    owner,
    openedBy: owner,
    openedAt,
    openedSeq: index + 1,
    updatedAt: (history.at(-1) as StatusChange).at,
    status,
    waitingOn,
    open: isOpenStatus(status) ? 1 : 0,
    details,
    ...ticketSearchKeys(ticketNo, details),
    callIds: random.chance(0.85) ? [uuidOf(2, index)] : [],
    statusHistory: history,
    stepsDone: [],
    escalations: [],
    pendingTransferId: null,
    nextDueAt: null,
    nextDueWhat: null,
    dueProblem: null,
    pausedNow: false,
  }
}

const FAKE_HASH = 'a'.repeat(64)

/**
 * About `entries` ticket journal entries as a seat writes them: each ticket's life from the demo's
 * scenarios (opened, worked, called back, escalated, resolved, closed), many tickets interleaved in
 * time order. Hashes and signatures are placeholders: the projection reads payloads, and the journal's
 * own checks happen in main before the renderer sees an entry.
 */
export function generateTicketJournal(entries: number): JournalEntry[] {
  const { random, scenarios, kind } = scenarioMaker(5_050)
  const timed: { at: number; kind: EntryKind; actor: string; payload: unknown }[] = []
  for (let ticket = 0; timed.length < entries; ticket++) {
    const openedMs = HISTORY_START + ticket * 3 * MINUTE
    const scenario = scenarios.build(kind(), openedMs)
    timed.push(...ticketLife(scenario, ticket, openedMs, staff[ticket % staff.length] as string, random))
  }
  timed.sort((a, b) => a.at - b.at)
  return timed.slice(0, entries).map((entry, index) => ({
    seq: index + 1,
    prev: FAKE_HASH,
    ts: new Date(entry.at).toISOString(),
    kind: entry.kind,
    actor: entry.actor,
    payload: entry.payload,
    hash: FAKE_HASH,
    sig: '',
  }))
}

function ticketLife(scenario: TicketScenario, index: number, openedMs: number, owner: string, random: DemoRandom) {
  const ticketId = uuidOf(3, index)
  const callId = scenario.callNotes === null ? null : uuidOf(4, index)
  let details = stored(scenario.details)
  let at = openedMs
  const callbacks: string[] = []
  const life: { at: number; kind: EntryKind; actor: string; payload: unknown }[] = []
  const write = <K extends EntryKind>(kind: K, payload: EntryPayload<K>, actor = owner) => life.push({ at, kind, actor, payload })
  write('ticket.opened', { ticketId, ticketNo: `SZ01-${chinaDateOf(openedMs).replaceAll('-', '')}-${String(index + 1).padStart(4, '0')}`, owner, details, callId })
  const perform = (acts: readonly TicketAct[], during: string | null, actor: string) => {
    for (const act of acts) {
      at += random.int(10, 40) * 1_000
      switch (act.type) {
        case 'update':
          details = stored({ ...details, ...act.patch } as TicketDetails)
          write('ticket.detailsUpdated', { ticketId, details, callId: during }, actor)
          break
        case 'status':
          write('ticket.statusChanged', { ticketId, status: act.to, waitingOn: act.waitingOn ?? null, note: act.note, callId: during }, actor)
          break
        case 'note':
          write('ticket.noteAdded', { ticketId, noteId: uuidOf(5, life.length * 1_000_000 + index), text: act.text, callId: during }, actor)
          break
        case 'stepDone':
          write('ticket.stepDone', { ticketId, clockId: act.clockId, note: act.note, callId: during }, actor)
          break
        case 'scheduleCallback': {
          const callbackId = uuidOf(6, life.length * 1_000_000 + index)
          callbacks.push(callbackId)
          write('ticket.callbackScheduled', { ticketId, callbackId, dueAt: new Date(act.at ?? at + act.inMs).toISOString(), note: act.note, callId: during }, actor)
          break
        }
        case 'callbackDone':
          write('ticket.callbackDone', { ticketId, callbackId: callbacks.shift() as string, outcome: act.outcome, note: act.note, callId: during }, actor)
          break
        case 'escalate':
          write('ticket.escalated', { ticketId, to: act.to, reason: act.reason, callId: during }, actor)
          break
        case 'revealPhone':
          break
      }
    }
  }
  perform(scenario.onCall, callId, owner)
  for (const [step, later] of scenario.later.entries()) {
    at += later.after
    const colleague = staff[(index + 1) % staff.length] as string
    perform(later.acts, later.by === 'repeatCall' ? uuidOf(7, index * 16 + step) : null, later.by === 'repeatCall' ? colleague : owner)
  }
  return life
}
