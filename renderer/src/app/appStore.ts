import { create } from 'zustand'
import type { Seat } from '../../../shared/domain/identity'
import type { JournalState, SessionView } from '../../../shared/ipc/contract'
import { ApiError, call } from '../api/client'
import { clearAttentionNotices } from '../ui/attentionNotices'

// What the app is doing right now, as main last told it: the seat, the journal's health and the
// signed-in session (main owns all three; a reload asks again and lands in the same place).
// The call screen is where an agent works once the checklist is done, so it is the default.
export type Screen = 'call' | 'tickets' | 'customers' | 'handover' | 'shift' | 'scripts' | 'users' | 'settings' | 'journal'

interface AppState {
  boot: 'loading' | 'failed' | 'ready'
  bootError: unknown
  seat: Seat | null
  journal: JournalState | null
  session: SessionView | null
  screen: Screen
}

export const useAppStore = create<AppState>(() => ({
  boot: 'loading',
  bootError: null,
  seat: null,
  journal: null,
  session: null,
  screen: 'call',
}))

export function setSession(session: SessionView | null): void {
  // The notices name the signed-in agent's customers: none outlives the session it was told in.
  if (session?.sessionId !== useAppStore.getState().session?.sessionId) clearAttentionNotices()
  useAppStore.setState(session ? { session } : { session: null, screen: 'call' })
}

export function showScreen(screen: Screen): void {
  useAppStore.setState({ screen })
}

/** On every start and reload: the seat and journal first, then the session main still holds. */
export async function loadApp(): Promise<void> {
  useAppStore.setState({ boot: 'loading', bootError: null })
  try {
    const status = await call('seatStatus', {})
    const session = status.seat && status.journal.state === 'ok' ? await call('sessionCurrent', {}) : null
    useAppStore.setState({ boot: 'ready', seat: status.seat, journal: status.journal, session })
  } catch (error) {
    useAppStore.setState({ boot: 'failed', bootError: error })
  }
}

/** After a refusal that says the session is not what the screen thinks, ask main again. */
export async function resyncSessionAfter(error: unknown): Promise<void> {
  if (error instanceof ApiError && (error.code === 'notSignedIn' || error.code === 'sessionLocked' || error.code === 'checklistPending')) {
    try {
      setSession(await call('sessionCurrent', {}))
    } catch {
      // The error already on screen says what to do; keep the current view.
    }
  }
}
