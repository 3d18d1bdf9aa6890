import type { FormErrors } from '@mantine/form'
import type { TFunction } from 'i18next'
import type { z } from 'zod'
import type { TicketKind } from '../../../../../shared/domain/tickets/kinds'
import type { ValidationIssue } from '../../../../../shared/ipc/errors'
import { fieldsOf, formOrder, maxLengthAt } from './ticketFieldSpecs'

// The ticket schemas name every rule with a code (shared/domain/tickets: `required`, `waybillNo`,
// `chargedNotAboveCorrect`…); the form says each one beside its field as `ticketForm.errors.<code>`.
// Main answers the same codes (the contract parses with the same schema), with paths under `details.`.

export const ticketErrorCodes = [
  // fields.ts
  'required',
  'tooLong',
  'choose',
  'waybillNo',
  'amountWholeFen',
  'amountNegative',
  'amountTooLarge',
  'instant',
  'phone',
  'phoneNeedsAreaCode',
  'date',
  // kinds.ts and kinds/*.ts
  'ticketKind',
  'unknownField',
  'branchContactNotGiven',
  'lossRequired',
  'tooMany',
  'duplicateDocument',
  'routeEndRequired',
  'cctvRequiredForValuables',
  'unchangedValue',
  'changedField',
  'changeRequired',
  'duplicateChangedField',
  'sameConsignee',
  'sameWaybill',
  'quantityWhole',
  'quantityPositive',
  'quantityTooLarge',
  'insuranceNotOffered',
  'declaredValueRequired',
  'chargedNotAboveCorrect',
  // resolutionGaps: what a ticket still lacks to be resolved
  'requiredToResolve',
  'branchNotNotified',
  'apologyRequired',
  'financeNotInformed',
  'policeReceiptRequired',
  // the form's own: 元 text that is no amount
  'amount',
  'invalid',
] as const
export type TicketErrorCode = (typeof ticketErrorCodes)[number]

const known = new Set<string>(ticketErrorCodes)
export const isTicketErrorCode = (code: string): code is TicketErrorCode => known.has(code)

/** Rules about a value's form: an empty field breaking one of them is simply "required". */
const formatCodes = new Set(['waybillNo', 'phone', 'phoneNeedsAreaCode', 'instant', 'date', 'amount'])

export function ticketErrorText(t: TFunction, code: string, max?: number | null): string {
  if (!isTicketErrorCode(code)) return t('ticketForm.errors.invalid')
  if (code === 'tooLong' && typeof max === 'number') return t('ticketForm.errors.tooLong', { max, context: 'max' })
  return t(`ticketForm.errors.${code}`)
}

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '')

/** The form field a path lands on: main's paths start with `details.`; an issue about the whole ticket has none. */
export const ROOT_ERROR = 'ticket'
export function formPath(path: string): string {
  const local = path.replace(/^details(\.|$)/, '')
  return local === '' ? ROOT_ERROR : local
}

/** zodValidator's `translate` for ticket details: codes from the schema, `required` for an empty field. */
export function ticketIssueTranslator(t: TFunction, kind: TicketKind | null) {
  return (issue: z.core.$ZodIssue, field?: { value: unknown }): string => {
    const code = issue.code === 'unrecognized_keys' ? 'unknownField' : issue.message
    if (field && isEmpty(field.value) && formatCodes.has(code)) return t('ticketForm.errors.required')
    const max = issue.code === 'too_big' ? Number(issue.maximum) : kind ? maxLengthAt(kind, issue.path.join('.')) : null
    return ticketErrorText(t, code, max)
  }
}

/** Main's issues for a ticket, translated onto the form's fields (see issuesToFormErrors). */
export function ticketServerIssueText(t: TFunction, kind: TicketKind | null) {
  return (issue: ValidationIssue): string => {
    // The contract check sends the zod code beside our message; a service sends our code as either.
    const code = isTicketErrorCode(issue.message) ? issue.message : issue.code
    return ticketErrorText(t, code, kind ? maxLengthAt(kind, formPath(issue.path)) : null)
  }
}

/** "运单号", "收货人电话", "变更 2 · 新值": how the error summary names a field. */
export function fieldLabel(t: TFunction, kind: TicketKind | null, path: string): string {
  if (path === ROOT_ERROR) return t('ticketForm.root')
  const [name = '', ...rest] = path.split('.')
  if (name === 'kind') return t('ticketForm.kind')
  const spec = kind ? fieldsOf(kind).find((field) => field.name === name) : undefined
  const label = t(`ticketForm.fields.${name}`, { defaultValue: name })
  if (!spec || rest.length === 0) return label
  if (spec.type === 'contact') return t(`ticketForm.contact.${rest[0]}`, { who: label })
  if (spec.type === 'changes') {
    const [index, part, sub] = rest
    const item = t('ticketForm.changes.item', { n: Number(index) + 1 })
    if (!part) return item
    const partLabel = t(`ticketForm.changes.${part === 'field' ? 'field' : part === 'oldValue' ? 'oldValue' : 'newValue'}`)
    return sub ? `${item} · ${t(`ticketForm.contact.${sub}`, { who: partLabel })}` : `${item} · ${partLabel}`
  }
  return label
}

/** Form errors in the order the fields appear, for the summary and for focusing the first. */
export function orderedErrors(kind: TicketKind | null, errors: FormErrors): [string, string][] {
  const order = ['kind', ...(kind ? formOrder(kind).map((field) => field.name) : [])]
  const rank = (path: string) => {
    const index = order.indexOf(path.split('.')[0] ?? '')
    return index === -1 ? order.length : index
  }
  return Object.entries(errors)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true }))
}
