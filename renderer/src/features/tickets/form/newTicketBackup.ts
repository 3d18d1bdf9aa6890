import { ticketKinds } from '../../../../../shared/domain/tickets/kinds'
import { sessionDraft } from '../../../ui/sessionDraft'
import { blankDraft, withFreshChangeKeys, type DraftValue, type TicketDraft } from './ticketDraft'

// A new ticket typed on a call, for a reload: the form is open beside the call and nothing of it is
// in main until it is saved, so a reload (or the renderer restarting) would otherwise take the ticket
// and everything typed in it. Kept per call id; saving or discarding the ticket removes it.

function isTicketDraft(value: unknown): value is TicketDraft {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const { kind } = value as { kind?: unknown }
  return kind === null || (typeof kind === 'string' && (ticketKinds as readonly string[]).includes(kind))
}

/**
 * A kept value where the field's blank value is: only when it has the same shape (a build that
 * changed a field's type since it was kept gets the blank instead of a value its control cannot show).
 */
function fitted(blank: DraftValue, kept: unknown): DraftValue {
  if (kept === undefined) return blank
  if (blank === null) return kept === null || typeof kept === 'string' ? kept : blank
  if (Array.isArray(blank)) return Array.isArray(kept) ? (kept as DraftValue) : blank
  if (typeof blank === 'object') return typeof kept === 'object' && kept !== null && !Array.isArray(kept) ? { ...blank, ...(kept as object) } : blank
  return typeof kept === typeof blank ? (kept as DraftValue) : blank
}

const backup = sessionDraft('seatdesk.newTicketDraft', isTicketDraft)

export const newTicketBackup = {
  save: backup.save,
  clear: backup.clear,
  /** The draft kept for the call, fitted to the kind's fields as this build has them. */
  restore(callId: string | null): TicketDraft | null {
    const kept = backup.restore(callId)
    if (!kept) return null
    const blank = blankDraft(kept.kind)
    const draft: TicketDraft = { kind: kept.kind }
    for (const [name, value] of Object.entries(blank)) if (name !== 'kind') draft[name] = fitted(value, kept[name])
    return withFreshChangeKeys(draft)
  },
}
