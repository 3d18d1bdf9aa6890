import { describe, expect, it } from 'vitest'
import { chineseDaysSource, publicHolidayFingerprint, publicHolidaysFromTable } from './publicHolidays'

describe('publicHolidayFingerprint', () => {
  const notice2026 = { holidays: ['2026-01-01', '2026-02-16', '2026-02-17'], workdays: ['2026-02-14'] }

  it('names the covered years and is the same for the same answers', () => {
    expect(publicHolidayFingerprint(publicHolidaysFromTable(notice2026))).toMatch(/^2026:[0-9a-z]+$/)
    expect(publicHolidayFingerprint(publicHolidaysFromTable(notice2026))).toBe(publicHolidayFingerprint(publicHolidaysFromTable({ ...notice2026 })))
    expect(publicHolidayFingerprint(publicHolidaysFromTable({ holidays: [], workdays: [] }))).toMatch(/^none:/)
  })

  it('changes with a new year, a moved day off, or a day off turned into a working day', () => {
    const base = publicHolidayFingerprint(publicHolidaysFromTable(notice2026))
    const with2027 = publicHolidayFingerprint(publicHolidaysFromTable({ ...notice2026, holidays: [...notice2026.holidays, '2027-01-01'] }))
    expect(with2027).toMatch(/^2026-2027:/)
    const moved = publicHolidayFingerprint(publicHolidaysFromTable({ ...notice2026, holidays: ['2026-01-01', '2026-02-16', '2026-02-18'] }))
    const adjusted = publicHolidayFingerprint(publicHolidaysFromTable({ ...notice2026, workdays: ['2026-02-15'] }))
    expect(new Set([base, with2027, moved, adjusted]).size).toBe(4)
    // Same years, other answers: only the hash part tells them apart.
    expect(moved.split(':')[0]).toBe('2026')
  })

  it('looks only at the years asked for, gaps shown as separate ranges', () => {
    const source = publicHolidaysFromTable({ holidays: ['2024-01-01', '2025-01-01', '2027-01-01', '2031-01-01'], workdays: [] })
    expect(publicHolidayFingerprint(source).split(':')[0]).toBe('2024-2025,2027,2031')
    expect(publicHolidayFingerprint(source, { from: 2025, to: 2030 }).split(':')[0]).toBe('2025,2027')
  })

  it('of the shipped chinese-days: 2004 to 2026, stable across calls', () => {
    const shipped = publicHolidayFingerprint(chineseDaysSource())
    expect(shipped).toMatch(/^2004-2026:/)
    expect(publicHolidayFingerprint(chineseDaysSource())).toBe(shipped)
  })
})
