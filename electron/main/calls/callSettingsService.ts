import { defaultCallSettings, type CallSettings } from '../../../shared/domain/callSettings'
import { canonicalJson } from '../../../shared/journal/canonical'
import type { KnownEntry } from '../../../shared/journal/knownEntry'
import type { Journal } from '../journal/api'

// The supervisor's call-handling numbers (target, warning point, over-target reasons, hotkeys, sound).
// The journal is the only store: the last `callSettings.changed`, or the defaults before the first.
export class CallSettingsService {
  private current: CallSettings = defaultCallSettings

  constructor(private readonly record: Journal['append']) {}

  apply(entry: KnownEntry): void {
    if (entry.kind === 'callSettings.changed') this.current = entry.payload.settings
  }

  get(): CallSettings {
    return this.current
  }

  /** Writes a `callSettings.changed` only when something changed. */
  async update(actor: string, settings: CallSettings): Promise<CallSettings> {
    if (canonicalJson(settings) === canonicalJson(this.current)) return this.current
    await this.record('callSettings.changed', actor, { settings })
    return this.current
  }

  isReason(id: string): boolean {
    return this.current.overTargetReasons.some((reason) => reason.id === id)
  }
}
