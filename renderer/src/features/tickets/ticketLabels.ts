import type { TFunction } from 'i18next'
import { ticketKindLabels, type TicketKind } from '../../../../shared/domain/tickets/kinds'
import type { TicketStatus, WaitingOn } from '../../../../shared/domain/tickets/lifecycle'

// The words every ticket screen uses for a kind and a status, in one place.

/** The kind's name as shared/ defines it (the same words the form and the demo data use). */
export function kindLabel(kind: TicketKind, language: string): string {
  return ticketKindLabels[kind][language === 'en' ? 'en' : 'zh-CN']
}

/** "Waiting on the branch" rather than a bare "Waiting": who the ticket waits for is the point. */
export function statusLabel(t: TFunction, status: TicketStatus, waitingOn: WaitingOn | null): string {
  return status === 'waiting' && waitingOn ? t(`tickets.waitingOn.${waitingOn}`) : t(`tickets.status.${status}`)
}

export const statusColor: Record<TicketStatus, string> = {
  open: 'blue',
  inProgress: 'cyan',
  waiting: 'yellow',
  resolved: 'teal',
  closed: 'gray',
}
