import type { TFunction } from 'i18next'
import type { FormErrors } from '@mantine/form'
import { scriptProblems, type ScriptInput, type ScriptProblem } from '../../../../shared/domain/scripts'

export function describeScriptProblem(t: TFunction, problem: ScriptProblem): string {
  if (problem.field === 'phraseKind') return t(`scripts.problems.${problem.problem}`)
  return problem.problem === 'unknownVariable'
    ? t('scripts.problems.unknownVariable', { variable: `{${problem.name}}` })
    : t(`scripts.problems.${problem.problem}`, { at: problem.at + 1 })
}

/** The checks a schema cannot make (placeholders, the phrase kind rule), as translated field errors. */
export function scriptProblemErrors(t: TFunction, script: ScriptInput): FormErrors {
  const errors: FormErrors = {}
  for (const problem of scriptProblems(script)) {
    const text = describeScriptProblem(t, problem)
    errors[problem.field] = errors[problem.field] ? `${String(errors[problem.field])}；${text}` : text
  }
  return errors
}
