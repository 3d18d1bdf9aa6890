import { scriptInputSchema, scriptProblems, type ScriptInput, type ScriptProblem } from '../../../shared/domain/scripts'
import type { z } from 'zod'

// Script problems as short, stable strings ("body.zh-CN unknownVariable foo") for error params: the
// renderer shows them per entry and translates the problem word, so they name the field and the rule.

export function describeProblem(problem: ScriptProblem): string {
  const base = `${problem.field} ${problem.problem}`
  if ('name' in problem) return `${base} ${problem.name}`
  if ('at' in problem) return `${base} at ${problem.at}`
  return base
}

export function describeIssue(issue: z.core.$ZodIssue): string {
  return `${issue.path.map(String).join('.') || 'script'} ${issue.code}`
}

export type CheckedScript = { ok: true; script: ScriptInput } | { ok: false; scriptId: string | null; problems: string[] }

/** Shape first (the contract's schema), then what only the library knows (placeholders, phrase kinds). */
export function checkScript(candidate: unknown): CheckedScript {
  const parsed = scriptInputSchema.safeParse(candidate)
  if (!parsed.success) return { ok: false, scriptId: scriptIdOf(candidate), problems: parsed.error.issues.map(describeIssue) }
  const problems = scriptProblems(parsed.data)
  if (problems.length) return { ok: false, scriptId: parsed.data.scriptId, problems: problems.map(describeProblem) }
  return { ok: true, script: parsed.data }
}

function scriptIdOf(candidate: unknown): string | null {
  if (candidate === null || typeof candidate !== 'object') return null
  const id = (candidate as { scriptId?: unknown }).scriptId
  return typeof id === 'string' ? id.slice(0, 64) : null
}
