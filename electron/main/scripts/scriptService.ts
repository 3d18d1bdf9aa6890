import { seedScripts } from '../../../shared/domain/seedScripts'
import { scriptExportSchema, scriptProblems, type PublishedScript, type ScriptCategory, type ScriptInput } from '../../../shared/domain/scripts'
import { AppError } from '../../../shared/ipc/errors'
import { SEAT_ACTOR } from '../../../shared/journal/entry'
import type { Journal } from '../journal/api'
import { checkScript, describeProblem } from './scriptProblems'
import type { LibraryScript, ScriptLibrary } from './scriptLibrary'

export const SCRIPTS_EXPORT_FORMAT = 'seatdesk-scripts/v1'

/** Error params stay small: the renderer lists them, and a hostile file must not make a huge answer. */
const MAX_DETAILS_CHARS = 4_000
const MAX_PROBLEMS_PER_SCRIPT = 10
const MAX_PROBLEMS_LISTED = 20

/** One bad entry of an import file, as listed in `scriptsImportInvalid`'s `details`. */
export interface ImportEntryError {
  index: number
  scriptId: string | null
  problems: string[]
}

export type ListedScript = PublishedScript & { publishedAt: string; publishedBy: string }

// Supervisors edit the library (issue 3: create, edit, retire; every publish a versioned journal
// entry). The greeting and closing are spoken on every call (000: "您好, xxx物流" … "再见"), so the last
// one of either can never go.
export class ScriptService {
  constructor(
    private readonly record: Journal['append'],
    private readonly library: ScriptLibrary,
  ) {}

  list(): ListedScript[] {
    return this.library.active().map(listed)
  }

  /** Publishes version+1 (a new id: version 1); an unchanged save answers the current version. */
  async save(actor: string, input: ScriptInput): Promise<PublishedScript> {
    const problems = scriptProblems(input)
    const [first] = problems
    if (first) {
      // params: count, first (as text), details (JSON of the first problems: field, problem, name/at).
      throw new AppError('scriptInvalid', {
        count: problems.length,
        first: describeProblem(first),
        details: JSON.stringify(problems.slice(0, MAX_PROBLEMS_LISTED)),
      })
    }
    this.refuseLosingCallScripts(new Map([[input.scriptId, input.category]]))
    return this.publish(actor, input)
  }

  async retire(actor: string, scriptId: string): Promise<null> {
    const script = this.library.get(scriptId)
    if (!script || script.retired) throw new AppError('unknownScript', { scriptId })
    this.refuseLosingCallScripts(new Map([[scriptId, null]]))
    await this.record('script.retired', actor, { scriptId, version: script.current.version })
    return null
  }

  exportJson(): string {
    const scripts: ScriptInput[] = this.library.active().map(({ current }) => inputOf(current))
    return JSON.stringify({ format: SCRIPTS_EXPORT_FORMAT, scripts }, null, 2)
  }

  /** All or nothing: one bad entry publishes none, and the error names every bad entry it can. */
  async importJson(actor: string, json: string): Promise<{ published: number }> {
    const scripts = this.checkImport(json)
    this.refuseLosingCallScripts(new Map(scripts.map((script) => [script.scriptId, script.category])))
    let published = 0
    for (const script of scripts) {
      if (this.library.isCurrent(script)) continue
      await this.publish(actor, script)
      published++
    }
    return { published }
  }

  /**
   * Publishes, as the seat, every seed script this seat never had: right after setup, and on start
   * after a crash cut the seeding short (a seat must never open a call without a greeting).
   */
  async publishMissingSeeds(): Promise<void> {
    for (const seed of seedScripts) {
      if (this.library.latestVersion(seed.scriptId) === 0) {
        await this.record('script.published', SEAT_ACTOR, { script: { ...seed, version: 1 } })
      }
    }
  }

  private async publish(actor: string, input: ScriptInput): Promise<PublishedScript> {
    const existing = this.library.get(input.scriptId)
    if (existing && this.library.isCurrent(input)) return existing.current
    const script: PublishedScript = { ...inputOf(input), version: this.library.latestVersion(input.scriptId) + 1 }
    await this.record('script.published', actor, { script })
    return script
  }

  private checkImport(json: string): ScriptInput[] {
    let file: unknown
    try {
      file = JSON.parse(json)
    } catch {
      throw fileProblem('notJson')
    }
    const parsed = scriptExportSchema.safeParse(file)
    if (!parsed.success) throw fileProblem(parsed.error.issues.some((issue) => issue.code === 'too_big') ? 'tooManyScripts' : 'unknownFormat')
    const valid: ScriptInput[] = []
    const errors: ImportEntryError[] = []
    const seen = new Set<string>()
    parsed.data.scripts.forEach((candidate, index) => {
      const checked = checkScript(candidate)
      if (!checked.ok) {
        errors.push({ index, scriptId: checked.scriptId, problems: checked.problems.slice(0, MAX_PROBLEMS_PER_SCRIPT) })
      } else if (seen.has(checked.script.scriptId)) {
        errors.push({ index, scriptId: checked.script.scriptId, problems: ['scriptId duplicate'] })
      } else {
        seen.add(checked.script.scriptId)
        valid.push(checked.script)
      }
    })
    if (errors.length) throw importProblems(errors)
    return valid
  }

  /** `changes`: script id → its category after the change (null: retired). */
  private refuseLosingCallScripts(changes: ReadonlyMap<string, ScriptCategory | null>): void {
    for (const category of ['greeting', 'closing'] as const) {
      const before = this.library.activeIn(category)
      if (before.length === 0) continue
      const kept = before.filter((script) => !changes.has(script.current.scriptId) || changes.get(script.current.scriptId) === category)
      const added = [...changes].some(([scriptId, after]) => after === category && !before.some((script) => script.current.scriptId === scriptId))
      if (kept.length === 0 && !added) throw new AppError('lastCallScript', { category })
    }
  }
}

function listed({ current, publishedAt, publishedBy }: LibraryScript): ListedScript {
  return { ...current, publishedAt, publishedBy }
}

function inputOf(script: ScriptInput): ScriptInput {
  const { scriptId, category, phraseKind, title, body } = script
  return { scriptId, category, phraseKind, title: { ...title }, body: { ...body } }
}

function fileProblem(problem: 'notJson' | 'unknownFormat' | 'tooManyScripts'): AppError {
  return new AppError('scriptsImportInvalid', { count: 0, file: problem, first: `file ${problem}`, details: '[]' })
}

/**
 * params: count (bad entries), first ("index 3 (scenario.x): body.zh-CN unknownVariable foo"), details
 * (JSON array of ImportEntryError, as many entries as fit in a few KB) and listed (how many it holds).
 */
function importProblems(errors: ImportEntryError[]): AppError {
  const [first] = errors as [ImportEntryError, ...ImportEntryError[]]
  const listedErrors: ImportEntryError[] = []
  let details = '[]'
  for (const error of errors) {
    const next = JSON.stringify([...listedErrors, error])
    if (next.length > MAX_DETAILS_CHARS) break
    listedErrors.push(error)
    details = next
  }
  return new AppError('scriptsImportInvalid', {
    count: errors.length,
    first: `index ${first.index} (${first.scriptId ?? '?'}): ${first.problems.join('; ')}`,
    details,
    listed: listedErrors.length,
  })
}
