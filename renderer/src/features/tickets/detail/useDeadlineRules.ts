import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo } from 'react'
import { defaultDeadlineSettings, type DeadlineSettings } from '../../../../../shared/domain/tickets/deadlines'
import {
  createWorkingDayCalendar,
  defaultWorkingDayCalendarSettings,
  type WorkingDayCalendar,
} from '../../../../../shared/domain/tickets/workingDays'
import { db, readMeta } from '../../../db/schema'

/**
 * The clocks and the working-day calendar in force, as the projection last recorded them (a seat whose
 * supervisor never changed them runs the defaults). Undefined while the first read is on its way.
 */
export function useDeadlineRules(): { settings: DeadlineSettings; calendar: WorkingDayCalendar } | undefined {
  const stored = useLiveQuery(
    async () => ({
      settings: (await readMeta(db, 'deadlineSettings')) ?? defaultDeadlineSettings,
      calendar: (await readMeta(db, 'workingCalendar')) ?? defaultWorkingDayCalendarSettings,
    }),
    [],
  )
  return useMemo(
    () => (stored ? { settings: stored.settings, calendar: createWorkingDayCalendar(stored.calendar) } : undefined),
    [stored],
  )
}
