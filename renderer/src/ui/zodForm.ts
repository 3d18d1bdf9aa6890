import type { FormErrors } from '@mantine/form'
import type { TFunction } from 'i18next'
import type { z } from 'zod'
import type { ValidationIssue } from '../../../shared/ipc/errors'

// The same zod schemas main validates with check the form first; their issues become translated
// field messages. Field rules that name their own error (`{ error: 'pinDigits' }`) map to
// `validation.pinDigits`; the rest map by issue kind.
const namedRules = new Set(['employeeNo', 'pinDigits', 'branchCode', 'seatNumber'])

type Issue = z.core.$ZodIssue

export function translateIssue(t: TFunction, issue: Issue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? t('validation.required')
          : t('validation.tooShort', { min: Number(issue.minimum) })
      }
      return t('validation.tooSmall', { min: Number(issue.minimum) })
    case 'too_big':
      return issue.origin === 'string'
        ? t('validation.tooLong', { max: Number(issue.maximum) })
        : t('validation.tooBig', { max: Number(issue.maximum) })
    case 'invalid_type':
      return issue.expected === 'number' ? t('validation.notANumber') : t('validation.required')
    case 'invalid_value':
      return t('validation.mustConfirm')
    default:
      return namedRules.has(issue.message) ? t(`validation.${issue.message}`) : t('validation.invalid')
  }
}

/** A `validate` function for `useForm`: runs `schema` on `toRequest(values)` and adds `extra` checks. */
export function zodValidator<Values, Request>(
  schema: z.ZodType<Request>,
  t: TFunction,
  toRequest: (values: Values) => unknown = (values) => values,
  extra?: (values: Values) => FormErrors,
): (values: Values) => FormErrors {
  return (values) => {
    const errors: FormErrors = {}
    const parsed = schema.safeParse(toRequest(values))
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.join('.')
        errors[path] ??= translateIssue(t, issue)
      }
    }
    return { ...errors, ...extra?.(values) }
  }
}

/** Main's own validation issues (a rule the form could not check), shown on the same fields. */
export function issuesToFormErrors(t: TFunction, issues: ValidationIssue[]): FormErrors {
  const errors: FormErrors = {}
  for (const issue of issues) {
    errors[issue.path] ??= namedRules.has(issue.message) ? t(`validation.${issue.message}`) : t('validation.invalid')
  }
  return errors
}

/** The repeat-the-PIN check every form that sets a PIN shares. */
export function pinConfirmed(t: TFunction, pin: string, pinConfirm: string): FormErrors {
  return pin === pinConfirm ? {} : { pinConfirm: t('validation.pinMismatch') }
}
