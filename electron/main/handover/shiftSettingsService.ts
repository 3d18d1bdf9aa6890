import { defaultShiftSettings, type ShiftPattern, type ShiftSettings } from '../../../shared/domain/handover/shifts'
import { canonicalJson } from '../../../shared/journal/canonical'
import type { KnownEntry } from '../../../shared/journal/knownEntry'
import type { Journal } from '../journal/api'

// The supervisor's shift patterns and duty rule, kept only in the journal: the last
// shiftSettings.changed entry, or the defaults before the first one (the shape of LatestSettings).
export class ShiftSettingsService {
  private current: ShiftSettings = defaultShiftSettings

  constructor(private readonly record: Journal['append']) {}

  apply(entry: KnownEntry): void {
    if (entry.kind === 'shiftSettings.changed') this.current = entry.payload.settings
  }

  get(): ShiftSettings {
    return this.current
  }

  hasPattern(patternId: string): boolean {
    return this.current.patterns.some((pattern) => pattern.id === patternId)
  }

  /** The pattern as the settings define it now, if they do. */
  pattern(patternId: string): ShiftPattern | undefined {
    return this.current.patterns.find((pattern) => pattern.id === patternId)
  }

  /** Writes the change only when something changed. */
  async update(actor: string, settings: ShiftSettings): Promise<ShiftSettings> {
    if (canonicalJson(settings) === canonicalJson(this.current)) return this.current
    await this.record('shiftSettings.changed', actor, { settings })
    return this.current
  }
}
