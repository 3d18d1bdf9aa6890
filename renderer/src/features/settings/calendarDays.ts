import { addCalendarDays, weekdayOf, type ChinaDate } from '../../../../shared/domain/tickets/chinaTime'
import type { PublicHolidaySource } from '../../../../shared/domain/tickets/publicHolidays'
import { createWorkingDayCalendar, type CalendarOverride, type WorkingDayCalendarSettings } from '../../../../shared/domain/tickets/workingDays'

// What the calendar view shows for each day: whether it works, and why — the supervisor's override,
// the State Council's arrangement (a holiday, or a weekend day worked instead: 调休), or the week itself.

export type DayReason = 'companyHoliday' | 'companyWorkingDay' | 'officialHoliday' | 'officialWorkingDay' | 'weekend' | 'weekday'

export type CalendarDay = {
  date: ChinaDate
  dayOfMonth: number
  working: boolean
  reason: DayReason
  override: CalendarOverride | null
}

export const dayReasons: readonly DayReason[] = ['officialHoliday', 'officialWorkingDay', 'companyHoliday', 'companyWorkingDay', 'weekend', 'weekday']

const pad = (n: number) => String(n).padStart(2, '0')

/** The year's or month's first date. */
export const firstOfMonth = (year: number, month: number): ChinaDate => `${year}-${pad(month)}-01`

/**
 * Every day of a month as the clocks would count it with these settings. A year the calendar does not
 * cover is shown as it would count once marked complete, so a supervisor entering that year's notice
 * sees the result before switching it on.
 */
export function monthDays(year: number, month: number, settings: WorkingDayCalendarSettings, official: PublicHolidaySource): CalendarDay[] {
  const calendar = createWorkingDayCalendar({ overrides: settings.overrides, coveredYears: [...settings.coveredYears, year], publicHolidays: official })
  const overrides = new Map(settings.overrides.map((override) => [override.date, override]))
  const days: CalendarDay[] = []
  for (let date = firstOfMonth(year, month); Number(date.slice(5, 7)) === month; date = addCalendarDays(date, 1)) {
    const answer = calendar.isWorkingDay(date)
    if (!answer.ok) throw new Error(`calendar: ${date} not covered although its year was added`)
    const override = overrides.get(date) ?? null
    const officialEntry = official.lookup(date)
    // The same precedence as createWorkingDayCalendar: override, then the official arrangement, then the week.
    const reason: DayReason = override
      ? override.kind === 'holiday'
        ? 'companyHoliday'
        : 'companyWorkingDay'
      : officialEntry === 'holiday'
        ? 'officialHoliday'
        : officialEntry === 'workday'
          ? 'officialWorkingDay'
          : weekdayOf(date) === 0 || weekdayOf(date) === 6
            ? 'weekend'
            : 'weekday'
    days.push({ date, dayOfMonth: Number(date.slice(8, 10)), working: answer.value, reason, override })
  }
  return days
}

/** Empty cells before the 1st in a week that starts on Monday (as calendars in China do). */
export function leadingBlanks(year: number, month: number): number {
  return (weekdayOf(firstOfMonth(year, month)) + 6) % 7
}
