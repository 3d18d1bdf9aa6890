import { canonicalJson } from '../../../shared/journal/canonical'
import type { EntryPayload } from '../../../shared/journal/kinds'
import type { KnownEntry } from '../../../shared/journal/knownEntry'
import type { Journal } from '../journal/api'

/** Entry kinds that carry a supervisor's whole settings object, each replacing the one before. */
export type SettingsChangedKind = 'deadlineSettings.changed' | 'workingCalendar.changed'
export type SettingsOf<K extends SettingsChangedKind> = EntryPayload<K>['settings']

// A supervisor's settings kept only in the journal: the last `*.changed` entry of their kind, or the
// defaults before the first one (the shape of CallSettingsService, shared by the ticket clocks and
// the working-day calendar).
export class LatestSettings<K extends SettingsChangedKind> {
  private current: SettingsOf<K>

  constructor(
    private readonly kind: K,
    defaults: SettingsOf<K>,
    private readonly record: Journal['append'],
  ) {
    this.current = defaults
  }

  apply(entry: KnownEntry): void {
    if (entry.kind === this.kind) this.current = (entry.payload as EntryPayload<K>).settings
  }

  get(): SettingsOf<K> {
    return this.current
  }

  /** Writes the change only when something changed. */
  async update(actor: string, settings: SettingsOf<K>): Promise<SettingsOf<K>> {
    if (canonicalJson(settings) === canonicalJson(this.current)) return this.current
    await this.record(this.kind, actor, { settings } as EntryPayload<K>)
    return this.current
  }
}
