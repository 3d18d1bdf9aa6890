import { claimDocuments } from '../../../../../shared/domain/tickets/kinds/claim'
import { responsibleLinks } from '../../../../../shared/domain/tickets/kinds/damageShortage'
import { misrouteRemedies } from '../../../../../shared/domain/tickets/kinds/misroutedGoods'
import { goodsCheckValues } from '../../../../../shared/domain/tickets/fields'
import type { TicketKind } from '../../../../../shared/domain/tickets/kinds'

// What the form shows for each request kind: one entry per field of the kind's schema (in
// shared/domain/tickets/kinds/), saying which control edits it and how the typed value becomes the
// schema's input. The schema stays the judge of what is valid; a test checks these lists name exactly
// the schema's fields, so a field added to a kind cannot be forgotten here.

/** The option lists a choice field offers; labels are `ticketForm.choices.<set>.<value>`. */
export const choiceSets = {
  partyRole: ['shipper', 'consignee', 'other'],
  consultationSubject: ['service', 'route', 'price', 'other'],
  branchNotified: ['notYet', 'notified'],
  damageGoodsCheck: ['damaged', 'short'],
  goodsCheck: goodsCheckValues,
  responsibleLink: responsibleLinks,
  misrouteRemedy: misrouteRemedies,
  complaintSource: ['customer', 'regulatorForwarded'],
  lossType: ['lost', 'damaged', 'short'],
  claimDocument: claimDocuments,
  insurer: ['aig', 'cpic', 'other'],
  visitWay: ['phone', 'onSite'],
  satisfaction: ['satisfied', 'neutral', 'dissatisfied'],
} as const satisfies Record<string, readonly string[]>
export type ChoiceSet = keyof typeof choiceSets

/**
 * `required`: must be filled; `optional`: may stay empty (saved as ''); `nullable`: may stay empty
 * (saved as null) — the "later" fields the investigation or a callback fills in.
 */
export type TextPresence = 'required' | 'optional' | 'nullable'

export type FieldSpec =
  | { type: 'text'; name: string; max: number; presence: TextPresence; multiline?: boolean; later?: boolean }
  | { type: 'waybill'; name: string; nullable: boolean }
  | { type: 'phone'; name: string; nullable: boolean }
  /** Typed in 元 with up to 2 decimals, saved in fen. */
  | { type: 'money'; name: string; nullable: boolean }
  | { type: 'integer'; name: string; min: number; max: number }
  | { type: 'yesNo'; name: string }
  /** Yes, no, or not known yet (null). */
  | { type: 'yesNoLater'; name: string; later?: boolean }
  | { type: 'choice'; name: string; set: ChoiceSet; nullable: boolean; control: 'segmented' | 'select'; later?: boolean }
  | { type: 'multiChoice'; name: string; set: ChoiceSet }
  | { type: 'contact'; name: string; withAddress: boolean }
  /** An instant typed as a wall-clock time in China; may stay empty. */
  | { type: 'chinaTime'; name: string }
  /** A date in China (YYYY-MM-DD); may stay empty. */
  | { type: 'chinaDate'; name: string }
  /** 数据变更: the repeatable list of what changed, old and new value. */
  | { type: 'changes'; name: 'changes' }

/** The caller, on every ticket: prefilled from the call when opened during one. */
export const callerFields: FieldSpec[] = [
  { type: 'phone', name: 'callerPhone', nullable: true },
  { type: 'text', name: 'customerName', max: 40, presence: 'nullable' },
  { type: 'choice', name: 'callerRole', set: 'partyRole', nullable: true, control: 'segmented' },
]

const waybill: FieldSpec = { type: 'waybill', name: 'waybillNo', nullable: false }
const note = (max: number): FieldSpec => ({ type: 'text', name: 'note', max, presence: 'optional', multiline: true })

export const kindFields: Record<TicketKind, FieldSpec[]> = {
  trackingInquiry: [
    waybill,
    { type: 'choice', name: 'goodsCheck', set: 'goodsCheck', nullable: true, control: 'segmented' },
    note(500),
  ],
  consultation: [
    { type: 'choice', name: 'subject', set: 'consultationSubject', nullable: false, control: 'segmented' },
    { type: 'text', name: 'question', max: 500, presence: 'required', multiline: true },
    { type: 'text', name: 'origin', max: 40, presence: 'optional' },
    { type: 'text', name: 'destination', max: 40, presence: 'optional' },
    { type: 'money', name: 'quotedFen', nullable: true },
    { type: 'text', name: 'answer', max: 1000, presence: 'nullable', multiline: true, later: true },
  ],
  orderPickup: [
    { type: 'contact', name: 'shipper', withAddress: false },
    { type: 'contact', name: 'consignee', withAddress: true },
    { type: 'text', name: 'goodsName', max: 60, presence: 'required' },
    { type: 'integer', name: 'quantity', min: 1, max: 100_000 },
    { type: 'text', name: 'packaging', max: 40, presence: 'optional' },
    { type: 'text', name: 'pickupAddress', max: 200, presence: 'required' },
    { type: 'chinaDate', name: 'pickupDate' },
    // 002 座席 r10: insurance is offered on every order and the answer recorded.
    { type: 'yesNo', name: 'insuranceOffered' },
    { type: 'yesNo', name: 'insuranceAccepted' },
    { type: 'money', name: 'declaredValueFen', nullable: true },
    note(500),
  ],
  dataChange: [
    waybill,
    { type: 'choice', name: 'requestedBy', set: 'partyRole', nullable: false, control: 'segmented' },
    { type: 'changes', name: 'changes' },
    { type: 'text', name: 'reason', max: 300, presence: 'optional', multiline: true },
    { type: 'choice', name: 'branchNotified', set: 'branchNotified', nullable: false, control: 'segmented' },
  ],
  overcharge: [
    waybill,
    { type: 'money', name: 'chargedFen', nullable: false },
    { type: 'money', name: 'correctFen', nullable: false },
    { type: 'text', name: 'explanation', max: 300, presence: 'optional', multiline: true },
    { type: 'yesNo', name: 'apologised' },
  ],
  damageShortage: [
    waybill,
    { type: 'choice', name: 'goodsCheck', set: 'damageGoodsCheck', nullable: false, control: 'segmented' },
    { type: 'text', name: 'description', max: 500, presence: 'required', multiline: true },
    { type: 'chinaTime', name: 'incidentAt' },
    { type: 'yesNo', name: 'photosRequestedFromBranch' },
    { type: 'yesNo', name: 'valuables' },
    { type: 'yesNo', name: 'cctvRequested' },
    { type: 'money', name: 'estimatedLossFen', nullable: true },
    { type: 'yesNo', name: 'reportedToFinance' },
    { type: 'choice', name: 'responsibleLink', set: 'responsibleLink', nullable: true, control: 'select', later: true },
  ],
  misroutedGoods: [
    waybill,
    { type: 'waybill', name: 'otherWaybillNo', nullable: true },
    { type: 'contact', name: 'rightfulConsignee', withAddress: false },
    { type: 'contact', name: 'wrongConsignee', withAddress: false },
    { type: 'money', name: 'valueDifferenceFen', nullable: false },
    note(500),
    { type: 'choice', name: 'remedy', set: 'misrouteRemedy', nullable: true, control: 'segmented', later: true },
  ],
  complaint: [
    { type: 'choice', name: 'source', set: 'complaintSource', nullable: false, control: 'segmented' },
    { type: 'waybill', name: 'waybillNo', nullable: true },
    { type: 'text', name: 'content', max: 1000, presence: 'required', multiline: true },
    { type: 'chinaTime', name: 'incidentAt' },
    { type: 'yesNo', name: 'writtenClaim' },
    { type: 'yesNo', name: 'majorIncident' },
    { type: 'yesNo', name: 'beyondAuthority' },
    { type: 'text', name: 'responsibility', max: 300, presence: 'nullable', multiline: true, later: true },
    { type: 'text', name: 'remedy', max: 300, presence: 'nullable', multiline: true, later: true },
    { type: 'yesNoLater', name: 'customerSatisfied', later: true },
  ],
  claim: [
    waybill,
    { type: 'choice', name: 'lossType', set: 'lossType', nullable: false, control: 'segmented' },
    { type: 'chinaTime', name: 'incidentAt' },
    { type: 'money', name: 'insuredValueFen', nullable: false },
    { type: 'money', name: 'lossFen', nullable: false },
    { type: 'multiChoice', name: 'documents', set: 'claimDocument' },
    { type: 'yesNo', name: 'beyondAuthority' },
    { type: 'choice', name: 'insurer', set: 'insurer', nullable: true, control: 'segmented', later: true },
  ],
  businessLead: [
    { type: 'text', name: 'branchArea', max: 60, presence: 'required' },
    { type: 'contact', name: 'branchContact', withAddress: false },
    { type: 'yesNo', name: 'branchContactGiven' },
    { type: 'text', name: 'goodsDescription', max: 300, presence: 'optional', multiline: true },
    { type: 'yesNoLater', name: 'shipperReachedBranch', later: true },
  ],
  returnVisit: [
    { type: 'choice', name: 'way', set: 'visitWay', nullable: false, control: 'segmented' },
    { type: 'text', name: 'opinion', max: 1000, presence: 'required', multiline: true },
    { type: 'text', name: 'suggestion', max: 1000, presence: 'optional', multiline: true },
    { type: 'choice', name: 'satisfaction', set: 'satisfaction', nullable: true, control: 'segmented', later: true },
  ],
}

/** Every field of a kind, the caller's first. */
export const fieldsOf = (kind: TicketKind): FieldSpec[] => [...callerFields, ...kindFields[kind]]

const isLater = (spec: FieldSpec) => 'later' in spec && spec.later === true

/** The kind's own fields as the form lays them out: what is known on the call, then what comes later. */
export const callFields = (kind: TicketKind): FieldSpec[] => kindFields[kind].filter((spec) => !isLater(spec))
export const laterFields = (kind: TicketKind): FieldSpec[] => kindFields[kind].filter(isLater)
/** Every field in the order the form shows them. */
export const formOrder = (kind: TicketKind): FieldSpec[] => [...callerFields, ...callFields(kind), ...laterFields(kind)]

/** The data-change fields and the value each one holds. */
export const changedFields = ['codAmount', 'freight', 'deliverySurcharge', 'phoneHold', 'address', 'contact'] as const
export type ChangedFieldName = (typeof changedFields)[number]
export const changedFieldValue: Record<ChangedFieldName, 'money' | 'onOff' | 'address' | 'contact'> = {
  codAmount: 'money',
  freight: 'money',
  deliverySurcharge: 'money',
  phoneHold: 'onOff',
  address: 'address',
  contact: 'contact',
}

const contactMax = { name: 40, phone: 32, address: 200 } as const

/**
 * The longest text a field takes, for the input's limit and for a "too long" from main that carries
 * no number; null for fields that are not text.
 */
export function maxLengthAt(kind: TicketKind, path: string): number | null {
  const [name, ...rest] = path.split('.')
  const spec = fieldsOf(kind).find((field) => field.name === name)
  if (!spec) return null
  const last = rest.at(-1)
  switch (spec.type) {
    case 'text':
      return spec.max
    case 'phone':
      return contactMax.phone
    case 'waybill':
      return 30
    case 'contact':
      return last === 'name' || last === 'phone' || last === 'address' ? contactMax[last] : null
    case 'changes':
      if (last === 'name' || last === 'phone') return contactMax[last]
      return last === 'oldValue' || last === 'newValue' ? contactMax.address : null
    default:
      return null
  }
}
