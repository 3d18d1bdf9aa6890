import type { Settings } from '../../../shared/domain/settings'

// Wrong-PIN lockout (settings.lockoutAttempts in a row lock the user for settings.lockoutMinutes).
// Pure rules; the identity service persists the state and journals the lockout.
export interface LockoutState {
  failedAttempts: number
  /** ISO time; null when not locked. A passed time counts as not locked. */
  lockedUntil: string | null
}

export const clearLockout: LockoutState = { failedAttempts: 0, lockedUntil: null }

export function lockedUntil(state: LockoutState, now: Date): Date | null {
  if (state.lockedUntil === null) return null
  const until = new Date(state.lockedUntil)
  return until.getTime() > now.getTime() ? until : null
}

export interface FailureOutcome {
  state: LockoutState
  /** Attempts left before a lockout, 0 when this failure locked the user. */
  remaining: number
  /** Set when this failure locked the user. */
  lockedUntil: Date | null
}

/** Called only while the user is not locked. A lockout resets the count, so one after it starts afresh. */
export function registerFailure(state: LockoutState, now: Date, settings: Settings): FailureOutcome {
  const failedAttempts = state.failedAttempts + 1
  if (failedAttempts >= settings.lockoutAttempts) {
    const until = new Date(now.getTime() + settings.lockoutMinutes * 60_000)
    return { state: { failedAttempts: 0, lockedUntil: until.toISOString() }, remaining: 0, lockedUntil: until }
  }
  return {
    state: { failedAttempts, lockedUntil: null },
    remaining: settings.lockoutAttempts - failedAttempts,
    lockedUntil: null,
  }
}
