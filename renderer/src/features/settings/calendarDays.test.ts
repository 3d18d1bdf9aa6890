import { publicHolidaysFromTable } from '../../../../shared/domain/tickets/publicHolidays'
import { leadingBlanks, monthDays } from './calendarDays'

// A made-up notice, so the test says what each reason comes from.
const official = publicHolidaysFromTable({ holidays: ['2030-01-01', '2030-02-04'], workdays: ['2030-02-09'] })

describe('calendar days', () => {
  it('names why each day works or rests, the supervisor’s day first', () => {
    const settings = {
      overrides: [
        { date: '2030-02-04', kind: 'workingDay' as const, note: '值班' },
        { date: '2030-02-06', kind: 'holiday' as const, note: '司庆日' },
      ],
      coveredYears: [],
    }
    const byDate = new Map(monthDays(2030, 2, settings, official).map((day) => [day.date, day]))
    expect(byDate.size).toBe(28)
    expect(byDate.get('2030-02-04')).toMatchObject({ working: true, reason: 'companyWorkingDay' })
    expect(byDate.get('2030-02-06')).toMatchObject({ working: false, reason: 'companyHoliday', override: { note: '司庆日' } })
    expect(byDate.get('2030-02-09')).toMatchObject({ working: true, reason: 'officialWorkingDay' }) // a Saturday
    expect(byDate.get('2030-02-10')).toMatchObject({ working: false, reason: 'weekend' })
    expect(byDate.get('2030-02-11')).toMatchObject({ working: true, reason: 'weekday' })
    expect(monthDays(2030, 1, settings, official)[0]).toMatchObject({ date: '2030-01-01', working: false, reason: 'officialHoliday' })
  })

  it('previews a year the calendar does not cover as it would count once marked complete', () => {
    const days = monthDays(2031, 12, { overrides: [{ date: '2031-12-31', kind: 'holiday', note: '' }], coveredYears: [] }, official)
    expect(days).toHaveLength(31)
    expect(days.at(-1)).toMatchObject({ date: '2031-12-31', working: false, reason: 'companyHoliday' })
  })

  it('starts weeks on Monday', () => {
    expect(leadingBlanks(2026, 10)).toBe(3) // 1 October 2026 is a Thursday
    expect(leadingBlanks(2026, 6)).toBe(0) // 1 June 2026 is a Monday
    expect(leadingBlanks(2026, 11)).toBe(6) // 1 November 2026 is a Sunday
  })
})
