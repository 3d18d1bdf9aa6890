import type { FormErrors } from '@mantine/form'
import type { TFunction } from 'i18next'
import type { z } from 'zod'
import type { ValidationIssue } from '../../../../shared/ipc/errors'
import { translateIssue } from '../../ui/zodForm'

// The clock and calendar schemas (shared/domain/tickets/deadlines.ts, workingDays.ts) name their rules
// (`{ error: 'amountPositive' }`); each name is a message under `deadlines.errors`. Any other issue (a
// bound the schema left unnamed) falls back to the app's generic validation messages.
const namedRules = new Set([
  'required',
  'tooLong',
  'tooMany',
  'choose',
  'clockId',
  'duplicateClockId',
  'amountPositive',
  'amountNegative',
  'amountTooLarge',
  'amountWhole',
  'date',
  'overrideKind',
  'duplicateOverrideDate',
])

type Issue = z.core.$ZodIssue

/** A field left empty, or a number input cleared (Mantine gives ''). */
const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '')

function valueAt(tree: unknown, path: readonly PropertyKey[]): unknown {
  let node = tree
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<PropertyKey, unknown>)[key]
  }
  return node
}

/**
 * One rule's message. `max` fills "at most N"; main's issues do not carry it, so those messages use the
 * variant without a number.
 */
export function deadlineRuleMessage(t: TFunction, code: string, max?: number): string {
  if (!namedRules.has(code)) return t('validation.invalid')
  return t(`deadlines.errors.${code}`, max === undefined ? { context: 'noLimit' } : { max })
}

function issueMessage(t: TFunction, issue: Issue, value: unknown): string {
  // An empty field is "required" whatever rule it broke first (an empty date is not "not a date").
  if (isBlank(value)) return t('deadlines.errors.required')
  if (!namedRules.has(issue.message)) return translateIssue(t, issue, { value })
  return deadlineRuleMessage(t, issue.message, issue.code === 'too_big' ? Number(issue.maximum) : undefined)
}

/** A `validate` function for `useForm`: the schema main saves with, its issues translated per field. */
export function deadlineFormValidator<Values>(schema: z.ZodType, t: TFunction, extra?: (values: Values) => FormErrors): (values: Values) => FormErrors {
  return (values) => {
    const errors: FormErrors = {}
    const parsed = schema.safeParse(values)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= issueMessage(t, issue, valueAt(values, issue.path))
    }
    return { ...errors, ...extra?.(values) }
  }
}

/**
 * Main's own issues (a rule the form did not catch), on the same field paths as the form's: main
 * validated the request `{ settings }`, so its paths start with `settings.`.
 */
export function deadlineServerErrors(t: TFunction, issues: readonly ValidationIssue[]): FormErrors {
  const errors: FormErrors = {}
  for (const issue of issues) errors[issue.path.replace(/^settings(\.|$)/, '')] ??= deadlineRuleMessage(t, issue.message)
  return errors
}
