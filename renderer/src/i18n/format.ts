import type { TFunction } from 'i18next'
import { chinaDateOf, chinaDayStartMs } from '../../../shared/domain/tickets/chinaTime'
import { ApiError } from '../api/client'

// Every time on screen is China time, whatever zone the seat's machine is set to: the ticket rules
// count China's wall clock (shared/domain/tickets/chinaTime.ts), so a deadline, a callback or a call
// read off the screen is the one the rules computed, on a seat set to UTC or a laptop abroad too.
export const SCREEN_TIME_ZONE = 'Asia/Shanghai'

// Times the agent reads at a glance: China clock time, 24-hour.
export function formatClock(iso: string, language: string): string {
  return new Date(iso).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: SCREEN_TIME_ZONE })
}

/** HH:mm:ss, for moments the agent waits for to the second (a lockout's end). */
export function formatClockSeconds(iso: string, language: string): string {
  return new Date(iso).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: SCREEN_TIME_ZONE })
}

export function formatDateTime(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language, {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: SCREEN_TIME_ZONE,
  })
}

/**
 * When a deadline falls, as the agent reads it. A clock counted in days ends at 24:00 of its last day
 * (民法典 art. 203), the same instant as 00:00 of the next: said as "10/08 24:00", because
 * "10/09 00:00" reads as a day later than the date the clock is due.
 */
export function formatDeadline(iso: string, language: string): string {
  const at = Date.parse(iso)
  // Midnight in China, where the clocks count days (chinaTime.ts).
  if (at !== chinaDayStartMs(chinaDateOf(at))) return formatDateTime(iso, language)
  // The last minute of the day before, in the language's own layout, with its 23:59 read as 24:00.
  return formatDateTime(new Date(at - 60_000).toISOString(), language).replace('23:59', '24:00')
}

export interface DescribeErrorOptions {
  /** Only a PIN was asked for (checklist, lock screen): a wrong one is "wrong PIN", not "wrong employee number or PIN". */
  pinOnly?: boolean
}

/**
 * Fills an error's message from its params: an ISO `until` becomes the local clock time (to the
 * second) plus the minutes still to wait, and `remainingAttempts` picks the variant that says how
 * many tries are left. Counts go in as i18next's `count`, so English picks `_one`/`_other`.
 */
export function describeError(
  t: TFunction,
  error: unknown,
  language: string,
  now = Date.now(),
  options: DescribeErrorOptions = {},
): string {
  const apiError = error instanceof ApiError ? error : new ApiError({ code: 'internal' })
  const values: Record<string, string | number> = { ...apiError.params }
  const until = values.until ?? values.lockedUntil
  if (typeof until === 'string' && !Number.isNaN(Date.parse(until))) {
    values.until = formatClockSeconds(until, language)
    values.minutes = Math.max(1, Math.ceil((Date.parse(until) - now) / 60_000))
    values.count = values.minutes
  }
  const remaining = values.remainingAttempts ?? values.remaining
  if (typeof remaining === 'number') {
    values.remainingAttempts = remaining
    values.count = remaining
  }
  const context =
    apiError.code === 'badCredentials' && typeof remaining === 'number'
      ? 'remaining'
      : apiError.code === 'internal' && values.reason === 'unreachable'
        ? 'unreachable'
        : apiError.code === 'invalidCallerNumber' && values.reason === 'fixedLineNeedsAreaCode'
          ? 'fixedLineNeedsAreaCode'
          : apiError.code === 'exportRefused' && typeof values.reason === 'string'
            ? values.reason
            : undefined
  const key = options.pinOnly && apiError.code === 'badCredentials' ? 'errors.badPin' : `errors.${apiError.code}`
  return t(key, { ...values, context, defaultValue: t('errors.internal') })
}
