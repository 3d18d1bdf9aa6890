import { deadlineStatus, type DeadlineStatus } from '../../../../shared/domain/tickets/deadlines'
import type { TicketRow } from '../../db/schema'

// How a ticket's next deadline reads against the screen's clock. The projection stores when it falls
// due (nextDueAt); whether that is overdue or due soon changes with time, so it is worked out here.

/** null: nothing runs (finished, no clock), or the clock stands still while waiting on the customer. */
export function ticketDueState(ticket: Pick<TicketRow, 'open' | 'nextDueAt' | 'pausedNow'>, now: number, dueSoonMs: number): DeadlineStatus | null {
  if (!ticket.open || ticket.nextDueAt === null || ticket.pausedNow) return null
  return deadlineStatus(ticket.nextDueAt, new Date(now), dueSoonMs)
}

/** Overdue is red, due soon orange: the colours every due list and clock uses. */
export const dueColor: Record<DeadlineStatus, string> = { overdue: 'red', dueSoon: 'orange', running: 'gray' }
