import { shiftTimes, type RosterDay, type ShiftPattern, type ShiftSettings, type ShiftTimes } from '../../../../../shared/domain/handover/shifts'
import type { ChinaDate } from '../../../../../shared/domain/tickets/chinaTime'

// Each rostered person's hours for the day with the duty rule applied (000 r3), for the supervisor
// to check the roster against before saving it.

/** Why a person's hours differ from the pattern's. */
export type DutyAdjustment = 'dutyEarlyStart' | 'dutyEveningStay' | 'lateAfterEveningDuty'

export interface PersonShiftTimes extends ShiftTimes {
  employeeNo: string
  adjustments: DutyAdjustment[]
}

export interface ShiftTimesRow {
  pattern: ShiftPattern
  people: PersonShiftTimes[]
}

/** Whether `employeeNo` was the duty person yesterday on an evening shift: they start late this morning. */
export function hadEveningDuty(yesterday: RosterDay | null, patterns: Map<string, ShiftPattern>, employeeNo: string): boolean {
  if (!yesterday || yesterday.duty !== employeeNo) return false
  return yesterday.shifts.some((shift) => shift.agents.includes(employeeNo) && patterns.get(shift.patternId)?.part === 'evening')
}

export function rosterShiftTimes(
  date: ChinaDate,
  day: Pick<RosterDay, 'shifts' | 'duty'>,
  yesterday: RosterDay | null,
  settings: ShiftSettings,
): ShiftTimesRow[] {
  const patterns = new Map(settings.patterns.map((pattern) => [pattern.id, pattern]))
  return day.shifts.flatMap((shift) => {
    const pattern = patterns.get(shift.patternId)
    if (!pattern) return []
    const people = shift.agents.map((employeeNo) => {
      const person = { onDutyToday: day.duty === employeeNo, hadEveningDutyYesterday: hadEveningDuty(yesterday, patterns, employeeNo) }
      const adjustments: DutyAdjustment[] = []
      if (person.onDutyToday && pattern.part === 'morning' && settings.dutyRule.earlyStartMinutes > 0) adjustments.push('dutyEarlyStart')
      if (person.onDutyToday && pattern.part === 'evening' && settings.dutyRule.eveningStayMinutes > 0) adjustments.push('dutyEveningStay')
      if (person.hadEveningDutyYesterday && pattern.part === 'morning' && settings.dutyRule.nextMorningLateMinutes > 0) adjustments.push('lateAfterEveningDuty')
      return { employeeNo, adjustments, ...shiftTimes(date, pattern, settings.dutyRule, person) }
    })
    return [{ pattern, people }]
  })
}
