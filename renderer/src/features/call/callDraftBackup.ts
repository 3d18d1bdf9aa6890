import { sessionDraft } from '../../ui/sessionDraft'
import type { CallDraft } from './callStore'

// The open call's details as typed, for a reload: main saves them a moment after a pause, but never
// a caller number that does not parse (it keeps the last good one), so a reload would otherwise put
// back main's number and silently drop what was on screen.

function isCallDraft(value: unknown): value is CallDraft {
  if (typeof value !== 'object' || value === null) return false
  const { callerNumber, customerName, notes } = value as Partial<CallDraft>
  return typeof callerNumber === 'string' && typeof customerName === 'string' && typeof notes === 'string'
}

/** Kept per call id. */
export const callDraftBackup = sessionDraft('seatdesk.callDraft', isCallDraft)
