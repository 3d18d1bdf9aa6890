import type { ReactNode } from 'react'
import type { SessionView } from '../../../../shared/ipc/contract'
import { LockOverlay } from './LockOverlay'
import { useSessionLock } from './useSessionLock'

/**
 * A signed-in screen shown outside the shell (the handover book's print view) obeys the same lock:
 * while the session is locked only the lock screen is there — the screen is not rendered at all, so
 * neither the page nor the browser's print shows any of it — and it locks by itself when idle.
 */
export function LockGate({ session, children }: { session: SessionView; children: ReactNode }) {
  const { locked } = useSessionLock(session)
  return locked ? <LockOverlay session={session} /> : children
}
