import { z } from 'zod'
import { employeeNoSchema } from '../identity'
import { chinaDateSchema, chinaDayStartMs, addCalendarDays, type ChinaDate } from '../tickets/chinaTime'

// Shifts (DOMAIN.md "Shift and handover", 000 r3): supervisor-defined patterns, who works which shift
// on a day, the shift lead of each, and the duty rule — one duty person a day; a morning duty starts
// half an hour early; an evening duty stays an hour and a half late and starts half an hour late the
// next morning. All times are China wall-clock times.

const timeOfDaySchema = z.string().max(5, { error: 'timeOfDay' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'timeOfDay' })

/** A shift pattern's name in each language (早班 / Morning). */
export const shiftLabelSchema = z.strictObject({
  'zh-CN': z.string().trim().min(1, { error: 'required' }).max(20, { error: 'tooLong' }),
  en: z.string().trim().min(1, { error: 'required' }).max(40, { error: 'tooLong' }),
})
export type ShiftLabel = z.infer<typeof shiftLabelSchema>

export const shiftPatternIdSchema = z.string().min(1).max(30).regex(/^[a-z0-9-]+$/, { error: 'patternId' })

export const shiftPatternSchema = z.strictObject({
  id: shiftPatternIdSchema,
  label: shiftLabelSchema,
  /** When it starts and ends; an end at or before the start is on the next day (a night shift). */
  start: timeOfDaySchema,
  end: timeOfDaySchema,
  /** Which end of the day it is, for the duty rule: the morning duty comes early, the evening duty stays late. */
  part: z.enum(['morning', 'evening', 'other'], { error: 'choose' }),
})
export type ShiftPattern = z.infer<typeof shiftPatternSchema>

export const dutyRuleSchema = z.strictObject({
  earlyStartMinutes: z.number().int().min(0).max(180, { error: 'amountTooLarge' }),
  eveningStayMinutes: z.number().int().min(0).max(300, { error: 'amountTooLarge' }),
  nextMorningLateMinutes: z.number().int().min(0).max(180, { error: 'amountTooLarge' }),
})
export type DutyRule = z.infer<typeof dutyRuleSchema>

export const shiftSettingsSchema = z
  .strictObject({
    patterns: z.array(shiftPatternSchema).min(1, { error: 'patternRequired' }).max(10, { error: 'tooMany' }),
    dutyRule: dutyRuleSchema,
  })
  .refine((settings) => new Set(settings.patterns.map((pattern) => pattern.id)).size === settings.patterns.length, {
    path: ['patterns'],
    error: 'duplicatePatternId',
  })
export type ShiftSettings = z.infer<typeof shiftSettingsSchema>

export const defaultShiftSettings: ShiftSettings = {
  patterns: [
    { id: 'morning', label: { 'zh-CN': '早班', en: 'Morning' }, start: '08:30', end: '17:30', part: 'morning' },
    { id: 'evening', label: { 'zh-CN': '晚班', en: 'Evening' }, start: '13:30', end: '22:00', part: 'evening' },
  ],
  dutyRule: { earlyStartMinutes: 30, eveningStayMinutes: 90, nextMorningLateMinutes: 30 },
}

/** One shift on one day: who works it and who leads it (the lead countersigns its handover page). */
export const rosterShiftSchema = z.strictObject({
  patternId: shiftPatternIdSchema,
  agents: z.array(employeeNoSchema).min(1, { error: 'agentRequired' }).max(30, { error: 'tooMany' }),
  lead: employeeNoSchema,
})
export type RosterShift = z.infer<typeof rosterShiftSchema>

/** A day's roster: its shifts and its one duty person (000 r3: 每天有一名值班人员), if any. */
export const rosterDaySchema = z
  .strictObject({
    date: chinaDateSchema,
    shifts: z.array(rosterShiftSchema).max(10, { error: 'tooMany' }),
    duty: employeeNoSchema.nullable(),
  })
  .refine((day) => new Set(day.shifts.map((shift) => shift.patternId)).size === day.shifts.length, {
    path: ['shifts'],
    error: 'duplicatePatternId',
  })
  .refine((day) => day.duty === null || day.shifts.some((shift) => shift.agents.includes(day.duty as string)), {
    path: ['duty'],
    error: 'dutyNotOnShift',
  })
export type RosterDay = z.infer<typeof rosterDaySchema>

const MINUTE_MS = 60_000

function wallClockMs(date: ChinaDate, time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number]
  return chinaDayStartMs(date) + (hours * 60 + minutes) * MINUTE_MS
}

export type ShiftTimes = { startsAt: string; endsAt: string }

/**
 * When one person's shift starts and ends, with the duty rule applied: the duty person comes early
 * to a morning shift and stays late on an evening shift; whoever had the evening duty the day before
 * starts late the next morning.
 */
export function shiftTimes(
  date: ChinaDate,
  pattern: ShiftPattern,
  rule: DutyRule,
  person: { onDutyToday: boolean; hadEveningDutyYesterday: boolean },
): ShiftTimes {
  let start = wallClockMs(date, pattern.start)
  let end = wallClockMs(pattern.end <= pattern.start ? addCalendarDays(date, 1) : date, pattern.end)
  if (person.onDutyToday && pattern.part === 'morning') start -= rule.earlyStartMinutes * MINUTE_MS
  if (person.onDutyToday && pattern.part === 'evening') end += rule.eveningStayMinutes * MINUTE_MS
  if (person.hadEveningDutyYesterday && pattern.part === 'morning') start += rule.nextMorningLateMinutes * MINUTE_MS
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(end).toISOString() }
}
