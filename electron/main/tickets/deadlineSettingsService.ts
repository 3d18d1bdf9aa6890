import { defaultDeadlineSettings } from '../../../shared/domain/tickets/deadlines'
import type { Journal } from '../journal/api'
import { LatestSettings } from './latestSettings'

// Each ticket kind's clocks and the regulator's complaint rule, as the supervisor last set them
// (DOMAIN.md: every number is a default the company may change). Main checks a step against them;
// the renderer computes the deadlines from them.
export class DeadlineSettingsService extends LatestSettings<'deadlineSettings.changed'> {
  constructor(record: Journal['append']) {
    super('deadlineSettings.changed', defaultDeadlineSettings, record)
  }
}
