import {
  clocksForTicket,
  defaultDeadlineSettings,
  dueAt,
  type DeadlineClock,
  type DeadlineSettings,
  type DueResult,
} from '../../../../../shared/domain/tickets/deadlines'
import { customerPauses, isOpenStatus } from '../../../../../shared/domain/tickets/lifecycle'
import {
  createWorkingDayCalendar,
  defaultWorkingDayCalendarSettings,
  type WorkingDayCalendar,
  type WorkingDayCalendarSettings,
} from '../../../../../shared/domain/tickets/workingDays'
import type { CallbackRow, MetaRow, SeatDeskDb, TicketRow } from '../../../db/schema'

// A ticket's next deadline, as the projection stores it on the row (nextDueAt, nextDueWhat, dueProblem,
// pausedNow) so the due lists are one index range. Computed from the clocks and the calendar in force
// when the ticket last changed — or when a supervisor changed either, which recomputes every open ticket.

/** What `nextDueWhat` holds for a callback: `callback:<callbackId>`; otherwise it is a clock id. */
export const CALLBACK_DUE_PREFIX = 'callback:'

export type TicketDeadlineFields = Pick<TicketRow, 'nextDueAt' | 'nextDueWhat' | 'dueProblem' | 'pausedNow'>

/** A finished ticket owes nothing. */
export const noDeadline: TicketDeadlineFields = { nextDueAt: null, nextDueWhat: null, dueProblem: null, pausedNow: false }

export type DeadlineContext = { settings: DeadlineSettings; calendar: WorkingDayCalendar }

/** What a ticket's clocks are computed from. */
export type TicketClockInput = Pick<TicketRow, 'status' | 'details' | 'openedAt' | 'statusHistory' | 'stepsDone'>

export type ClockDue = { clock: DeadlineClock; due: DueResult }

// The calendar is rebuilt only when its settings change: a rebuild recomputes a deadline for every
// ticket entry, and the settings are the same across almost all of them.
let cachedCalendar: { key: string; calendar: WorkingDayCalendar } | null = null

function calendarFor(settings: WorkingDayCalendarSettings): WorkingDayCalendar {
  const key = JSON.stringify(settings)
  if (cachedCalendar?.key !== key) cachedCalendar = { key, calendar: createWorkingDayCalendar(settings) }
  return cachedCalendar.calendar
}

/** The clocks and calendar in force; the shipped defaults until a supervisor has changed them. */
export function deadlineContext(
  settings: DeadlineSettings = defaultDeadlineSettings,
  calendarSettings: WorkingDayCalendarSettings = defaultWorkingDayCalendarSettings,
): DeadlineContext {
  return { settings, calendar: calendarFor(calendarSettings) }
}

/** Reads the clocks and calendar from meta (inside the projection's transaction, or for a screen). */
export async function readDeadlineContext(tables: { meta: SeatDeskDb['meta'] }): Promise<DeadlineContext> {
  const [settings, calendar] = (await tables.meta.bulkGet(['deadlineSettings', 'workingCalendar'])) as (MetaRow | undefined)[]
  return deadlineContext(
    settings?.value as DeadlineSettings | undefined,
    calendar?.value as WorkingDayCalendarSettings | undefined,
  )
}

/**
 * Every clock still owed on the ticket (its kind's clocks whose condition the details meet, minus the
 * steps the owner marked done), each with when it falls due. `now` ends a pause that is still open:
 * the ticket waits on the customer at `now`, so a pausing clock's deadline is as of then.
 */
export function ticketClockDues(ticket: TicketClockInput, context: DeadlineContext, now: string): ClockDue[] {
  const incidentAt = 'incidentAt' in ticket.details ? ticket.details.incidentAt : null
  const start = { openedAt: ticket.openedAt, incidentAt, pauses: customerPauses(ticket.statusHistory), now }
  return clocksForTicket(context.settings, ticket.details)
    .filter((clock) => !ticket.stepsDone.includes(clock.id))
    .map((clock) => ({ clock, due: dueAt(clock, start, context.calendar) }))
}

type Candidate = { at: number; what: string; paused: boolean }

/**
 * The ticket's next deadline: the earliest running clock or pending callback. A clock standing still
 * (the ticket waits on the customer and the supervisor made that clock pause) cannot fall due until the
 * wait ends — which is a status change, so the row is recomputed then — so it is the next deadline only
 * when nothing else runs, and then `pausedNow` says so. A clock that cannot be computed is left out of
 * the choice and named in `dueProblem` (the first one, in the settings' order).
 */
export function ticketDeadline(
  ticket: TicketClockInput,
  pendingCallbacks: readonly Pick<CallbackRow, 'callbackId' | 'dueAt'>[],
  context: DeadlineContext,
  now: string,
): TicketDeadlineFields {
  if (!isOpenStatus(ticket.status)) return noDeadline
  let dueProblem: TicketDeadlineFields['dueProblem'] = null
  const candidates: Candidate[] = []
  for (const { clock, due } of ticketClockDues(ticket, context, now)) {
    if (due.ok) candidates.push({ at: Date.parse(due.dueAt), what: clock.id, paused: due.pausedNow })
    else if (dueProblem === null) {
      dueProblem = due.reason === 'calendarNotCovered' ? { clockId: clock.id, reason: due.reason, year: due.year } : { clockId: clock.id, reason: due.reason }
    }
  }
  for (const callback of pendingCallbacks) {
    candidates.push({ at: Date.parse(callback.dueAt), what: `${CALLBACK_DUE_PREFIX}${callback.callbackId}`, paused: false })
  }
  const running = candidates.filter((candidate) => !candidate.paused)
  const next = earliest(running.length > 0 ? running : candidates)
  if (!next) return { ...noDeadline, dueProblem }
  // Stored as UTC ISO: the [open+nextDueAt] index compares strings, so every value needs one format.
  return { nextDueAt: new Date(next.at).toISOString(), nextDueWhat: next.what, dueProblem, pausedNow: next.paused }
}

// Ties go to the first in order: clocks in the settings' order before callbacks.
function earliest(candidates: Candidate[]): Candidate | null {
  let best: Candidate | null = null
  for (const candidate of candidates) if (best === null || candidate.at < best.at) best = candidate
  return best
}

/** The callback id when the next deadline is a callback, else null (it is a clock). */
export function dueCallbackId(nextDueWhat: string | null): string | null {
  return nextDueWhat?.startsWith(CALLBACK_DUE_PREFIX) ? nextDueWhat.slice(CALLBACK_DUE_PREFIX.length) : null
}
