import { useLiveQuery } from 'dexie-react-hooks'
import { addCalendarDays, type ChinaDate } from '../../../../../shared/domain/tickets/chinaTime'
import { db, type RosterRow } from '../../../db/schema'

/**
 * The day's roster as the journal holds it, and the day before's (whose evening duty makes this
 * morning late); undefined while read. Follows the projection, so a save shows once it is recorded.
 */
export function useRosterDays(date: ChinaDate): { day: RosterRow | null; yesterday: RosterRow | null } | undefined {
  return useLiveQuery(async () => {
    const [day, yesterday] = await Promise.all([db.roster.get(date), db.roster.get(addCalendarDays(date, -1))])
    return { day: day ?? null, yesterday: yesterday ?? null }
  }, [date])
}
