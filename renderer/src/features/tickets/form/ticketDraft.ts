import { CHINA_OFFSET_MS } from '../../../../../shared/domain/tickets/chinaTime'
import type { TicketDetails, TicketKind } from '../../../../../shared/domain/tickets/kinds'
import type { DataChangeItem } from '../../../../../shared/domain/tickets/kinds/dataChange'
import { formatFen, yuanToFen } from '../../../../../shared/domain/tickets/money'
import { formatCallerNumber } from '../../../../../shared/domain/phone'
import {
  callerFields,
  changedFields,
  changedFieldValue,
  choiceSets,
  fieldsOf,
  kindFields,
  type ChangedFieldName,
  type ChoiceSet,
  type FieldSpec,
} from './ticketFieldSpecs'

// The form holds what the agent typed (amounts in 元 as text, phones as typed, times as the wall clock
// in China); the schema's input is built from it at validation and at saving. Keys and nesting are
// the schema's own, so an issue's path (`consignee.phone`, `changes.1.newValue`) names the form field
// as it is: a money field keeps its `…Fen` name while it holds 元 text.

export type ContactDraft = { name: string; phone: string; address?: string }
export type ChangeValueDraft = string | boolean | ContactDraft
export type ChangeDraft = { key: string; field: ChangedFieldName; oldValue: ChangeValueDraft; newValue: ChangeValueDraft }
export type YesNoLaterDraft = 'unknown' | 'yes' | 'no'
export type DraftValue = string | number | boolean | null | string[] | ContactDraft | ChangeDraft[]

export type TicketDraft = { kind: TicketKind | null } & Record<string, DraftValue>

/** What a new ticket starts from: the call's caller, or a kind chosen before the form opened. */
export type TicketPrefill = {
  kind?: TicketKind | null
  /** As typed or as stored (E.164): shown formatted. */
  callerPhone?: string | null
  customerName?: string | null
  callerRole?: 'shipper' | 'consignee' | 'other' | null
  waybillNo?: string | null
}

let changeKeys = 0
const nextChangeKey = () => `change-${(changeKeys += 1)}`

/**
 * The same draft with new keys on its change rows: keys come from a counter that starts again with
 * the page, so rows kept from before a reload would share keys with rows added after it.
 */
export function withFreshChangeKeys(draft: TicketDraft): TicketDraft {
  const fresh: TicketDraft = { ...draft }
  for (const [name, value] of Object.entries(draft)) {
    if (Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && 'key' in item)) {
      fresh[name] = (value as ChangeDraft[]).map((change) => ({ ...change, key: nextChangeKey() }))
    }
  }
  return fresh
}

export function blankChangeValue(field: ChangedFieldName): ChangeValueDraft {
  switch (changedFieldValue[field]) {
    case 'onOff':
      return false
    case 'contact':
      return { name: '', phone: '' }
    default:
      return ''
  }
}

/** A new change row for `field`; phone hold starts as "off → on", the change an agent is usually asked for. */
export function blankChange(field: ChangedFieldName): ChangeDraft {
  const change: ChangeDraft = { key: nextChangeKey(), field, oldValue: blankChangeValue(field), newValue: blankChangeValue(field) }
  return changedFieldValue[field] === 'onOff' ? { ...change, newValue: true } : change
}

/** The first field the list does not name yet (a field may appear once), or null when all are used. */
export function nextUnusedChangedField(changes: ChangeDraft[]): ChangedFieldName | null {
  return changedFields.find((field) => !changes.some((change) => change.field === field)) ?? null
}

function blankValue(spec: FieldSpec): DraftValue {
  switch (spec.type) {
    case 'integer':
      return ''
    case 'yesNo':
      return false
    case 'yesNoLater':
      return 'unknown'
    case 'choice':
      // 数据变更: a change is recorded before the branch hears of it (000 r7), so "not yet" is the honest start.
      return spec.name === 'branchNotified' ? 'notYet' : null
    case 'multiChoice':
      return []
    case 'contact':
      return spec.withAddress ? { name: '', phone: '', address: '' } : { name: '', phone: '' }
    case 'changes':
      return [blankChange('codAmount')]
    default:
      return ''
  }
}

const phoneText = (phone: string | null | undefined) => (phone ? formatCallerNumber(phone) : '')

export function blankDraft(kind: TicketKind | null, prefill: TicketPrefill = {}): TicketDraft {
  const draft: TicketDraft = { kind }
  for (const spec of kind ? fieldsOf(kind) : callerFields) draft[spec.name] = blankValue(spec)
  draft.callerPhone = phoneText(prefill.callerPhone)
  draft.customerName = prefill.customerName ?? ''
  draft.callerRole = prefill.callerRole ?? null
  if (prefill.waybillNo && 'waybillNo' in draft) draft.waybillNo = prefill.waybillNo
  return draft
}

const specsOf = (kind: TicketKind | null): FieldSpec[] => (kind ? fieldsOf(kind) : callerFields)

/** What one field last held, and the type of field it was typed in. */
type StashedValue = { type: FieldSpec['type']; value: DraftValue }

/**
 * What the agent typed in each field, under whichever kind it was typed: a kind switch takes its
 * fields from here, so a detour through another kind loses nothing. Switching back restores what the
 * first kind held, also the fields the other kind lacks or could not hold (a goods check the damage
 * kind does not offer). The form keeps one for as long as it is open.
 */
export interface KindStash {
  /** By field name: the latest value the agent gave the field. */
  typed: Record<string, StashedValue>
  /** The draft as the current kind started: a field still equal to it was not touched under this kind. */
  entered: TicketDraft
}

/** The stash of a form as it opens: everything in it counts as given (the call's caller, a prefill). */
export function kindStash(draft: TicketDraft): KindStash {
  const typed: KindStash['typed'] = {}
  for (const spec of specsOf(draft.kind)) {
    const value = draft[spec.name]
    if (value !== undefined) typed[spec.name] = { type: spec.type, value }
  }
  return { typed, entered: draft }
}

// Draft values are plain data (strings, arrays, small objects): equal when they print the same.
const sameValue = (a: DraftValue | undefined, b: DraftValue | undefined) => JSON.stringify(a) === JSON.stringify(b)

const offered = (set: ChoiceSet, value: string) => (choiceSets[set] as readonly string[]).includes(value)

/** A stashed value as `spec` can hold it, or undefined when it cannot (another type, a choice not offered). */
function carriedValue(spec: FieldSpec, stashed: StashedValue | undefined): DraftValue | undefined {
  if (!stashed || stashed.type !== spec.type) return undefined
  const { value } = stashed
  switch (spec.type) {
    // A choice carries over only when the new kind offers the same value (damage: damaged/short only).
    case 'choice':
      return value === null || offered(spec.set, value as string) ? value : undefined
    case 'multiChoice':
      return (value as string[]).filter((item) => offered(spec.set, item))
    case 'contact': {
      const { name, phone, address } = value as ContactDraft
      return spec.withAddress ? { name, phone, address: address ?? '' } : { name, phone }
    }
    default:
      return value
  }
}

/**
 * The draft for another kind: the caller and every field typed under any kind so far that the new
 * kind has (waybill, note, incident time…) keep their latest value, the rest starts blank. The stash
 * keeps what the new kind drops, for a switch back.
 */
export function switchKind(draft: TicketDraft, kind: TicketKind, stash: KindStash = kindStash(draft)): { draft: TicketDraft; stash: KindStash } {
  const typed = { ...stash.typed }
  for (const spec of specsOf(draft.kind)) {
    const value = draft[spec.name]
    // Only what was changed under this kind: an untouched field may show less than the stash holds
    // (blank where the kind could not hold the goods check typed under another).
    if (value !== undefined && !sameValue(value, stash.entered[spec.name])) typed[spec.name] = { type: spec.type, value }
  }
  const next = blankDraft(kind)
  for (const spec of fieldsOf(kind)) {
    const carried = carriedValue(spec, typed[spec.name])
    if (carried !== undefined) next[spec.name] = carried
  }
  return { draft: next, stash: { typed, entered: next } }
}

/** "2026-03-01T15:20" (the wall clock in China) ↔ the instant the journal stores. */
export function chinaWallTime(instant: string): string {
  return new Date(Date.parse(instant) + CHINA_OFFSET_MS).toISOString().slice(0, 16)
}
export function instantFromChinaWallTime(wallTime: string): string {
  return `${wallTime}:00+08:00`
}

/**
 * A wall time typed in China as the instant it names, or null when it names none: half typed, or a
 * day the month lacks ("2026-02-30T10:00" would otherwise roll over into March).
 */
export function chinaWallTimeInstant(wallTime: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(wallTime)) return null
  const instant = instantFromChinaWallTime(wallTime)
  return !Number.isNaN(Date.parse(instant)) && chinaWallTime(instant) === wallTime ? instant : null
}

// ── draft → schema input ──────────────────────────────────────────────────────────────────────────

/** 元 text → fen; undefined for text that is no amount (reported apart as `amount`). */
function fenOf(typed: string): number | undefined {
  const parsed = yuanToFen(typed)
  return parsed.ok ? parsed.fen : undefined
}

function moneyInput(typed: string, nullable: boolean): number | null | undefined {
  if (typed.trim() === '') return nullable ? null : undefined
  return fenOf(typed)
}

const contactInput = (contact: ContactDraft) => ({ ...contact })

function changeValueInput(field: ChangedFieldName, value: ChangeValueDraft): unknown {
  switch (changedFieldValue[field]) {
    case 'money':
      return moneyInput(value as string, false)
    case 'contact':
      return contactInput(value as ContactDraft)
    default:
      return value
  }
}

function fieldInput(spec: FieldSpec, value: DraftValue): unknown {
  switch (spec.type) {
    case 'text':
      return spec.presence === 'nullable' && (value as string).trim() === '' ? null : value
    case 'waybill':
    case 'phone':
      return spec.nullable && (value as string).trim() === '' ? null : value
    case 'money':
      return moneyInput(value as string, spec.nullable)
    case 'integer':
      return value === '' ? undefined : value
    case 'yesNoLater':
      return value === 'unknown' ? null : value === 'yes'
    case 'choice':
      return value === '' ? null : value
    case 'contact':
      return contactInput(value as ContactDraft)
    case 'chinaTime':
      return value === '' ? null : instantFromChinaWallTime(value as string)
    case 'chinaDate':
      return value === '' ? null : value
    case 'changes':
      return (value as ChangeDraft[]).map(({ field, oldValue, newValue }) => ({
        field,
        oldValue: changeValueInput(field, oldValue),
        newValue: changeValueInput(field, newValue),
      }))
    default:
      return value
  }
}

/** The schema's input for the draft; the schema (ticketDetailsSchema) decides whether it is a ticket. */
export function detailsInput(draft: TicketDraft): Record<string, unknown> {
  const input: Record<string, unknown> = { kind: draft.kind }
  if (!draft.kind) return input
  for (const spec of fieldsOf(draft.kind)) input[spec.name] = fieldInput(spec, draft[spec.name] as DraftValue)
  return input
}

/**
 * Amounts that are not amounts ("12.345", "abc", more than 1 亿元): the schema only sees them as
 * missing, so the form says why here (`amount` / `amountTooLarge`), by path.
 */
export function amountProblems(draft: TicketDraft): Record<string, 'amount' | 'amountTooLarge'> {
  const problems: Record<string, 'amount' | 'amountTooLarge'> = {}
  const check = (path: string, typed: unknown) => {
    if (typeof typed !== 'string' || typed.trim() === '') return
    const parsed = yuanToFen(typed)
    if (!parsed.ok) problems[path] = parsed.error
  }
  if (!draft.kind) return problems
  for (const spec of kindFields[draft.kind]) {
    if (spec.type === 'money') check(spec.name, draft[spec.name])
    if (spec.type === 'changes') {
      ;(draft[spec.name] as ChangeDraft[]).forEach((change, index) => {
        if (changedFieldValue[change.field] !== 'money') return
        check(`changes.${index}.oldValue`, change.oldValue)
        check(`changes.${index}.newValue`, change.newValue)
      })
    }
  }
  return problems
}

// ── stored details → draft (editing) ──────────────────────────────────────────────────────────────

function changeValueDraft(field: ChangedFieldName, value: DataChangeItem['oldValue']): ChangeValueDraft {
  switch (changedFieldValue[field]) {
    case 'money':
      return formatFen(value as number)
    case 'contact': {
      const contact = value as { name: string; phone: string }
      return { name: contact.name, phone: phoneText(contact.phone) }
    }
    default:
      return value as string | boolean
  }
}

function fieldDraft(spec: FieldSpec, value: unknown): DraftValue {
  switch (spec.type) {
    case 'text':
    case 'waybill':
    case 'chinaDate':
      return (value as string | null) ?? ''
    case 'phone':
      return phoneText(value as string | null)
    case 'money':
      return value === null ? '' : formatFen(value as number)
    case 'yesNoLater':
      return value === null ? 'unknown' : value ? 'yes' : 'no'
    case 'contact': {
      const contact = value as ContactDraft
      return { ...contact, phone: phoneText(contact.phone) }
    }
    case 'chinaTime':
      return value === null ? '' : chinaWallTime(value as string)
    case 'changes':
      return (value as DataChangeItem[]).map((change) => ({
        key: nextChangeKey(),
        field: change.field,
        oldValue: changeValueDraft(change.field, change.oldValue),
        newValue: changeValueDraft(change.field, change.newValue),
      }))
    default:
      return value as DraftValue
  }
}

/** A saved ticket's details as the form shows them, to correct or complete. */
export function draftFromDetails(details: TicketDetails): TicketDraft {
  const draft: TicketDraft = { kind: details.kind }
  const values = details as unknown as Record<string, unknown>
  for (const spec of fieldsOf(details.kind)) draft[spec.name] = fieldDraft(spec, values[spec.name])
  return draft
}
