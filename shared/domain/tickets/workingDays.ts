import { z } from 'zod'
import { addCalendarDays, chinaDateSchema, weekdayOf, yearOf, type ChinaDate } from './chinaTime'
import { chineseDaysSource, type PublicHolidaySource } from './publicHolidays'

// Working days (DOMAIN.md): the Chinese public-holiday calendar with its adjusted working days (调休 —
// a Saturday can be a working day), from chinese-days, plus the company's own days set by a supervisor.

export const calendarOverrideSchema = z.strictObject({
  date: chinaDateSchema,
  /** holiday: the company is closed (司庆日, a local holiday); workingDay: it works (an extra Saturday). */
  kind: z.enum(['holiday', 'workingDay'], { error: 'overrideKind' }),
  note: z.string().trim().max(60, { error: 'tooLong' }),
})
export type CalendarOverride = z.infer<typeof calendarOverrideSchema>

const calendarYearSchema = z.number().int().min(2000).max(2100)

export const workingDayCalendarSettingsSchema = z
  .strictObject({
    overrides: z.array(calendarOverrideSchema).max(2000),
    /**
     * Years the supervisor declares complete although chinese-days lacks them: they have entered that
     * year's holidays and 调休 days as overrides. Overrides alone never make a year covered — one extra
     * company holiday in 2027 says nothing about whether the 2027 State Council notice has been entered.
     */
    coveredYears: z.array(calendarYearSchema).max(100),
  })
  // One date, one answer: two overrides for a date would leave the clocks guessing which one wins.
  .refine((settings) => new Set(settings.overrides.map((override) => override.date)).size === settings.overrides.length, {
    path: ['overrides'],
    error: 'duplicateOverrideDate',
  })
export type WorkingDayCalendarSettings = z.infer<typeof workingDayCalendarSettingsSchema>

export const defaultWorkingDayCalendarSettings: WorkingDayCalendarSettings = { overrides: [], coveredYears: [] }

export type CalendarNotCovered = { ok: false; reason: 'calendarNotCovered'; year: number }
export type CalendarResult<T> = { ok: true; value: T } | CalendarNotCovered

export type WorkingDayCalendar = {
  /** Covered: the official data has the year, or the supervisor has marked it complete. */
  isYearCovered(year: number): boolean
  isWorkingDay(date: ChinaDate): CalendarResult<boolean>
  /**
   * The n-th working day after `start` — `start` itself never counts, whether or not it is a working
   * day (民法典 art. 201: "开始的当日不计入，自下一日开始计算"). n = 0 returns `start` unchanged.
   */
  addWorkingDays(start: ChinaDate, n: number): CalendarResult<ChinaDate>
  /** Working days d with a < d ≤ b; negative when b is before a. So workingDaysBetween(a, addWorkingDays(a, n)) = n. */
  workingDaysBetween(a: ChinaDate, b: ChinaDate): CalendarResult<number>
}

export type WorkingDayCalendarOptions = Partial<WorkingDayCalendarSettings> & {
  /** The official arrangement; chinese-days unless a test supplies another. */
  publicHolidays?: PublicHolidaySource
}

// Far enough for the longest clock (60 working days ≈ 3 months) with room to spare; a longer walk means
// a bad argument rather than a deadline.
const MAX_WALK_DAYS = 3660

export function createWorkingDayCalendar(options: WorkingDayCalendarOptions = {}): WorkingDayCalendar {
  const source = options.publicHolidays ?? chineseDaysSource()
  const overrides = new Map((options.overrides ?? []).map((override) => [override.date, override.kind]))
  const supervisorYears = new Set(options.coveredYears ?? [])
  const isYearCovered = (year: number) => supervisorYears.has(year) || source.isYearCovered(year)

  const notCovered = (date: ChinaDate): CalendarNotCovered | null =>
    isYearCovered(yearOf(date)) ? null : { ok: false, reason: 'calendarNotCovered', year: yearOf(date) }

  // Precedence: the supervisor's override, then the official arrangement, then the weekend rule.
  const worksOn = (date: ChinaDate): boolean => {
    const override = overrides.get(date)
    if (override) return override === 'workingDay'
    const official = source.lookup(date)
    if (official) return official === 'workday'
    const weekday = weekdayOf(date)
    return weekday !== 0 && weekday !== 6
  }

  const isWorkingDay = (date: ChinaDate): CalendarResult<boolean> => notCovered(date) ?? { ok: true, value: worksOn(date) }

  const addWorkingDays = (start: ChinaDate, n: number): CalendarResult<ChinaDate> => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays needs a whole n ≥ 0, got ${n}`)
    let date = start
    let remaining = n
    for (let walked = 0; remaining > 0; walked++) {
      if (walked > MAX_WALK_DAYS) throw new RangeError(`no ${n} working days within ${MAX_WALK_DAYS} days of ${start}`)
      date = addCalendarDays(date, 1)
      const gap = notCovered(date)
      if (gap) return gap
      if (worksOn(date)) remaining--
    }
    return { ok: true, value: date }
  }

  const workingDaysBetween = (a: ChinaDate, b: ChinaDate): CalendarResult<number> => {
    const [from, to, sign] = a <= b ? [a, b, 1] : [b, a, -1]
    let count = 0
    for (let date = addCalendarDays(from, 1); date <= to; date = addCalendarDays(date, 1)) {
      const gap = notCovered(date)
      if (gap) return gap
      if (worksOn(date)) count++
    }
    return { ok: true, value: count === 0 ? 0 : sign * count } // never -0
  }

  return {
    isYearCovered,
    isWorkingDay,
    addWorkingDays,
    workingDaysBetween,
  }
}
