// Loads chinese-days with the machine west of UTC, where the library's own tables are built one day
// early, and checks the answers are still right. The timezone must be set before the library loads.
process.env.TZ = 'America/New_York'

import { describe, expect, it } from 'vitest'

describe('chinese-days loaded in America/New_York', () => {
  it('its tables sit a day early, and the calendar corrects for it', async () => {
    const { measureChineseDaysKeyShift } = await import('./publicHolidays')
    const { createWorkingDayCalendar } = await import('./workingDays')
    expect(measureChineseDaysKeyShift()).toBe(-1)
    const calendar = createWorkingDayCalendar()
    expect(calendar.isWorkingDay('2026-02-14')).toEqual({ ok: true, value: true })
    expect(calendar.isWorkingDay('2026-02-23')).toEqual({ ok: true, value: false })
    expect(calendar.isWorkingDay('2026-02-24')).toEqual({ ok: true, value: true })
    expect(calendar.addWorkingDays('2026-02-13', 2)).toEqual({ ok: true, value: '2026-02-24' })
    expect(calendar.workingDaysBetween('2026-01-01', '2026-12-31')).toEqual({ ok: true, value: 248 })
    expect(calendar.isYearCovered(2026)).toBe(true)
    expect(calendar.isYearCovered(2027)).toBe(false)
  })
})
