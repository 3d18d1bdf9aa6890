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
