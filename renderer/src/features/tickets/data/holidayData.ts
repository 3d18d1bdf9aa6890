import { chineseDaysSource, publicHolidayFingerprint } from '../../../../../shared/domain/tickets/publicHolidays'
import { projectionTableNames, readMeta, type SeatDeskDb } from '../../../db/schema'
import { recomputeOpenDeadlines } from './ticketProjection'

// The deadlines on ticket rows were computed with the holiday tables of the build that projected them
// (chinese-days, shipped with the app). An update that brings a new year's notice — 2027's, say —
// changes the answers, but no journal entry says so: without this, a ticket that ran into 2027 would
// keep "calendar does not cover 2027" and the others their old due dates until something touched them.

let shipped: string | undefined

/** The fingerprint of the holiday tables this build ships; computed once (it reads every covered year). */
export function shippedHolidayFingerprint(): string {
  shipped ??= publicHolidayFingerprint(chineseDaysSource())
  return shipped
}

export type HolidayDataCheck =
  /** The view's deadlines were computed with these tables. */
  | { state: 'current' }
  /** The view was empty: everything it will hold is computed with these tables. */
  | { state: 'stamped' }
  /** The tables changed: open tickets' deadlines were computed again as of `now`. */
  | { state: 'recomputed'; changed: number }

/**
 * Makes the stored deadlines those of `fingerprint`'s tables: when the view was built with others (or
 * before the view recorded which), every open ticket's deadline is computed again as of `now` — like a
 * supervisor's calendar change — and the fingerprint is kept in meta, in one transaction.
 */
export async function refreshDeadlinesForHolidayData(
  database: SeatDeskDb,
  now: string,
  fingerprint: string = shippedHolidayFingerprint(),
): Promise<HolidayDataCheck> {
  return database.transaction('rw', projectionTableNames, async (): Promise<HolidayDataCheck> => {
    if ((await readMeta(database, 'holidayData')) === fingerprint) return { state: 'current' }
    const viewEmpty = ((await readMeta(database, 'lastSeq')) ?? 0) === 0
    const changed = viewEmpty ? 0 : await recomputeOpenDeadlines(database, now)
    await database.meta.put({ key: 'holidayData', value: fingerprint })
    return viewEmpty ? { state: 'stamped' } : { state: 'recomputed', changed }
  })
}

/** Kept by a view that is cleared to be replayed: the replay computes with this build's tables. */
export function holidayDataMeta(fingerprint: string = shippedHolidayFingerprint()) {
  return { key: 'holidayData', value: fingerprint } as const
}
