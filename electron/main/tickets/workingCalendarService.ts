import { defaultWorkingDayCalendarSettings } from '../../../shared/domain/tickets/workingDays'
import type { Journal } from '../journal/api'
import { LatestSettings } from './latestSettings'

// The company's own working days and holidays on top of the official calendar, and the years the
// supervisor has entered in full. Main only keeps them; the renderer counts working days with them.
export class WorkingCalendarService extends LatestSettings<'workingCalendar.changed'> {
  constructor(record: Journal['append']) {
    super('workingCalendar.changed', defaultWorkingDayCalendarSettings, record)
  }
}
