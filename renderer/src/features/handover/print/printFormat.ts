import { chinaDateOf, chinaDayStartMs } from '../../../../../shared/domain/tickets/chinaTime'
import { formatClock } from '../../../i18n/format'

// A printed book is read long after the shift, so its times carry the full date (China time, as on
// every screen), not the screen's short month/day.

export function printedTime(iso: string, language: string): string {
  return `${chinaDateOf(iso)} ${formatClock(iso, language)}`
}

/** A deadline counted in days ends at 24:00 of its last day (as formatDeadline says it on screen). */
export function printedDeadline(iso: string, language: string): string {
  const at = Date.parse(iso)
  if (at !== chinaDayStartMs(chinaDateOf(at))) return printedTime(iso, language)
  return `${chinaDateOf(at - 60_000)} 24:00`
}
