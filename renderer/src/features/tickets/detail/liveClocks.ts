import { clocksForTicket, deadlineStatus, dueAt, type DeadlineClock, type DeadlineSettings } from '../../../../../shared/domain/tickets/deadlines'
import { customerPauses } from '../../../../../shared/domain/tickets/lifecycle'
import type { WorkingDayCalendar } from '../../../../../shared/domain/tickets/workingDays'
import type { TicketRow } from '../../../db/schema'

// Every clock of one ticket as the detail view shows it, worked out afresh with the screen's clock:
// a pause still open (waiting on the customer) pushes a deadline out while the agent watches.

export type LiveClockState =
  | { state: 'met' }
  | { state: 'overdue' | 'dueSoon' | 'running'; dueAt: string; dueDate: string | null; pausedNow: boolean }
  /** The ticket is resolved or closed: an unmet clock no longer runs. */
  | { state: 'stopped'; dueAt: string | null }
  | { state: 'calendarNotCovered'; year: number }
  | { state: 'incidentTimeMissing' }

export type LiveClock = { clock: DeadlineClock } & LiveClockState

type ClockTicket = Pick<TicketRow, 'openedAt' | 'details' | 'statusHistory' | 'stepsDone' | 'open'>

export function liveClocks(
  ticket: ClockTicket,
  settings: DeadlineSettings,
  calendar: WorkingDayCalendar,
  now: number,
  dueSoonMs: number,
): LiveClock[] {
  const nowIso = new Date(now).toISOString()
  const incidentAt = 'incidentAt' in ticket.details ? ticket.details.incidentAt : null
  const start = { openedAt: ticket.openedAt, incidentAt, pauses: customerPauses(ticket.statusHistory), now: nowIso }
  return clocksForTicket(settings, ticket.details).map((clock): LiveClock => {
    if (ticket.stepsDone.includes(clock.id)) return { clock, state: 'met' }
    const due = dueAt(clock, start, calendar)
    if (!due.ok) {
      if (due.reason === 'calendarNotCovered') return { clock, state: 'calendarNotCovered', year: due.year }
      return { clock, state: 'incidentTimeMissing' }
    }
    if (!ticket.open) return { clock, state: 'stopped', dueAt: due.dueAt }
    return { clock, state: deadlineStatus(due.dueAt, nowIso, dueSoonMs), dueAt: due.dueAt, dueDate: due.dueDate, pausedNow: due.pausedNow }
  })
}
