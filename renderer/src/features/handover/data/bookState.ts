import { defaultShiftSettings, shiftTimes, type RosterShift, type ShiftPattern, type ShiftSettings } from '../../../../../shared/domain/handover/shifts'
import type { HandoverPageRow, RosterRow } from '../../../db/schema'

// What the book shows for each shift of each day, and what needs someone's attention: a shift whose
// end has passed without a signed page, and a signed page the incoming agent has left for hours.

/** A signed page not acknowledged (nor waived) this long after signing is late. */
export const ACK_LATE_MS = 2 * 60 * 60 * 1000

export type Attention = 'unsigned' | 'ackLate' | null

export type BookLine =
  | { kind: 'page'; date: string; patternId: string; row: HandoverPageRow; attention: Attention }
  /** A rostered shift with no page at all. */
  | { kind: 'missing'; date: string; patternId: string; shift: RosterShift; attention: Attention }

const NO_DUTY = { onDutyToday: false, hadEveningDutyYesterday: false }

/** When the pattern's shift of that date ends (the plain pattern, without the duty rule). */
export function shiftEndsAt(date: string, pattern: ShiftPattern | undefined, settings: ShiftSettings): string | null {
  return pattern ? shiftTimes(date, pattern, settings.dutyRule, NO_DUTY).endsAt : null
}

export function pageAttention(row: HandoverPageRow, settings: ShiftSettings, now: number): Attention {
  if (row.state === 'draft') {
    const endsAt = shiftEndsAt(row.date, settings.patterns.find((pattern) => pattern.id === row.patternId), settings)
    return endsAt !== null && Date.parse(endsAt) <= now ? 'unsigned' : null
  }
  if (row.state === 'signed' && row.waived === null && row.signedAt !== null && now - Date.parse(row.signedAt) >= ACK_LATE_MS) return 'ackLate'
  return null
}

/**
 * The book's lines, newest date first, shifts in the order the patterns are defined: every page, and
 * every rostered shift of those dates that has no page (unsigned once its end has passed).
 */
export function bookLines(pages: readonly HandoverPageRow[], roster: readonly RosterRow[], settings: ShiftSettings = defaultShiftSettings, now = Date.now()): BookLine[] {
  const lines: BookLine[] = pages.map((row) => ({ kind: 'page', date: row.date, patternId: row.patternId, row, attention: pageAttention(row, settings, now) }))
  for (const day of roster) {
    for (const shift of day.shifts) {
      if (pages.some((row) => row.date === day.date && row.patternId === shift.patternId)) continue
      const endsAt = shiftEndsAt(day.date, settings.patterns.find((pattern) => pattern.id === shift.patternId), settings)
      lines.push({ kind: 'missing', date: day.date, patternId: shift.patternId, shift, attention: endsAt !== null && Date.parse(endsAt) <= now ? 'unsigned' : null })
    }
  }
  const order = (patternId: string) => {
    const at = settings.patterns.findIndex((pattern) => pattern.id === patternId)
    return at < 0 ? settings.patterns.length : at
  }
  return lines.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : order(a.patternId) - order(b.patternId)))
}

/** Pages addressed to `employeeNo` that are signed and neither acknowledged nor waived: the sign-in reminder. */
export function awaitingAcknowledgement(pages: readonly HandoverPageRow[], employeeNo: string): HandoverPageRow[] {
  return pages.filter((row) => row.incoming === employeeNo && row.state === 'signed' && row.waived === null)
}

/** A page can be countersigned once acknowledged, or signed and waived; never twice. */
export function canCountersign(row: HandoverPageRow): boolean {
  return row.state === 'acknowledged' || (row.state === 'signed' && row.waived !== null)
}
