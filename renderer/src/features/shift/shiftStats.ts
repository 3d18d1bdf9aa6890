import { chinaDateOf, chinaDayStartMs } from '../../../../shared/domain/tickets/chinaTime'
import type { CallRow } from '../../db/schema'

// The figures a seat can measure from its own records (DOMAIN.md, call-centre indicators): handling
// time and the share under target (002: 受理时间低于3分钟/次), script compliance.
export interface ShiftCallStats {
  calls: number
  averageHandlingMs: number | null
  /** 0–1; null without calls. */
  shareUnderTarget: number | null
  greetingCompliance: number | null
  closingCompliance: number | null
  longestMs: number | null
}

export type CompletedCall = CallRow & { completedAt: string; handlingMs: number }

export const isCompleted = (row: CallRow): row is CompletedCall => row.completedAt !== null && row.handlingMs !== null

export function shiftCallStats(calls: CompletedCall[]): ShiftCallStats {
  const count = calls.length
  if (count === 0) {
    return { calls: 0, averageHandlingMs: null, shareUnderTarget: null, greetingCompliance: null, closingCompliance: null, longestMs: null }
  }
  const share = (test: (row: CompletedCall) => boolean) => calls.filter(test).length / count
  return {
    calls: count,
    averageHandlingMs: calls.reduce((sum, row) => sum + row.handlingMs, 0) / count,
    shareUnderTarget: share((row) => !row.overTarget),
    greetingCompliance: share((row) => row.greetingSaid),
    closingCompliance: share((row) => row.closingSaid),
    longestMs: Math.max(...calls.map((row) => row.handlingMs)),
  }
}

/**
 * Midnight in China as an ISO time (the answeredAt index compares ISO strings): "today" is the day on
 * the China clock the screen shows the calls' times in (i18n/format.ts), not the machine's own day.
 */
export function startOfToday(now: Date | number = Date.now()): string {
  return new Date(chinaDayStartMs(chinaDateOf(now))).toISOString()
}
