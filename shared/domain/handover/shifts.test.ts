import { describe, expect, it } from 'vitest'
import { defaultShiftSettings, rosterDaySchema, shiftSettingsSchema, shiftTimes, type ShiftPattern } from './shifts'

const [morning, evening] = defaultShiftSettings.patterns as [ShiftPattern, ShiftPattern]
const rule = defaultShiftSettings.dutyRule
const nobody = { onDutyToday: false, hadEveningDutyYesterday: false }

describe('shift times (000 r3)', () => {
  it('are China wall-clock times', () => {
    expect(shiftTimes('2026-11-25', morning, rule, nobody)).toEqual({ startsAt: '2026-11-25T00:30:00.000Z', endsAt: '2026-11-25T09:30:00.000Z' })
  })

  it('bring the morning duty in half an hour early', () => {
    expect(shiftTimes('2026-11-25', morning, rule, { ...nobody, onDutyToday: true }).startsAt).toBe('2026-11-25T00:00:00.000Z')
  })

  it('keep the evening duty an hour and a half late, and let them start half an hour late the next morning', () => {
    expect(shiftTimes('2026-11-25', evening, rule, { ...nobody, onDutyToday: true }).endsAt).toBe('2026-11-25T15:30:00.000Z')
    expect(shiftTimes('2026-11-26', morning, rule, { ...nobody, hadEveningDutyYesterday: true }).startsAt).toBe('2026-11-26T01:00:00.000Z')
  })

  it('end a night shift on the next day', () => {
    const night: ShiftPattern = { id: 'night', label: { 'zh-CN': '夜班', en: 'Night' }, start: '22:00', end: '08:30', part: 'other' }
    expect(shiftTimes('2026-11-25', night, rule, nobody)).toEqual({ startsAt: '2026-11-25T14:00:00.000Z', endsAt: '2026-11-26T00:30:00.000Z' })
  })
})

describe('shift settings and the roster', () => {
  it('refuse two patterns with one id and a malformed time', () => {
    expect(shiftSettingsSchema.safeParse(defaultShiftSettings).success).toBe(true)
    expect(shiftSettingsSchema.safeParse({ ...defaultShiftSettings, patterns: [morning, morning] }).success).toBe(false)
    expect(shiftSettingsSchema.safeParse({ ...defaultShiftSettings, patterns: [{ ...morning, start: '8:30' }] }).success).toBe(false)
  })

  it('have one duty person, who works a shift that day', () => {
    const day = { date: '2026-11-25', shifts: [{ patternId: 'morning', agents: ['a001', 'A002'], lead: 'L001' }], duty: 'A002' }
    expect(rosterDaySchema.parse(day).shifts[0]?.agents).toEqual(['A001', 'A002'])
    const issues = rosterDaySchema.safeParse({ ...day, duty: 'A009' }).error?.issues
    expect(issues?.map((issue) => issue.message)).toEqual(['dutyNotOnShift'])
  })
})
