import type { TFunction } from 'i18next'
import type { z } from 'zod'
import type { ValidationIssue } from '../../../../../shared/ipc/errors'
import { translateIssue, type IssueTranslator } from '../../../ui/zodForm'

// The shift schemas (shared/domain/handover/shifts.ts) name their own rules; each has its sentence
// under `shifts.errors`. Anything else is said the way every other form says it.
const shiftRules = new Set(['timeOfDay', 'patternId', 'choose', 'amountTooLarge', 'patternRequired', 'tooMany', 'duplicatePatternId', 'agentRequired', 'dutyNotOnShift', 'tooLong', 'required'])

export function shiftIssueTranslator(t: TFunction): IssueTranslator {
  return (issue: z.core.$ZodIssue, field) => {
    if (field && (field.value === '' || field.value === null || field.value === undefined)) return t('validation.required')
    return shiftRules.has(issue.message) ? t(`shifts.errors.${issue.message}`) : translateIssue(t, issue, field)
  }
}

/** Main's answer to a rule the form did not check, in the same words. */
export function shiftServerIssue(t: TFunction) {
  return (issue: ValidationIssue) => (shiftRules.has(issue.message) ? t(`shifts.errors.${issue.message}`) : t('validation.invalid'))
}
