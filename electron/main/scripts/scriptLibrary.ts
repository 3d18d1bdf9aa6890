import type { PublishedScript, ScriptCategory, ScriptInput, ScriptRef } from '../../../shared/domain/scripts'
import type { KnownEntry } from '../../../shared/journal/knownEntry'

// The script library as the journal tells it: every `script.published` is a version, the latest one
// is current, and `script.retired` takes a script off the list (its versions stay in the journal, and
// calls that showed them still name them).
export interface LibraryScript {
  current: PublishedScript
  publishedAt: string
  publishedBy: string
  retired: boolean
}

export class ScriptLibrary {
  /** In order of first publication, so the seed order (greeting first) is the list order. */
  private readonly scripts = new Map<string, LibraryScript>()
  private readonly versions = new Set<string>()

  apply(entry: KnownEntry): void {
    if (entry.kind === 'script.published') {
      const { script } = entry.payload
      this.scripts.set(script.scriptId, { current: script, publishedAt: entry.ts, publishedBy: entry.actor, retired: false })
      this.versions.add(refKey(script))
    } else if (entry.kind === 'script.retired') {
      const script = this.scripts.get(entry.payload.scriptId)
      if (script && script.current.version === entry.payload.version) this.scripts.set(script.current.scriptId, { ...script, retired: true })
    }
  }

  /** Current scripts, retired ones left out. */
  active(): LibraryScript[] {
    return [...this.scripts.values()].filter((script) => !script.retired)
  }

  /** The current (latest) version, retired or not. */
  get(scriptId: string): LibraryScript | undefined {
    return this.scripts.get(scriptId)
  }

  /** 0 when the script was never published. */
  latestVersion(scriptId: string): number {
    return this.scripts.get(scriptId)?.current.version ?? 0
  }

  /** Any version ever published, current or not: a call may have shown it before a newer one came. */
  hasVersion(ref: ScriptRef): boolean {
    return this.versions.has(refKey(ref))
  }

  activeIn(category: ScriptCategory): LibraryScript[] {
    return this.active().filter((script) => script.current.category === category)
  }

  /** True when publishing `input` would change nothing the agent sees. */
  isCurrent(input: ScriptInput): boolean {
    const script = this.scripts.get(input.scriptId)
    if (!script || script.retired) return false
    const { current } = script
    return (
      current.category === input.category &&
      current.phraseKind === input.phraseKind &&
      current.title['zh-CN'] === input.title['zh-CN'] &&
      current.title.en === input.title.en &&
      current.body['zh-CN'] === input.body['zh-CN'] &&
      current.body.en === input.body.en
    )
  }
}

function refKey(ref: ScriptRef): string {
  return `${ref.scriptId}@${ref.version}`
}
