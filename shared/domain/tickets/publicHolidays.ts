import chineseDays from 'chinese-days'
import { addCalendarDays, yearOf, type ChinaDate } from './chinaTime'

// The official arrangement (国务院办公厅 notice each year): dates off (放假) and weekend dates worked
// instead (调休上班). A source answers per date and says which years it knows.
export type PublicHolidaySource = {
  isYearCovered(year: number): boolean
  /** 'holiday' for a date off, 'workday' for an adjusted working day, null for an ordinary day. */
  lookup(date: ChinaDate): 'holiday' | 'workday' | null
}

/** A source from plain tables: for tests, and for a year's notice typed in before the library has it. */
export function publicHolidaysFromTable(table: { holidays: ChinaDate[]; workdays: ChinaDate[] }): PublicHolidaySource {
  const holidays = new Set(table.holidays)
  const workdays = new Set(table.workdays)
  const years = new Set(table.holidays.map(yearOf))
  return {
    isYearCovered: (year) => years.has(year),
    lookup: (date) => (workdays.has(date) ? 'workday' : holidays.has(date) ? 'holiday' : null),
  }
}

// chinese-days 1.5.7 is read only through its default export: Node's ESM loader sees the package as
// CommonJS and finds no named exports (`import { getDayDetail }` throws there), while bundlers take its
// ES build. Its JSON would be simpler, but a JSON import needs `with { type: 'json' }`, which the build
// drops for external packages, so main would fail to start.
//
// Its tables are built at load with local-time Date arithmetic: in a timezone west of UTC every entry
// lands one day early (2026-02-14, a 调休 working Saturday, is keyed 2026-02-13). Two defences make the
// answers independent of the machine's timezone, both at load and at query time:
// - a query passes a local-midnight Date, whose local fields are exactly the table key wanted;
// - the shift is measured once against a known fact (1 January 2025 off, 31 December 2024 worked).
const WEEKDAY_NAMES = new Set(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'])

function rawEntry(key: ChinaDate): 'holiday' | 'workday' | null {
  const [year, month, day] = key.split('-').map(Number) as [number, number, number]
  const detail = chineseDays.getDayDetail(new Date(year, month - 1, day))
  // An ordinary day is named after its weekday; a table entry carries the holiday's name.
  if (WEEKDAY_NAMES.has(detail.name)) return null
  return detail.work ? 'workday' : 'holiday'
}

/** How many days chinese-days' tables sit off the true date in this process: 0, or -1 west of UTC. */
export function measureChineseDaysKeyShift(): number {
  if (rawEntry('2025-01-01') === 'holiday' && rawEntry('2024-12-31') === null) return 0
  if (rawEntry('2024-12-31') === 'holiday' && rawEntry('2025-01-01') === null) return -1
  throw new Error('chinese-days: unexpected holiday tables (1 January 2025 not found); check the library version')
}

export function createChineseDaysSource(): PublicHolidaySource {
  const shift = measureChineseDaysKeyShift()
  const lookup = (date: ChinaDate) => rawEntry(addCalendarDays(date, shift))
  const coverage = new Map<number, boolean>()
  return {
    // 元旦 (1 January) is a day off in every year's notice: a year without it is one the library lacks.
    isYearCovered(year) {
      let covered = coverage.get(year)
      if (covered === undefined) {
        covered = year >= 1000 && year <= 9999 && lookup(`${year}-01-01`) === 'holiday'
        coverage.set(year, covered)
      }
      return covered
    },
    lookup,
  }
}

let defaultSource: PublicHolidaySource | undefined

/** chinese-days, measured on first use. */
export function chineseDaysSource(): PublicHolidaySource {
  defaultSource ??= createChineseDaysSource()
  return defaultSource
}

/**
 * The years a fingerprint looks at: those the working-day calendar accepts (its settings take years
 * 2000–2100), so every year a deadline can fall in.
 */
export const FINGERPRINT_YEARS = { from: 2000, to: 2100 } as const

/**
 * What a source answers, as one short string that changes whenever any answer changes: the years it
 * covers, and a hash of every dated entry in them. The renderer keeps it beside the deadlines it
 * computed from the source; an app update that ships a new year's notice (2027's) or a corrected one
 * gives another fingerprint, and the stored deadlines are computed again. Not a security hash: it only
 * has to tell two versions of the official tables apart.
 */
export function publicHolidayFingerprint(source: PublicHolidaySource, years: { from: number; to: number } = FINGERPRINT_YEARS): string {
  const covered: number[] = []
  const entries: string[] = []
  for (let year = years.from; year <= years.to; year++) {
    if (!source.isYearCovered(year)) continue
    covered.push(year)
    const prefix = `${year}-`
    for (let date = `${year}-01-01`; date.startsWith(prefix); date = addCalendarDays(date, 1)) {
      const entry = source.lookup(date)
      if (entry) entries.push(`${date}${entry === 'holiday' ? 'h' : 'w'}`)
    }
  }
  return `${yearRanges(covered)}:${hash53(entries.join(',')).toString(36)}`
}

/** 2004,2005,2006,2009 → "2004-2006,2009": readable in the view's meta, and short. */
function yearRanges(years: number[]): string {
  const ranges: string[] = []
  for (let index = 0; index < years.length; ) {
    const start = years[index] as number
    let end = start
    while (years[index + 1] === end + 1) end = years[++index] as number
    ranges.push(start === end ? `${start}` : `${start}-${end}`)
    index++
  }
  return ranges.join(',') || 'none'
}

/** cyrb53 (a public-domain 53-bit string hash): two 32-bit multiply-xor lanes mixed at the end. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507)
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507)
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}
