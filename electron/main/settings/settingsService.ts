import { defaultSettings, type Settings } from '../../../shared/domain/settings'
import type { Journal } from '../journal/api'
import type { KnownEntry } from '../../../shared/journal/knownEntry'

// Supervisor-editable numbers. The journal is the only store: the current value is the last
// `settings.changed`, or the defaults before the first one.
export class SettingsService {
  private current: Settings = defaultSettings

  constructor(private readonly record: Journal['append']) {}

  apply(entry: KnownEntry): void {
    if (entry.kind === 'settings.changed') this.current = entry.payload.settings
  }

  get(): Settings {
    return this.current
  }

  /** Writes a `settings.changed` only when something changed. */
  async update(actor: string, settings: Settings): Promise<Settings> {
    if (sameSettings(settings, this.current)) return this.current
    await this.record('settings.changed', actor, { settings })
    return this.current
  }
}

function sameSettings(a: Settings, b: Settings): boolean {
  return (Object.keys(defaultSettings) as (keyof Settings)[]).every((key) => a[key] === b[key])
}
