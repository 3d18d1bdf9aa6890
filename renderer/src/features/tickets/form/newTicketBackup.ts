import { ticketKinds } from '../../../../../shared/domain/tickets/kinds'
import { sessionDraft } from '../../../ui/sessionDraft'
import { blankDraft, type TicketDraft } from './ticketDraft'

// A new ticket typed on a call, for a reload: the form is open beside the call and nothing of it is
// in main until it is saved, so a reload (or the renderer restarting) would otherwise take the ticket
// and everything typed in it. Kept per call id; saving or discarding the ticket removes it.

function isTicketDraft(value: unknown): value is TicketDraft {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const { kind } = value as { kind?: unknown }
  return kind === null || (typeof kind === 'string' && (ticketKinds as readonly string[]).includes(kind))
}

const backup = sessionDraft('seatdesk.newTicketDraft', isTicketDraft)

export const newTicketBackup = {
  save: backup.save,
  clear: backup.clear,
  /** The draft kept for the call, on the kind's blank (a field added since is there, empty). */
  restore(callId: string): TicketDraft | null {
    const kept = backup.restore(callId)
    return kept ? { ...blankDraft(kept.kind), ...kept } : null
  },
}
