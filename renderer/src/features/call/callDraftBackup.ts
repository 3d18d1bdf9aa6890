import type { CallDraft } from './callStore'

// What the agent typed into the open call's details, kept in sessionStorage as they type: main saves
// the details a moment after a pause, but never a caller number that does not parse (it keeps the
// last good one), so a reload would otherwise put back main's number and silently drop what was on
// screen. Kept for one call at a time, and only for the tab's life: the journal is the record.

const KEY = 'seatdesk.callDraft'

interface Backup {
  callId: string
  draft: CallDraft
}

function isBackup(value: unknown): value is Backup {
  if (typeof value !== 'object' || value === null) return false
  const { callId, draft } = value as Partial<Backup>
  return (
    typeof callId === 'string' &&
    typeof draft === 'object' &&
    draft !== null &&
    typeof draft.callerNumber === 'string' &&
    typeof draft.customerName === 'string' &&
    typeof draft.notes === 'string'
  )
}

function readBackup(storage: Storage): Backup | null {
  try {
    const stored: unknown = JSON.parse(storage.getItem(KEY) ?? 'null')
    return isBackup(stored) ? stored : null
  } catch {
    return null
  }
}

export function backUpCallDraft(storage: Storage, callId: string, draft: CallDraft): void {
  try {
    storage.setItem(KEY, JSON.stringify({ callId, draft } satisfies Backup))
  } catch {
    // A full or unavailable storage only loses the reload case; the journal still has the last save.
  }
}

/** The draft typed for `callId` before a reload, or null (another call's is removed). */
export function takeCallDraft(storage: Storage, callId: string | null): CallDraft | null {
  const backup = readBackup(storage)
  if (backup?.callId === callId) return backup.draft
  storage.removeItem(KEY)
  return null
}
