import { Dexie, type EntityTable } from 'dexie'
import type { CallerNumber } from '../../../shared/domain/calls'
import type { CallSettings } from '../../../shared/domain/callSettings'
import type { Role } from '../../../shared/domain/roles'
import type { PhraseKind, ScriptCategory, ScriptRef } from '../../../shared/domain/scripts'
import type { Settings } from '../../../shared/domain/settings'
import type { Checkpoint, HandoverPage, HandoverState, RefusedItem } from '../../../shared/domain/handover/page'
import type { RosterShift, ShiftSettings } from '../../../shared/domain/handover/shifts'
import type { Customer } from '../../../shared/domain/tickets/customer'
import { ticketLookupKeys } from '../../../shared/domain/tickets/searchKeys'
import type { DeadlineSettings } from '../../../shared/domain/tickets/deadlines'
import type { TicketDetails, TicketKind } from '../../../shared/domain/tickets/kinds'
import type {
  CallbackOutcome,
  EscalationTarget,
  StatusChange,
  TicketStatus,
  WaitingOn,
} from '../../../shared/domain/tickets/lifecycle'
import type { WorkingDayCalendarSettings } from '../../../shared/domain/tickets/workingDays'

// The renderer's view of the journal. Every row here is derived from journal entries, so the whole
// database can be cleared and rebuilt at any time; the journal in main is the only record.

export interface MetaRow {
  key:
    | 'lastSeq'
    | 'lastHash'
    | 'seat'
    | 'settings'
    | 'callSettings'
    | 'deadlineSettings'
    | 'workingCalendar'
    | 'holidayData'
    | 'shiftSettings'
  value: unknown
}

export interface UserRow {
  employeeNo: string
  name: string
  role: Role
  /** 1 or 0: IndexedDB cannot index booleans. */
  active: 1 | 0
  addedAt: string
  /** Sign-in refused until this ISO time after too many wrong PINs; cleared by the next sign-in. */
  lockedUntil: string | null
  pinResetAt: string | null
}

export interface ShiftSessionRow {
  sessionId: string
  employeeNo: string
  startedAt: string
  checklistConfirmedAt: string | null
  endedAt: string | null
  endReason: 'user' | 'replaced' | 'disabled' | null
  lockCount: number
  lockedAt: string | null
}

export interface SeatRow {
  seatId: string
  companyName: string
  branchCode: string
  seatNumber: string
  createdAt: string
}

/** The current version of each script in the library; a retired script keeps its last version. */
export interface ScriptRow {
  scriptId: string
  version: number
  category: ScriptCategory
  phraseKind: PhraseKind | null
  title: Record<'zh-CN' | 'en', string>
  body: Record<'zh-CN' | 'en', string>
  publishedAt: string
  publishedBy: string
  /** Journal seq of the first publish: scripts keep the order they were added in (seeds first). */
  firstSeq: number
  /** 1 or 0: IndexedDB cannot index booleans. */
  retired: 1 | 0
}

/** One call, from `call.answered`; the fields of the record are final once `completedAt` is set. */
export interface CallRow {
  callId: string
  sessionId: string
  employeeNo: string
  answeredAt: string
  hungUpAt: string | null
  completedAt: string | null
  handlingMs: number | null
  targetSeconds: number
  overTarget: boolean
  overTargetReason: string | null
  greetingSaid: boolean
  closingSaid: boolean
  callerNumber: CallerNumber | null
  customerName: string | null
  notes: string
  scriptsShown: ScriptRef[]
}

/**
 * One ticket as it stands now. The deadline fields are computed by the projection from the clocks and
 * the calendar in force (meta), and recomputed for open tickets when either changes.
 */
export interface TicketRow {
  ticketId: string
  ticketNo: string
  kind: TicketKind
  owner: string
  openedBy: string
  openedAt: string
  /** Journal seq of `ticket.opened`: a stable order for tickets opened in the same millisecond. */
  openedSeq: number
  updatedAt: string
  status: TicketStatus
  waitingOn: WaitingOn | null
  /** 1 while not resolved or closed (IndexedDB cannot index booleans). */
  open: 1 | 0
  details: TicketDetails
  callerPhone: string | null
  phoneLast4: string | null
  customerName: string | null
  waybillNos: string[]
  /** Its number, its waybills and the caller's phone as dialled: the search box's one exact lookup (searchKeys.ts). */
  lookupKeys: string[]
  /** Every call during which the ticket was opened or changed. */
  callIds: string[]
  statusHistory: StatusChange[]
  /** Clock ids the owner marked done (`ticket.stepDone`). */
  stepsDone: string[]
  escalations: { to: EscalationTarget; at: string; by: string; reason: string }[]
  /** The open transfer offer naming this ticket, if any. */
  pendingTransferId: string | null
  /**
   * The earliest of its unmet clocks and pending callbacks while open; null when none runs (or the
   * ticket is finished). Compared with the screen's clock for due-soon and overdue.
   */
  nextDueAt: string | null
  /** What falls due at nextDueAt: a clock id, or `callback:<callbackId>`. */
  nextDueWhat: string | null
  /** A clock that cannot be computed: the calendar does not cover the year, or the incident time is missing. */
  dueProblem: { clockId: string; reason: 'calendarNotCovered' | 'incidentTimeMissing'; year?: number } | null
  /** A clock stands still while the ticket waits on the customer. */
  pausedNow: boolean
}

/** One line of a ticket's timeline: every change with who and when. */
export interface TicketEventRow {
  /** The journal seq of the entry; a transfer's line on its i-th ticket is seq + i/1024 (see eventJournalSeq). */
  seq: number
  ticketId: string
  at: string
  actor: string
  kind:
    | 'opened'
    | 'detailsUpdated'
    | 'statusChanged'
    | 'noteAdded'
    | 'stepDone'
    | 'callbackScheduled'
    | 'callbackDone'
    | 'escalated'
    | 'transferOffered'
    | 'transferAccepted'
    | 'transferDeclined'
    | 'transferCancelled'
    | 'handedOver'
  /** What the line shows, per kind (status and waitingOn, note text, callback due, escalation target…). */
  data: Record<string, unknown>
  callId: string | null
}

export interface CallbackRow {
  callbackId: string
  ticketId: string
  /** The ticket's owner when it was scheduled; follows the ticket on a transfer. */
  owner: string
  dueAt: string
  note: string
  scheduledAt: string
  scheduledBy: string
  done: 1 | 0
  outcome: CallbackOutcome | null
  doneAt: string | null
}

export interface TransferRow {
  transferId: string
  ticketIds: string[]
  from: string
  to: string
  reason: string
  offeredAt: string
  state: 'offered' | 'accepted' | 'declined' | 'cancelled'
  settledAt: string | null
  declineReason: string | null
}

export interface CustomerRow extends Customer {
  phoneLast4: string | null
  updatedAt: string
  updatedBy: string
}

/** Who saw a full number, when, and where (001 r3). */
export interface PhoneRevealRow {
  seq: number
  phone: string
  at: string
  actor: string
  context: 'ticket' | 'customer' | 'call'
  ticketId: string | null
}

/**
 * One page of the handover book (业务交接本) as it stands: the page's content as last drafted or as
 * signed (never changed after signing), and each signature with its time. `state` follows the entries:
 * drafted → signed → acknowledged (or waived: still 'signed', with `waived` set) → countersigned.
 */
export interface HandoverPageRow {
  pageId: string
  date: string
  patternId: string
  outgoing: string
  incoming: string
  lead: string
  state: HandoverState
  page: HandoverPage
  /** sha256 of the signed page's canonical JSON; null while a draft. */
  pageHash: string | null
  draftedAt: string
  signedAt: string | null
  acknowledgedAt: string | null
  /** A lead excused the incoming agent from acknowledging first. */
  waived: { by: string; reason: string; at: string } | null
  countersignedAt: string | null
  countersignedBy: string | null
  /** The journal position the countersignature vouches for. */
  checkpoint: Checkpoint | null
  /** Items the incoming agent refused, with why: they stay with the outgoing agent. */
  refused: RefusedItem[]
  ackRemarks: string
  /** Entries citing the page after it was countersigned, in journal order. */
  corrections: { correctionId: string; text: string; by: string; at: string }[]
}

/** A day's roster (the supervisor's `roster.changed`; a later one for the date replaces it). */
export interface RosterRow {
  date: string
  shifts: RosterShift[]
  duty: string | null
}

export type SeatDeskDb = Dexie & {
  meta: EntityTable<MetaRow, 'key'>
  users: EntityTable<UserRow, 'employeeNo'>
  shiftSessions: EntityTable<ShiftSessionRow, 'sessionId'>
  scripts: EntityTable<ScriptRow, 'scriptId'>
  calls: EntityTable<CallRow, 'callId'>
  tickets: EntityTable<TicketRow, 'ticketId'>
  ticketEvents: EntityTable<TicketEventRow, 'seq'>
  callbacks: EntityTable<CallbackRow, 'callbackId'>
  transfers: EntityTable<TransferRow, 'transferId'>
  customers: EntityTable<CustomerRow, 'phone'>
  phoneReveals: EntityTable<PhoneRevealRow, 'seq'>
  handoverPages: EntityTable<HandoverPageRow, 'pageId'>
  roster: EntityTable<RosterRow, 'date'>
}

/** Every table the projection writes, in one list for its transactions. */
export const projectionTableNames = [
  'meta',
  'users',
  'shiftSessions',
  'scripts',
  'calls',
  'tickets',
  'ticketEvents',
  'callbacks',
  'transfers',
  'customers',
  'phoneReveals',
  'handoverPages',
  'roster',
] as const

export function openSeatDeskDb(name = 'seatdesk'): SeatDeskDb {
  // Relaxed durability is safe here and only here: a write lost to a crash is re-read from the
  // journal on the next start (catch-up from meta.lastSeq).
  const db = new Dexie(name, { chromeTransactionDurability: 'relaxed' }) as SeatDeskDb
  // Versions are append-only: add version(2).stores(...).upgrade(...) below; never edit version 1.
  db.version(1).stores({
    meta: 'key',
    users: 'employeeNo, role, active',
    shiftSessions: 'sessionId, employeeNo, startedAt',
  })
  // Issue 3: the script library and the calls. Entries a version-1 build skipped (scripts, calls)
  // are already behind meta.lastSeq, so the upgraded view is cleared and replayed from the start.
  db.version(2)
    .stores({
      scripts: 'scriptId, category, retired',
      calls: 'callId, [employeeNo+answeredAt], answeredAt',
    })
    .upgrade(async (tx) => {
      await Promise.all([tx.table('users').clear(), tx.table('shiftSessions').clear()])
      await tx.table('meta').bulkDelete(['lastSeq', 'lastHash'])
    })
  // Issue 4: tickets and the customer archive. Indexes serve the lookups an agent makes on a call
  // (ticket no., waybill, phone, last 4 digits, name) and the due lists ([open+nextDueAt]). Earlier
  // builds skipped ticket entries, so the view is replayed from the start.
  db.version(3)
    .stores({
      tickets:
        'ticketId, &ticketNo, *waybillNos, callerPhone, phoneLast4, customerName, kind, status, owner, openedAt, *callIds, [open+nextDueAt], [owner+open]',
      ticketEvents: 'seq, ticketId, [ticketId+seq], callId',
      callbacks: 'callbackId, ticketId, [done+dueAt], owner',
      transfers: 'transferId, [to+state], [from+state]',
      customers: 'phone, phoneLast4, name',
      phoneReveals: 'seq, phone, actor',
    })
    .upgrade(async (tx) => {
      await Promise.all(['users', 'shiftSessions', 'scripts', 'calls'].map((name) => tx.table(name).clear()))
      await tx.table('meta').bulkDelete(['lastSeq', 'lastHash'])
    })
  // The ticket search's filters, each with openedAt last so a range comes back newest first and a
  // page of results reads only its own rows (ticketQueries.ts): one filter, or owner or kind with a
  // status. Indexes only: Dexie builds them from the rows already there, nothing is replayed.
  db.version(4).stores({
    tickets:
      'ticketId, &ticketNo, *waybillNos, callerPhone, phoneLast4, customerName, kind, status, owner, openedAt, *callIds, [open+nextDueAt], [owner+open], [owner+openedAt], [kind+openedAt], [status+openedAt], [owner+status+openedAt], [kind+status+openedAt]',
  })
  // Issue 5: the handover book and the roster. No replay: a build before this one had no main
  // process that could write their entries, so no view has skipped any.
  db.version(5).stores({
    handoverPages: 'pageId, [date+patternId], state, outgoing, incoming, lead',
    roster: 'date',
  })
  // The search box's exact lookups (a ticket no., a waybill, a phone as dialled) in one multi-entry
  // index, so what an agent types on a call is one index read whatever it turns out to be. The rows
  // already in the view get their keys here; nothing is replayed.
  db.version(6)
    .stores({
      tickets:
        'ticketId, &ticketNo, *waybillNos, callerPhone, phoneLast4, customerName, kind, status, owner, openedAt, *callIds, [open+nextDueAt], [owner+open], [owner+openedAt], [kind+openedAt], [status+openedAt], [owner+status+openedAt], [kind+status+openedAt], *lookupKeys',
    })
    .upgrade((tx) =>
      tx
        .table<TicketRow, string>('tickets')
        .toCollection()
        .modify((row) => {
          // Every projected row has its details; a row without (a test's, a damaged view's) is still found by its number.
          row.lookupKeys = (row as Partial<TicketRow>).details ? ticketLookupKeys(row.ticketNo, row.details) : [row.ticketNo]
        }),
    )
  return db
}

export const db = openSeatDeskDb()

export type MetaValues = {
  lastSeq: number
  lastHash: string
  seat: SeatRow
  settings: Settings
  callSettings: CallSettings
  deadlineSettings: DeadlineSettings
  workingCalendar: WorkingDayCalendarSettings
  /** publicHolidayFingerprint of the holiday tables the stored deadlines were computed with (holidayData.ts). */
  holidayData: string
  shiftSettings: ShiftSettings
}

export async function readMeta<K extends keyof MetaValues>(database: SeatDeskDb, key: K): Promise<MetaValues[K] | undefined> {
  const row = await database.meta.get(key)
  return row?.value as MetaValues[K] | undefined
}
