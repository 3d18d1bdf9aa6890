import type { TicketRow, TransferRow } from '../../../db/schema'
import { ticketDueState } from '../dueState'

// What the owner is to be told, worked out from the rows and the screen's clock alone: a pure function,
// so "once per ticket and deadline" is a matter of keys, and the hook only shows what is new.

export type TicketNotice =
  | { key: string; kind: 'overdue' | 'dueSoon'; ticket: TicketRow }
  | { key: string; kind: 'escalated'; ticket: TicketRow; escalation: TicketRow['escalations'][number] }
  | { key: string; kind: 'transferOffered'; transfer: TransferRow }

export interface NoticeInput {
  me: string
  /** My open tickets. */
  tickets: readonly TicketRow[]
  /** Transfers offered to me and not yet answered. */
  offers: readonly TransferRow[]
  now: number
  dueSoonMs: number
  /** Escalations before this instant were told in an earlier session (or before I was signed in at all). */
  escalationsSince: string
}

/**
 * Every notice the current state calls for. A deadline is named by what falls due and when, so the same
 * ticket is told again for its next deadline, and once more when a due-soon one turns overdue.
 */
export function ticketNotices({ me, tickets, offers, now, dueSoonMs, escalationsSince }: NoticeInput): TicketNotice[] {
  const notices: TicketNotice[] = []
  for (const ticket of tickets) {
    if (ticket.owner !== me) continue
    const due = ticketDueState(ticket, now, dueSoonMs)
    if (due === 'overdue' || due === 'dueSoon') {
      notices.push({ key: `due:${ticket.ticketId}:${ticket.nextDueWhat ?? ''}:${ticket.nextDueAt ?? ''}:${due}`, kind: due, ticket })
    }
    for (const escalation of ticket.escalations) {
      // 首问责任制: the owner is told when someone else escalates; their own escalation needs no telling.
      if (escalation.by === me || escalation.at < escalationsSince) continue
      notices.push({ key: `escalated:${ticket.ticketId}:${escalation.at}:${escalation.by}`, kind: 'escalated', ticket, escalation })
    }
  }
  for (const transfer of offers) {
    if (transfer.to === me && transfer.state === 'offered') notices.push({ key: `transfer:${transfer.transferId}`, kind: 'transferOffered', transfer })
  }
  return notices
}

/** The notices already shown in this sign-in session survive a reload (sessionStorage), not a new session. */
export function seenNoticeStore(storage: Storage, sessionId: string) {
  const key = `seatdesk.ticketNotices.${sessionId}`
  const read = (): Set<string> => {
    try {
      const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]')
      return new Set(Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [])
    } catch {
      return new Set()
    }
  }
  return {
    read,
    add(keys: readonly string[]): void {
      const seen = read()
      keys.forEach((noticeKey) => seen.add(noticeKey))
      storage.setItem(key, JSON.stringify([...seen]))
    },
  }
}
