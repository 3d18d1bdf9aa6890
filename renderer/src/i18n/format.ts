import type { TFunction } from 'i18next'
import { ApiError } from '../api/client'

// Times the agent reads at a glance: local clock time, 24-hour.
export function formatClock(iso: string, language: string): string {
  return new Date(iso).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
}

export function formatDateTime(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language, {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
}

/**
 * Fills an error's message from its params: an ISO `until` becomes the local clock time plus the
 * minutes still to wait, and `remainingAttempts` picks the variant that says how many tries are left.
 */
export function describeError(t: TFunction, error: unknown, language: string, now = Date.now()): string {
  const apiError = error instanceof ApiError ? error : new ApiError({ code: 'internal' })
  const values: Record<string, string | number> = { ...apiError.params }
  const until = values.until ?? values.lockedUntil
  if (typeof until === 'string' && !Number.isNaN(Date.parse(until))) {
    values.until = formatClock(until, language)
    values.minutes = Math.max(1, Math.ceil((Date.parse(until) - now) / 60_000))
  }
  const remaining = values.remainingAttempts ?? values.remaining
  if (typeof remaining === 'number') values.remainingAttempts = remaining
  const context =
    apiError.code === 'badCredentials' && typeof remaining === 'number'
      ? 'remaining'
      : apiError.code === 'internal' && values.reason === 'unreachable'
        ? 'unreachable'
        : undefined
  const key = `errors.${apiError.code}`
  return t(key, { ...values, context, defaultValue: t('errors.internal') })
}
