import { isChinaDate, type ChinaDate } from '../../../../../shared/domain/tickets/chinaTime'

// The print view lives at `#print?from=YYYY-MM-DD&to=YYYY-MM-DD`: main's printToPDF opens the
// renderer there, and the browser preview links to it. A hash (not a path) because the app is served
// from a file in Electron.

const PRINT_PREFIX = '#print?'

/** Whether the app should show only the print view (no shell). */
export function isPrintHash(hash: string): boolean {
  return hash.startsWith(PRINT_PREFIX)
}

export type PrintRange = { from: ChinaDate; to: ChinaDate }

/** The China dates to print, or null when the hash does not name a valid range (from ≤ to). */
export function printRangeOf(hash: string): PrintRange | null {
  if (!isPrintHash(hash)) return null
  const params = new URLSearchParams(hash.slice(PRINT_PREFIX.length))
  const from = params.get('from') ?? ''
  const to = params.get('to') ?? ''
  if (!isChinaDate(from) || !isChinaDate(to) || from > to) return null
  return { from, to }
}

/** The hash that opens the print view for a range (what main and the handover screen link to). */
export function printHash(range: PrintRange): string {
  return `${PRINT_PREFIX}${new URLSearchParams(range).toString()}`
}
