import type { RosterDay } from '../../../shared/domain/handover/shifts'
import { AppError } from '../../../shared/ipc/errors'
import type { KnownEntry } from '../../../shared/journal/knownEntry'
import type { SeatDirectory } from '../identity/directory'
import type { Journal } from '../journal/api'
import type { ShiftSettingsService } from './shiftSettingsService'

export interface RosterDeps {
  record: Journal['append']
  directory: SeatDirectory
  shiftSettings: Pick<ShiftSettingsService, 'hasPattern'>
}

// Who works which shift on a day and who leads it (000 r3): a later roster.changed for a date replaces
// the one before. The renderer shows it; main checks that it names real patterns and people.
export class RosterService {
  private readonly days = new Map<string, RosterDay>()

  constructor(private readonly deps: RosterDeps) {}

  apply(entry: KnownEntry): void {
    if (entry.kind === 'roster.changed') this.days.set(entry.payload.day.date, entry.payload.day)
  }

  day(date: string): RosterDay | undefined {
    return this.days.get(date)
  }

  /** Checked before writing: every pattern exists in the shift settings, every person on the seat. */
  async set(actor: string, day: RosterDay): Promise<RosterDay> {
    for (const shift of day.shifts) {
      if (!this.deps.shiftSettings.hasPattern(shift.patternId)) throw new AppError('unknownShiftPattern', { patternId: shift.patternId })
      for (const employeeNo of [...shift.agents, shift.lead]) {
        if (!this.deps.directory.user(employeeNo)) throw new AppError('unknownUser', { employeeNo })
      }
    }
    await this.deps.record('roster.changed', actor, { day })
    return day
  }
}
