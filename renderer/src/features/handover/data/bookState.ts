import { defaultShiftSettings, shiftTimes, type RosterShift, type ShiftPattern, type ShiftSettings } from '../../../../../shared/domain/handover/shifts'
import { addCalendarDays } from '../../../../../shared/domain/tickets/chinaTime'
import type { HandoverPageRow, RosterRow } from '../../../db/schema'
import { hadEveningDuty } from '../settings/rosterTimes'

// What the book shows for each shift of each day, and what needs someone's attention: a shift whose
// end has passed without a signed page, and a signed page the incoming agent has left for hours.
// A shift ends when its people leave, with the duty rule (000 r3): the evening duty person stays an
// hour and a half late, so their page is not late while they are still on shift.

/** A signed page not acknowledged (nor waived) this long after signing is late. */
export const ACK_LATE_MS = 2 * 60 * 60 * 1000

export type Attention = 'unsigned' | 'ackLate' | null

export type BookLine =
  | { kind: 'page'; date: string; patternId: string; row: HandoverPageRow; attention: Attention }
  /** A rostered shift with no page at all. */
  | { kind: 'missing'; date: string; patternId: string; shift: RosterShift; attention: Attention }

/** The roster days the book read, by date: who is on duty that day and who was the day before. */
export type RosterByDate = ReadonlyMap<string, RosterRow>

export function rosterByDate(days: readonly RosterRow[]): RosterByDate {
  return new Map(days.map((day) => [day.date, day]))
}

/**
 * When `employeeNo`'s shift of the pattern on that date ends, with the duty rule: the roster's duty
 * person of the date stays late on an evening shift (and whoever had yesterday's evening duty starts
 * late, which moves only the start). Without a roster day the pattern's plain times apply.
 */
export function shiftEndsAt(date: string, pattern: ShiftPattern | undefined, settings: ShiftSettings, employeeNo: string, roster: RosterByDate): string | null {
  if (!pattern) return null
  const patterns = new Map(settings.patterns.map((candidate) => [candidate.id, candidate]))
  const person = {
    onDutyToday: roster.get(date)?.duty === employeeNo,
    hadEveningDutyYesterday: hadEveningDuty(roster.get(addCalendarDays(date, -1)) ?? null, patterns, employeeNo),
  }
  return shiftTimes(date, pattern, settings.dutyRule, person).endsAt
}

/** A shift nobody wrote a page for has ended once the last of its people has gone (the duty person last). */
function rosteredShiftEndsAt(date: string, shift: RosterShift, settings: ShiftSettings, roster: RosterByDate): string | null {
  const pattern = settings.patterns.find((candidate) => candidate.id === shift.patternId)
  const ends = shift.agents.flatMap((employeeNo) => shiftEndsAt(date, pattern, settings, employeeNo, roster) ?? [])
  return ends.length === 0 ? null : ends.reduce((latest, end) => (Date.parse(end) > Date.parse(latest) ? end : latest))
}

const ended = (endsAt: string | null, now: number) => endsAt !== null && Date.parse(endsAt) <= now

/** A draft is late once its outgoing agent's shift has ended; a signed page once it waited hours for the incoming agent. */
export function pageAttention(row: HandoverPageRow, settings: ShiftSettings, now: number, roster: RosterByDate = new Map()): Attention {
  if (row.state === 'draft') {
    const pattern = settings.patterns.find((candidate) => candidate.id === row.patternId)
    return ended(shiftEndsAt(row.date, pattern, settings, row.outgoing, roster), now) ? 'unsigned' : null
  }
  if (row.state === 'signed' && row.waived === null && row.signedAt !== null && now - Date.parse(row.signedAt) >= ACK_LATE_MS) return 'ackLate'
  return null
}

/**
 * The book's lines, newest date first, shifts in the order the patterns are defined: every page, and
 * every rostered shift of those dates that has no page (unsigned once its end has passed). `earlier`
 * holds roster days before the range (the day before its first date): read for the duty rule only.
 */
export function bookLines(
  pages: readonly HandoverPageRow[],
  roster: readonly RosterRow[],
  settings: ShiftSettings = defaultShiftSettings,
  now = Date.now(),
  earlier: readonly RosterRow[] = [],
): BookLine[] {
  const days = rosterByDate([...earlier, ...roster])
  const lines: BookLine[] = pages.map((row) => ({ kind: 'page', date: row.date, patternId: row.patternId, row, attention: pageAttention(row, settings, now, days) }))
  for (const day of roster) {
    for (const shift of day.shifts) {
      if (pages.some((row) => row.date === day.date && row.patternId === shift.patternId)) continue
      const attention = ended(rosteredShiftEndsAt(day.date, shift, settings, days), now) ? 'unsigned' : null
      lines.push({ kind: 'missing', date: day.date, patternId: shift.patternId, shift, attention })
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
