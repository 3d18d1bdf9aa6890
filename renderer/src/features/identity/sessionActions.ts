import { call } from '../../api/client'
import { resyncSessionAfter, setSession } from '../../app/appStore'

// The session changes main makes on the user's behalf; the screen follows main's answer.
export async function lockSession(reason: 'idle' | 'manual'): Promise<void> {
  try {
    setSession(await call('sessionLock', { reason }))
  } catch (error) {
    await resyncSessionAfter(error)
    throw error
  }
}

export async function unlockSession(pin: string): Promise<void> {
  try {
    setSession(await call('sessionUnlock', { pin }))
  } catch (error) {
    await resyncSessionAfter(error)
    throw error
  }
}

export async function signOut(): Promise<void> {
  try {
    await call('signOut', {})
  } catch (error) {
    await resyncSessionAfter(error)
    throw error
  }
  setSession(null)
}
