import { notifications } from '@mantine/notifications'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionView } from '../../../../shared/ipc/contract'
import { describeError } from '../../i18n/format'
import { lockSession } from './sessionActions'
import { useIdleLock } from './useIdleLock'

/**
 * The lock every signed-in screen obeys: locked while main says the session is, locked by itself
 * after the session's idle minutes, and `lock` for the screen's own lock button. A refusal to lock
 * is said in a notification (the screen stays as it was).
 */
export function useSessionLock(session: SessionView): { locked: boolean; lock: (reason: 'idle' | 'manual') => Promise<void> } {
  const { t, i18n } = useTranslation()
  const locked = session.lockedAt !== null
  const lock = useCallback(
    (reason: 'idle' | 'manual') =>
      lockSession(reason).catch((error: unknown) => {
        notifications.show({ color: 'red', message: describeError(t, error, i18n.language) })
      }),
    [t, i18n.language],
  )
  useIdleLock(session.idleLockMinutes, !locked, () => void lock('idle'))
  return { locked, lock }
}
