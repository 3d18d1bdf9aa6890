import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { addCalendarDays, addCalendarMonths, chinaDateOf, weekdayOf } from './chinaTime'
import { createChineseDaysSource, publicHolidaysFromTable } from './publicHolidays'
import { createWorkingDayCalendar, workingDayCalendarSettingsSchema, type WorkingDayCalendar } from './workingDays'

const ok = <T>(result: { ok: true; value: T } | { ok: false }): T => {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`)
  return result.value
}

const calendar = createWorkingDayCalendar()

// The 2026 arrangement as chinese-days 1.5.7 has it, checked against the State Council notice
// (国办发明电〔2025〕7号, https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm):
// 春节 2月15日(周日)至23日(周一)放假, 2月14日(周六)、2月28日(周六)上班;
// 国庆节 10月1日(周四)至7日(周三)放假, 9月20日(周日)、10月10日(周六)上班; 中秋 9月25日至27日.
describe('the 2026 public-holiday calendar', () => {
  it.each([
    ['2026-02-13', true, 'Friday before the Spring Festival'],
    ['2026-02-14', true, '调休 Saturday'],
    ['2026-02-15', false, 'Spring Festival starts (Sunday)'],
    ['2026-02-17', false, '春节 Tuesday'],
    ['2026-02-23', false, 'last day off (Monday)'],
    ['2026-02-24', true, 'back to work'],
    ['2026-02-28', true, '调休 Saturday'],
    ['2026-03-01', false, 'ordinary Sunday'],
    ['2026-03-07', false, 'ordinary Saturday'],
    ['2026-09-20', true, '调休 Sunday before National Day'],
    ['2026-09-25', false, '中秋 Friday'],
    ['2026-10-01', false, 'National Day'],
    ['2026-10-07', false, 'last day off (Wednesday)'],
    ['2026-10-08', true, 'back to work (Thursday)'],
    ['2026-10-10', true, '调休 Saturday'],
    ['2026-10-11', false, 'ordinary Sunday'],
    ['2026-01-04', true, '元旦 调休 Sunday'],
    ['2026-05-09', true, '劳动节 调休 Saturday'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(calendar.isWorkingDay(date)).toEqual({ ok: true, value: working })
  })

  it('has every day of 2026-02-15..23 off and no other day of February off on a weekday', () => {
    const offWeekdays = []
    for (let date = '2026-02-01'; date <= '2026-02-28'; date = addCalendarDays(date, 1)) {
      const day = weekdayOf(date)
      if (!ok(calendar.isWorkingDay(date)) && day !== 0 && day !== 6) offWeekdays.push(date)
    }
    expect(offWeekdays).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'])
  })
})

describe('addWorkingDays and workingDaysBetween', () => {
  it.each([
    ['2026-02-12', 1, '2026-02-13'],
    ['2026-02-13', 1, '2026-02-14'], // Friday → the 调休 Saturday
    ['2026-02-13', 2, '2026-02-24'], // across the whole Spring Festival
    ['2026-02-14', 1, '2026-02-24'],
    ['2026-02-15', 1, '2026-02-24'], // started on a holiday
    ['2026-02-27', 1, '2026-02-28'],
    ['2026-02-28', 1, '2026-03-02'],
    ['2026-09-18', 1, '2026-09-20'], // Friday → the 调休 Sunday
    ['2026-09-24', 1, '2026-09-28'], // Thursday before 中秋 → Monday
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-10-09', 1, '2026-10-10'],
    ['2026-09-28', 10, '2026-10-16'],
    ['2026-03-05', 0, '2026-03-05'],
    ['2026-03-07', 0, '2026-03-07'], // zero adds nothing, even on a Saturday
  ])('%s + %i working days = %s', (start, n, expected) => {
    expect(calendar.addWorkingDays(start, n)).toEqual({ ok: true, value: expected })
  })

  it.each([
    ['2026-02-13', '2026-02-28', 6],
    ['2026-02-28', '2026-02-13', -6],
    ['2026-09-30', '2026-10-08', 1],
    ['2026-10-08', '2026-10-08', 0],
    ['2026-01-02', '2026-01-01', 0], // backwards over a holiday: 0, not -0
    // 261 weekdays, 19 of them off, 6 weekend days worked
    ['2026-01-01', '2026-12-31', 248],
  ])('from %s to %s: %i working days', (a, b, expected) => {
    expect(calendar.workingDaysBetween(a, b)).toEqual({ ok: true, value: expected })
  })

  it('refuses a negative or fractional count', () => {
    expect(() => calendar.addWorkingDays('2026-03-02', -1)).toThrow(RangeError)
    expect(() => calendar.addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError)
  })
})

describe('supervisor overrides', () => {
  // 2026-03-06 is a Friday, 2026-03-07 a Saturday.
  const company = createWorkingDayCalendar({
    overrides: [
      { date: '2026-03-06', kind: 'holiday', note: '司庆日' },
      { date: '2026-03-07', kind: 'workingDay', note: '盘点加班' },
      { date: '2026-02-14', kind: 'holiday', note: '公司不执行调休' },
    ],
  })

  it('an extra company holiday is skipped', () => {
    expect(company.isWorkingDay('2026-03-06')).toEqual({ ok: true, value: false })
    expect(company.addWorkingDays('2026-03-05', 1)).toEqual({ ok: true, value: '2026-03-07' })
  })

  it('an extra working Saturday counts', () => {
    expect(company.isWorkingDay('2026-03-07')).toEqual({ ok: true, value: true })
    expect(company.addWorkingDays('2026-03-06', 2)).toEqual({ ok: true, value: '2026-03-09' })
    expect(calendar.addWorkingDays('2026-03-06', 2)).toEqual({ ok: true, value: '2026-03-10' })
  })

  it('an override wins over the official 调休 day', () => {
    expect(company.addWorkingDays('2026-02-13', 1)).toEqual({ ok: true, value: '2026-02-24' })
  })

  it('the settings refuse two overrides for one date, and a malformed date', () => {
    const twice = workingDayCalendarSettingsSchema.safeParse({
      overrides: [
        { date: '2026-03-06', kind: 'holiday', note: '' },
        { date: '2026-03-06', kind: 'workingDay', note: '' },
      ],
      coveredYears: [],
    })
    expect(twice.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['overrides', 'duplicateOverrideDate']])
    const badDate = workingDayCalendarSettingsSchema.safeParse({ overrides: [{ date: '2026-02-30', kind: 'holiday', note: '' }], coveredYears: [] })
    expect(badDate.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['overrides.0.date', 'date']])
  })
})

describe('coverage: a year the calendar lacks is said, not guessed', () => {
  it('chinese-days covers 2004..2026 and not 2027', () => {
    expect(calendar.isYearCovered(2004)).toBe(true)
    expect(calendar.isYearCovered(2026)).toBe(true)
    expect(calendar.isYearCovered(2027)).toBe(false)
    expect(calendar.isYearCovered(2003)).toBe(false)
  })

  it('walking into 2027 answers calendarNotCovered', () => {
    expect(calendar.addWorkingDays('2026-12-31', 1)).toEqual({ ok: false, reason: 'calendarNotCovered', year: 2027 })
    expect(calendar.addWorkingDays('2026-12-01', 30)).toEqual({ ok: false, reason: 'calendarNotCovered', year: 2027 })
    expect(calendar.isWorkingDay('2027-01-04')).toEqual({ ok: false, reason: 'calendarNotCovered', year: 2027 })
    expect(calendar.workingDaysBetween('2026-12-30', '2027-01-05')).toEqual({ ok: false, reason: 'calendarNotCovered', year: 2027 })
    // A count that ends before the year turns is still answered.
    expect(calendar.addWorkingDays('2026-12-28', 3)).toEqual({ ok: true, value: '2026-12-31' })
  })

  it('overrides for 2027 alone do not make it covered; the supervisor marking the year does', () => {
    const overrides = [{ date: '2027-01-01', kind: 'holiday', note: '元旦' } as const]
    expect(createWorkingDayCalendar({ overrides }).addWorkingDays('2026-12-31', 1)).toMatchObject({ ok: false, year: 2027 })
    const marked = createWorkingDayCalendar({ overrides, coveredYears: [2027] })
    expect(marked.isYearCovered(2027)).toBe(true)
    // 2027-01-01 Friday off (override), then the weekend.
    expect(marked.addWorkingDays('2026-12-31', 1)).toEqual({ ok: true, value: '2027-01-04' })
  })

  it('a newer data source covering 2027 is used as given', () => {
    const with2027 = createWorkingDayCalendar({
      publicHolidays: publicHolidaysFromTable({ holidays: ['2027-01-01'], workdays: ['2027-01-09'] }),
    })
    expect(with2027.isYearCovered(2027)).toBe(true)
    expect(with2027.isYearCovered(2026)).toBe(false)
    expect(with2027.addWorkingDays('2027-01-08', 1)).toEqual({ ok: true, value: '2027-01-09' })
  })
})

describe('timezone independence', () => {
  const originalTz = process.env.TZ
  afterEach(() => {
    process.env.TZ = originalTz
  })

  it.each(['UTC', 'Asia/Shanghai', 'America/New_York', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])(
    'counts the same days with the machine in %s',
    (tz) => {
      process.env.TZ = tz
      const local = createWorkingDayCalendar({ publicHolidays: createChineseDaysSource() })
      expect(local.isWorkingDay('2026-02-14')).toEqual({ ok: true, value: true })
      expect(local.isWorkingDay('2026-02-15')).toEqual({ ok: true, value: false })
      expect(local.isWorkingDay('2026-03-07')).toEqual({ ok: true, value: false })
      expect(local.addWorkingDays('2026-09-30', 1)).toEqual({ ok: true, value: '2026-10-08' })
      expect(local.workingDaysBetween('2026-01-01', '2026-12-31')).toEqual({ ok: true, value: 248 })
      expect(local.isYearCovered(2026) && !local.isYearCovered(2027)).toBe(true)
      // 00:30 in Shenzhen on Saturday is still Friday in UTC and in New York.
      expect(chinaDateOf('2026-02-13T16:30:00Z')).toBe('2026-02-14')
      expect(chinaDateOf(new Date('2026-02-14T00:30:00+08:00'))).toBe('2026-02-14')
      expect(chinaDateOf('2026-02-14T23:59:59.999+08:00')).toBe('2026-02-14')
    },
  )
})

describe('calendar months (民法典 art. 202)', () => {
  it.each([
    ['2026-08-31', 2, '2026-10-31'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2027-12-31', 2, '2028-02-29'],
    ['2026-01-15', 2, '2026-03-15'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected)
  })
})

describe('properties', () => {
  const day2026 = fc.integer({ min: 0, max: 364 }).map((offset) => addCalendarDays('2026-01-01', offset))
  const overridesArb = fc.uniqueArray(
    fc.record({ date: day2026, kind: fc.constantFrom('holiday' as const, 'workingDay' as const), note: fc.constant('') }),
    { selector: (override) => override.date, maxLength: 20 },
  )
  const within2026 = (cal: WorkingDayCalendar, start: string, n: number) => {
    const end = cal.addWorkingDays(start, n)
    return end.ok ? end.value : null
  }

  it('addWorkingDays lands on a working day n working days on, whatever the overrides', () => {
    fc.assert(
      fc.property(day2026, fc.integer({ min: 1, max: 60 }), overridesArb, (start, n, overrides) => {
        const cal = createWorkingDayCalendar({ overrides })
        const end = within2026(cal, start, n)
        if (end === null) return // ran into 2027: covered by its own test
        expect(end > start).toBe(true)
        expect(cal.isWorkingDay(end)).toEqual({ ok: true, value: true })
        expect(cal.workingDaysBetween(start, end)).toEqual({ ok: true, value: n })
        // and it is the first such day: the day before has one working day fewer.
        expect(cal.workingDaysBetween(start, addCalendarDays(end, -1))).toEqual({ ok: true, value: n - 1 })
      }),
    )
  })

  it('workingDaysBetween adds up over any middle date', () => {
    fc.assert(
      fc.property(day2026, day2026, day2026, (a, b, c) => {
        expect(ok(calendar.workingDaysBetween(a, b)) + ok(calendar.workingDaysBetween(b, c))).toBe(ok(calendar.workingDaysBetween(a, c)))
      }),
    )
  })
})
