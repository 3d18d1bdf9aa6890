import type { FormErrors } from '@mantine/form'
import type { TFunction } from 'i18next'
import type { z } from 'zod'
import type { ValidationIssue } from '../../../shared/ipc/errors'

// The same zod schemas main validates with check the form first; their issues become translated
// field messages. Field rules that name their own error (`{ error: 'pinDigits' }`) map to
// `validation.pinDigits`; the rest map by issue kind.
const namedRules = new Set(['employeeNo', 'pinDigits', 'branchCode', 'seatNumber', 'hotkeyFormat', 'hotkeyNeedsModifier', 'hotkeyReserved', 'hotkeyDuplicate'])

type Issue = z.core.$ZodIssue

// PIN fields are counted in digits, not characters.
const isPinPath = (path: PropertyKey[]) => path.at(-1) === 'pin'

/** An untouched field: an empty or blank string, or a cleared number input (''). */
const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '')

/**
 * `field` holds what the field contained, when the caller knows it: an empty field is "required"
 * whatever rule it broke first, rather than "at least 4 characters".
 */
export function translateIssue(t: TFunction, issue: Issue, field?: { value: unknown }): string {
  if (field && isEmpty(field.value)) return t('validation.required')
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        if (Number(issue.minimum) <= 1) return t('validation.required')
        return isPinPath(issue.path) ? t('validation.pinLength') : t('validation.tooShort', { min: Number(issue.minimum) })
      }
      return t('validation.tooSmall', { min: Number(issue.minimum) })
    case 'too_big':
      if (issue.origin === 'string') {
        return isPinPath(issue.path) ? t('validation.pinLength') : t('validation.tooLong', { max: Number(issue.maximum) })
      }
      return t('validation.tooBig', { max: Number(issue.maximum) })
    case 'invalid_type':
      return issue.expected === 'number' ? t('validation.notANumber') : t('validation.required')
    case 'invalid_value':
      return t('validation.mustConfirm')
    default:
      return namedRules.has(issue.message) ? t(`validation.${issue.message}`) : t('validation.invalid')
  }
}

function valueAt(tree: unknown, path: PropertyKey[]): unknown {
  let node = tree
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<PropertyKey, unknown>)[key]
  }
  return node
}

/** Says one zod issue in the user's language; `field` holds what the field contained, when known. */
export type IssueTranslator = (issue: Issue, field?: { value: unknown }) => string

/**
 * A `validate` function for `useForm`: runs `schema` on `toRequest(values)` and adds `extra` checks.
 * A feature whose schemas name their own codes (tickets) passes its own `translate`.
 */
export function zodValidator<Values, Request>(
  schema: z.ZodType<Request>,
  t: TFunction,
  toRequest: (values: Values) => unknown = (values) => values,
  extra?: (values: Values) => FormErrors,
  translate: IssueTranslator = (issue, field) => translateIssue(t, issue, field),
): (values: Values) => FormErrors {
  return (values) => {
    const errors: FormErrors = {}
    const request = toRequest(values)
    const parsed = schema.safeParse(request)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.join('.')
        errors[path] ??= translate(issue, { value: valueAt(request, issue.path) })
      }
    }
    return { ...errors, ...extra?.(values) }
  }
}

export interface ServerIssueOptions {
  /** Says one of main's issues; by default the shared `validation.*` rules. */
  translate?: (issue: ValidationIssue) => string
  /** The form field an issue's path lands on, when the form nests differently from the request. */
  path?: (path: string) => string
}

/** Main's own validation issues (a rule the form could not check), shown on the same fields. */
export function issuesToFormErrors(t: TFunction, issues: ValidationIssue[], options: ServerIssueOptions = {}): FormErrors {
  const translate = options.translate ?? ((issue: ValidationIssue) => (namedRules.has(issue.message) ? t(`validation.${issue.message}`) : t('validation.invalid')))
  const errors: FormErrors = {}
  for (const issue of issues) {
    errors[options.path ? options.path(issue.path) : issue.path] ??= translate(issue)
  }
  return errors
}

/** The repeat-the-PIN check every form that sets a PIN shares: required, and equal to the PIN. */
export function pinConfirmed(t: TFunction, pin: string, pinConfirm: string): FormErrors {
  if (pinConfirm === '') return { pinConfirm: t('validation.required') }
  return pin === pinConfirm ? {} : { pinConfirm: t('validation.pinMismatch') }
}
