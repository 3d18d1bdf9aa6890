import type { JournalEntry } from '../../../shared/journal/entry'
import { entryPayloads, isEntryKind, type EntryKind, type EntryPayload } from '../../../shared/journal/kinds'
import { handoverSteps } from '../features/handover/data/handoverProjection'
import { TicketPage } from '../features/tickets/data/ticketPage'
import { ticketsChangedBy, ticketSteps } from '../features/tickets/data/ticketProjection'
import type { projectionTableNames, SeatDeskDb } from './schema'

/** The tables a projection step writes; pass them from inside one `rw` transaction. */
export type ProjectionTables = Pick<SeatDeskDb, (typeof projectionTableNames)[number]>

/** `page` holds the tickets a run of entries touches, written at its end (ticketPage.ts). */
export type Step<K extends EntryKind> = (
  tables: ProjectionTables,
  payload: EntryPayload<K>,
  entry: JournalEntry,
  page: TicketPage,
) => Promise<unknown>

// One step per entry kind. Each only reads and writes the tables, so replaying the same entries
// always builds the same view.
const steps: { [K in EntryKind]: Step<K> } = {
  'seat.created': (tables, payload, entry) =>
    tables.meta.put({
      key: 'seat',
      value: {
        seatId: payload.seatId,
        companyName: payload.companyName,
        branchCode: payload.branchCode,
        seatNumber: payload.seatNumber,
        createdAt: entry.ts,
      },
    }),
  'user.added': (tables, payload, entry) =>
    tables.users.put({
      employeeNo: payload.employeeNo,
      name: payload.name,
      role: payload.role,
      active: 1,
      addedAt: entry.ts,
      lockedUntil: null,
      pinResetAt: null,
    }),
  'user.disabled': (tables, payload) => tables.users.update(payload.employeeNo, { active: 0 }),
  'user.enabled': (tables, payload) => tables.users.update(payload.employeeNo, { active: 1 }),
  // A supervisor's PIN reset also lifts a lockout.
  'user.keyRotated': (tables, payload, entry) =>
    tables.users.update(payload.employeeNo, { pinResetAt: entry.ts, lockedUntil: null }),
  'user.lockedOut': (tables, payload) => tables.users.update(payload.employeeNo, { lockedUntil: payload.until }),
  'settings.changed': (tables, payload) => tables.meta.put({ key: 'settings', value: payload.settings }),
  'session.signedIn': async (tables, payload, entry) => {
    await tables.users.update(payload.employeeNo, { lockedUntil: null })
    await tables.shiftSessions.put({
      sessionId: payload.sessionId,
      employeeNo: payload.employeeNo,
      startedAt: entry.ts,
      checklistConfirmedAt: null,
      endedAt: null,
      endReason: null,
      lockCount: 0,
      lockedAt: null,
    })
  },
  'session.checklistConfirmed': (tables, payload, entry) =>
    tables.shiftSessions.update(payload.sessionId, { checklistConfirmedAt: entry.ts }),
  'session.locked': (tables, payload, entry) =>
    tables.shiftSessions.where('sessionId').equals(payload.sessionId).modify((row) => {
      row.lockCount += 1
      row.lockedAt = entry.ts
    }),
  'session.unlocked': (tables, payload) => tables.shiftSessions.update(payload.sessionId, { lockedAt: null }),
  'session.signedOut': (tables, payload, entry) =>
    tables.shiftSessions.update(payload.sessionId, { endedAt: entry.ts, endReason: payload.reason, lockedAt: null }),
  'callSettings.changed': (tables, payload) => tables.meta.put({ key: 'callSettings', value: payload.settings }),
  'script.published': async (tables, payload, entry) => {
    const previous = await tables.scripts.get(payload.script.scriptId)
    await tables.scripts.put({
      ...payload.script,
      publishedAt: entry.ts,
      publishedBy: entry.actor,
      firstSeq: previous?.firstSeq ?? entry.seq,
      retired: 0,
    })
  },
  'script.retired': (tables, payload) => tables.scripts.update(payload.scriptId, { retired: 1 }),
  'call.answered': (tables, payload, entry) =>
    tables.calls.put({
      callId: payload.callId,
      sessionId: payload.sessionId,
      employeeNo: payload.employeeNo,
      answeredAt: entry.ts,
      hungUpAt: null,
      completedAt: null,
      handlingMs: null,
      targetSeconds: payload.targetSeconds,
      overTarget: false,
      overTargetReason: null,
      greetingSaid: false,
      closingSaid: false,
      callerNumber: null,
      customerName: null,
      notes: '',
      scriptsShown: [],
    }),
  'call.detailsUpdated': (tables, { callId, callerNumber, customerName, notes }) =>
    tables.calls.update(callId, { callerNumber, customerName, notes }),
  'call.scriptShown': (tables, payload) =>
    tables.calls.where('callId').equals(payload.callId).modify((row) => {
      const shown = row.scriptsShown.some((ref) => ref.scriptId === payload.script.scriptId && ref.version === payload.script.version)
      if (!shown) row.scriptsShown.push(payload.script)
    }),
  'call.greetingSaid': (tables, payload) => tables.calls.update(payload.callId, { greetingSaid: true }),
  'call.closingSaid': (tables, payload) => tables.calls.update(payload.callId, { closingSaid: true }),
  'call.hungUp': (tables, payload, entry) => tables.calls.update(payload.callId, { hungUpAt: entry.ts }),
  // The record is the call's final word: it replaces whatever the steps before it built.
  'call.completed': (tables, { record }) => tables.calls.put({ ...record }),
  // Tickets, their timeline, callbacks and transfers, the customer archive, and the clock settings
  // (a change recomputes every open ticket's deadline).
  ...ticketSteps,
  // The handover book, the roster and the shift patterns (ticket.handedOver is among the ticket steps).
  ...handoverSteps,
  // Shown from seatStatus when it happens; nothing in the view changes.
  'journal.recovered': async () => {},
}

async function applyOne(tables: ProjectionTables, entry: JournalEntry, page: TicketPage): Promise<'applied' | 'skipped'> {
  if (!isEntryKind(entry.kind)) return 'skipped'
  const parsed = entryPayloads[entry.kind].safeParse(entry.payload)
  if (!parsed.success) return 'skipped'
  const step = steps[entry.kind] as Step<EntryKind>
  await step(tables, parsed.data as EntryPayload<EntryKind>, entry, page)
  return 'applied'
}

/**
 * Applies journal entries to the view, in order. Kinds this build does not know, and payloads that do
 * not match their schema, are skipped: the caller still advances `lastSeq` past them. Call it inside
 * one `rw` transaction over projectionTableNames, from an `async` scope function (Dexie keeps the
 * transaction across native awaits only there): ticket rows are written at the end, together.
 */
export async function applyEntries(tables: ProjectionTables, entries: readonly JournalEntry[]): Promise<void> {
  const page = new TicketPage(tables)
  await page.preload(ticketsChangedBy(entries))
  for (const entry of entries) await applyOne(tables, entry, page)
  await page.flush()
}

/** Applies one journal entry to the view (see applyEntries). */
export async function applyEntry(tables: ProjectionTables, entry: JournalEntry): Promise<'applied' | 'skipped'> {
  const page = new TicketPage(tables)
  const result = await applyOne(tables, entry, page)
  await page.flush()
  return result
}
