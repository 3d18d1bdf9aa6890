import { z } from 'zod'

// Every date in the ticket rules is a date on the wall in China (Asia/Shanghai: +08:00, no daylight
// saving since 1991). The machine's own timezone is never consulted: a seat set to UTC, or a laptop
// carried abroad, must count the same working days as one in Shenzhen.
export const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000
export const DAY_MS = 24 * 60 * 60 * 1000

/** A calendar date in China, `YYYY-MM-DD`. */
export type ChinaDate = string

/** An instant: an ISO 8601 string with an offset (as the journal stores it) or a Date. */
export type Instant = string | Date

const CHINA_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isChinaDate(value: string): boolean {
  const match = CHINA_DATE.exec(value)
  if (!match) return false
  const [, year, month, day] = match.map(Number) as [number, number, number, number]
  const utc = new Date(Date.UTC(year, month - 1, day))
  return utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day
}

export const chinaDateSchema = z.string().max(10).refine(isChinaDate, { error: 'date' })

/** Milliseconds since the epoch; throws on an unreadable instant (a programming error, not user input). */
export function instantMs(instant: Instant | number): number {
  const ms = typeof instant === 'string' ? Date.parse(instant) : typeof instant === 'number' ? instant : instant.getTime()
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(instant)}`)
  return ms
}

/** The date in China at an instant: 2026-02-13T16:30Z is already Saturday 2026-02-14 in Shenzhen. */
export function chinaDateOf(instant: Instant | number): ChinaDate {
  return new Date(instantMs(instant) + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

/** 00:00 +08:00 of a date, in epoch milliseconds. */
export function chinaDayStartMs(date: ChinaDate): number {
  return Date.parse(`${date}T00:00:00.000Z`) - CHINA_OFFSET_MS
}

/** 24:00 +08:00 of a date (= 00:00 of the next day): the instant a day-counted period ends. */
export function chinaDayEndMs(date: ChinaDate): number {
  return chinaDayStartMs(date) + DAY_MS
}

export function addCalendarDays(date: ChinaDate, days: number): ChinaDate {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: ChinaDate): number {
  return new Date(`${date}T00:00:00.000Z`).getUTCDay()
}

export function yearOf(date: ChinaDate): number {
  return Number(date.slice(0, 4))
}

/**
 * The same day `months` later; when that month is shorter, its last day (民法典 art. 202: "到期月的对应日为
 * 期间的最后一日；没有对应日的，为月末日").
 */
export function addCalendarMonths(date: ChinaDate, months: number): ChinaDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const targetMonthIndex = year * 12 + (month - 1) + months
  const targetYear = Math.floor(targetMonthIndex / 12)
  const targetMonth = targetMonthIndex - targetYear * 12
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate()
  return new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay))).toISOString().slice(0, 10)
}
