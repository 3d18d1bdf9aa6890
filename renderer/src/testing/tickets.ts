import type { Customer } from '../../../shared/domain/tickets/customer'
import type { DeadlineSettings } from '../../../shared/domain/tickets/deadlines'
import type { TicketDetails, TicketDetailsOf, TicketKind } from '../../../shared/domain/tickets/kinds'
import { formatTicketNo, type CallbackOutcome, type EscalationTarget, type TicketStatus, type WaitingOn } from '../../../shared/domain/tickets/lifecycle'
import type { WorkingDayCalendarSettings } from '../../../shared/domain/tickets/workingDays'
import type { JournalEntry } from '../../../shared/journal/entry'
import { entryPayloads, type EntryKind, type EntryPayload } from '../../../shared/journal/kinds'
import { catchUp, clearProjection } from '../db/sync'
import type { SeatDeskDb } from '../db/schema'
import { journalEntry, journalReader } from './fakeApi'

// Ticket journal entries for tests, as main's ticket service would write them: every builder checks
// its payload against the journal schema (a typo throws here instead of being skipped silently by the
// projection), and the actor is the employee who acted. Omitted fields take the defaults below.

/** The agent who opens and owns a ticket unless a test says otherwise. */
export const TEST_OWNER = 'A001'
/** The branch the default ticket numbers carry (the test seat's). */
export const TEST_BRANCH = 'BJ01'

/** When and by whom; `ts` defaults to journalEntry's (2026-11-23T01:00Z plus `seq` minutes). */
export type EntryAt = { ts?: string; actor?: string }

const CALLER = { callerPhone: '+8613812345678', customerName: '王先生', callerRole: 'consignee' } as const

const samples: { [K in TicketKind]: TicketDetailsOf<K> } = {
  trackingInquiry: { kind: 'trackingInquiry', ...CALLER, waybillNo: 'SF1234567890', goodsCheck: null, note: '客户询问货物何时到达，已查到在北京转运中心' },
  consultation: {
    kind: 'consultation',
    ...CALLER,
    callerRole: 'shipper',
    subject: 'price',
    question: '深圳寄北京 20 公斤服装多少钱？几天到？',
    origin: '深圳',
    destination: '北京',
    quotedFen: 8500,
    answer: null,
  },
  orderPickup: {
    kind: 'orderPickup',
    ...CALLER,
    callerRole: 'shipper',
    shipper: { name: '陈立', phone: '+8613900001111' },
    consignee: { name: '刘芳', phone: '+8613700002222', address: '北京市朝阳区建国路88号SOHO现代城A座1203' },
    goodsName: '服装',
    quantity: 3,
    packaging: '纸箱',
    pickupAddress: '深圳市南山区科技园南区科苑路15号',
    pickupDate: '2026-11-24',
    insuranceOffered: true,
    insuranceAccepted: true,
    declaredValueFen: 200_000,
    note: '下午三点后取件',
  },
  dataChange: {
    kind: 'dataChange',
    ...CALLER,
    callerRole: 'shipper',
    waybillNo: 'SF1234567891',
    requestedBy: 'shipper',
    changes: [{ field: 'codAmount', oldValue: 150_000, newValue: 120_000 }],
    reason: '发货人与收货人重新议价',
    branchNotified: 'notYet',
  },
  overcharge: {
    kind: 'overcharge',
    ...CALLER,
    waybillNo: 'SF1234567892',
    chargedFen: 4_500,
    correctFen: 3_200,
    explanation: '按首重加续重重新核算，多收13元',
    apologised: false,
  },
  damageShortage: {
    kind: 'damageShortage',
    ...CALLER,
    waybillNo: 'SF1234567893',
    goodsCheck: 'damaged',
    description: '外箱破损，两台显示器屏幕碎裂',
    incidentAt: '2026-11-22T06:30:00.000Z',
    photosRequestedFromBranch: true,
    valuables: false,
    cctvRequested: false,
    responsibleLink: null,
    estimatedLossFen: 180_000,
    reportedToFinance: false,
  },
  misroutedGoods: {
    kind: 'misroutedGoods',
    ...CALLER,
    waybillNo: 'SF1234567894',
    otherWaybillNo: 'SF1234567895',
    rightfulConsignee: { name: '周杰', phone: '+8613611112222' },
    wrongConsignee: { name: '吴敏', phone: '+8613522223333' },
    valueDifferenceFen: 3_000,
    remedy: null,
    note: '两票货同日派送，收件人互换',
  },
  complaint: {
    kind: 'complaint',
    ...CALLER,
    waybillNo: 'SF1234567896',
    source: 'customer',
    content: '快递员未送货上门，电话通知自取且态度恶劣',
    incidentAt: '2026-11-21T02:00:00.000Z',
    writtenClaim: false,
    majorIncident: false,
    beyondAuthority: false,
    responsibility: null,
    remedy: null,
    customerSatisfied: null,
  },
  claim: {
    kind: 'claim',
    ...CALLER,
    waybillNo: 'SF1234567897',
    lossType: 'damaged',
    incidentAt: '2026-11-20T08:00:00.000Z',
    insuredValueFen: 500_000,
    lossFen: 320_000,
    documents: ['waybillCopy', 'photos'],
    insurer: null,
    beyondAuthority: false,
  },
  businessLead: {
    kind: 'businessLead',
    ...CALLER,
    customerName: '赵总',
    callerRole: 'shipper',
    branchArea: '深圳南山区',
    branchContact: { name: '南山分部 黄经理', phone: '+8675586001234' },
    branchContactGiven: true,
    goodsDescription: '每月约两吨电子配件发往华东',
    shipperReachedBranch: null,
  },
  returnVisit: {
    kind: 'returnVisit',
    ...CALLER,
    way: 'phone',
    opinion: '派送及时，快递员服务态度好',
    suggestion: '希望增加晚间派送时段',
    satisfaction: 'satisfied',
  },
}

/** Valid details of a kind, as the form would save them: phones in E.164, waybills upper-case, amounts in fen. */
export function sampleDetails<K extends TicketKind>(kind: K, overrides: Partial<TicketDetailsOf<K>> = {}): TicketDetailsOf<K> {
  return structuredClone({ ...samples[kind], ...overrides })
}

/** Any entry, its payload checked against the journal schema (and stored as parsed, as main stores it). */
export function entryOf<K extends EntryKind>(seq: number, kind: K, payload: EntryPayload<K>, at: EntryAt = {}): JournalEntry {
  const parsed = entryPayloads[kind].safeParse(payload)
  if (!parsed.success) throw new Error(`invalid ${kind} payload in a test: ${parsed.error.message}`)
  return { ...journalEntry(seq, kind, parsed.data, at.ts), actor: at.actor ?? TEST_OWNER }
}

/** `ticket.opened` by its owner; the kind's sample details and a ticket no. from the date and `seq`. */
export function ticketOpened(
  seq: number,
  fields: { ticketId: string; kind?: TicketKind; details?: TicketDetails; ticketNo?: string; owner?: string; callId?: string | null },
  at: EntryAt = {},
): JournalEntry {
  const owner = fields.owner ?? at.actor ?? TEST_OWNER
  const details = fields.details ?? sampleDetails(fields.kind ?? 'trackingInquiry')
  const ts = at.ts ?? journalEntry(seq, 'ticket.opened', null).ts
  const ticketNo = fields.ticketNo ?? formatTicketNo(TEST_BRANCH, ts, seq)
  return entryOf(seq, 'ticket.opened', { ticketId: fields.ticketId, ticketNo, owner, details, callId: fields.callId ?? null }, { ts, actor: at.actor ?? owner })
}

export function ticketDetailsUpdated(seq: number, fields: { ticketId: string; details: TicketDetails; callId?: string | null }, at?: EntryAt) {
  return entryOf(seq, 'ticket.detailsUpdated', { ticketId: fields.ticketId, details: fields.details, callId: fields.callId ?? null }, at)
}

export function ticketStatusChanged(
  seq: number,
  fields: { ticketId: string; status: TicketStatus; waitingOn?: WaitingOn | null; note?: string; callId?: string | null },
  at?: EntryAt,
) {
  const { ticketId, status, waitingOn = null, note = '', callId = null } = fields
  return entryOf(seq, 'ticket.statusChanged', { ticketId, status, waitingOn, note, callId }, at)
}

export function ticketNoteAdded(seq: number, fields: { ticketId: string; text: string; noteId?: string; callId?: string | null }, at?: EntryAt) {
  const { ticketId, text, noteId = `note-${seq}`, callId = null } = fields
  return entryOf(seq, 'ticket.noteAdded', { ticketId, noteId, text, callId }, at)
}

export function ticketStepDone(seq: number, fields: { ticketId: string; clockId: string; note?: string; callId?: string | null }, at?: EntryAt) {
  const { ticketId, clockId, note = '', callId = null } = fields
  return entryOf(seq, 'ticket.stepDone', { ticketId, clockId, note, callId }, at)
}

export function callbackScheduled(
  seq: number,
  fields: { ticketId: string; callbackId: string; dueAt: string; note?: string; callId?: string | null },
  at?: EntryAt,
) {
  const { ticketId, callbackId, dueAt, note = '', callId = null } = fields
  return entryOf(seq, 'ticket.callbackScheduled', { ticketId, callbackId, dueAt, note, callId }, at)
}

export function callbackDone(
  seq: number,
  fields: { ticketId: string; callbackId: string; outcome?: CallbackOutcome; note?: string; callId?: string | null },
  at?: EntryAt,
) {
  const { ticketId, callbackId, outcome = 'reached', note = '', callId = null } = fields
  return entryOf(seq, 'ticket.callbackDone', { ticketId, callbackId, outcome, note, callId }, at)
}

export function ticketEscalated(
  seq: number,
  fields: { ticketId: string; to: EscalationTarget; reason?: string; callId?: string | null },
  at?: EntryAt,
) {
  const { ticketId, to, reason = '客户要求升级处理', callId = null } = fields
  return entryOf(seq, 'ticket.escalated', { ticketId, to, reason, callId }, at)
}

/** Offered by `from` (the owner, and the actor). */
export function transferOffered(
  seq: number,
  fields: { transferId: string; ticketIds: string[]; to: string; from?: string; reason?: string },
  at: EntryAt = {},
) {
  const { transferId, ticketIds, to, from = TEST_OWNER, reason = '调岗交接' } = fields
  return entryOf(seq, 'ticket.transferOffered', { transferId, ticketIds, from, to, reason }, { ...at, actor: at.actor ?? from })
}

/** Accepted by `to` (the receiving user), repeating the offer's terms under their attestation. */
export function transferAccepted(
  seq: number,
  fields: { transferId: string; ticketIds: string[]; to: string; from?: string },
  at: EntryAt = {},
) {
  const { transferId, ticketIds, to, from = TEST_OWNER } = fields
  return entryOf(
    seq,
    'ticket.transferAccepted',
    { transferId, ticketIds, from, to, attestation: { employeeNo: to, sig: 'c2ln' } },
    { ...at, actor: at.actor ?? to },
  )
}

export function transferDeclined(seq: number, fields: { transferId: string; reason?: string }, at?: EntryAt) {
  return entryOf(seq, 'ticket.transferDeclined', { transferId: fields.transferId, reason: fields.reason ?? '手上工单已满' }, at)
}

export function transferCancelled(seq: number, fields: { transferId: string }, at?: EntryAt) {
  return entryOf(seq, 'ticket.transferCancelled', { transferId: fields.transferId }, at)
}

export function customerSaved(seq: number, customer: Partial<Customer> = {}, at?: EntryAt) {
  const saved: Customer = { phone: CALLER.callerPhone, name: '王先生', role: 'consignee', company: '', address: '北京市海淀区中关村大街1号', ...customer }
  return entryOf(seq, 'customer.saved', { customer: saved }, at)
}

export function phoneRevealed(
  seq: number,
  fields: { phone: string; context?: 'ticket' | 'customer' | 'call'; ticketId?: string | null },
  at?: EntryAt,
) {
  const { phone, context = 'ticket', ticketId = null } = fields
  return entryOf(seq, 'customer.phoneRevealed', { phone, context, ticketId }, at)
}

/** By the test seat's supervisor, E001. */
export function deadlineSettingsChanged(seq: number, settings: DeadlineSettings, at: EntryAt = {}) {
  return entryOf(seq, 'deadlineSettings.changed', { settings }, { ...at, actor: at.actor ?? 'E001' })
}

/** By the test seat's supervisor, E001. */
export function workingCalendarChanged(seq: number, settings: WorkingDayCalendarSettings, at: EntryAt = {}) {
  return entryOf(seq, 'workingCalendar.changed', { settings }, { ...at, actor: at.actor ?? 'E001' })
}

/** Replaces the database's view with these entries, projected as the app would. */
export async function projectEntries(database: SeatDeskDb, entries: JournalEntry[]): Promise<void> {
  await clearProjection(database)
  await catchUp(database, journalReader(entries))
}
