import { z } from 'zod'
import { businessLeadSchema } from './kinds/businessLead'
import { claimSchema } from './kinds/claim'
import { complaintSchema } from './kinds/complaint'
import { consultationSchema } from './kinds/consultation'
import { damageShortageSchema } from './kinds/damageShortage'
import { dataChangeSchema } from './kinds/dataChange'
import { misroutedGoodsSchema } from './kinds/misroutedGoods'
import { orderPickupSchema } from './kinds/orderPickup'
import { overchargeSchema } from './kinds/overcharge'
import { returnVisitSchema } from './kinds/returnVisit'
import { trackingInquirySchema } from './kinds/trackingInquiry'

// The request kinds of DOMAIN.md "Request kinds and their rules": one schema per kind, used by the form
// and by main's check alike, so a ticket with a required field missing is never saved (002: 开单准确率
// 100%). Messages are codes; `ticketIssues` turns a failed parse into { path, code } for the form.
export const ticketKinds = [
  'trackingInquiry',
  'consultation',
  'orderPickup',
  'dataChange',
  'overcharge',
  'damageShortage',
  'misroutedGoods',
  'complaint',
  'claim',
  'businessLead',
  'returnVisit',
] as const
export const ticketKindSchema = z.enum(ticketKinds, { error: 'ticketKind' })
export type TicketKind = z.infer<typeof ticketKindSchema>

export const ticketKindLabels: Record<TicketKind, { 'zh-CN': string; en: string }> = {
  trackingInquiry: { 'zh-CN': '查货', en: 'Tracking inquiry' },
  consultation: { 'zh-CN': '咨询', en: 'Consultation' },
  orderPickup: { 'zh-CN': '受理下单', en: 'Order / pickup' },
  dataChange: { 'zh-CN': '数据变更', en: 'Data change' },
  overcharge: { 'zh-CN': '多收运费', en: 'Overcharge' },
  damageShortage: { 'zh-CN': '货损货差', en: 'Damage / shortage' },
  misroutedGoods: { 'zh-CN': '窜货', en: 'Misrouted goods' },
  complaint: { 'zh-CN': '投诉', en: 'Complaint' },
  claim: { 'zh-CN': '理赔', en: 'Claim' },
  businessLead: { 'zh-CN': '业务电话', en: 'Business lead' },
  returnVisit: { 'zh-CN': '回访', en: 'Return visit' },
}

export const ticketDetailsSchema = z.discriminatedUnion(
  'kind',
  [
    trackingInquirySchema,
    consultationSchema,
    orderPickupSchema,
    dataChangeSchema,
    overchargeSchema,
    damageShortageSchema,
    misroutedGoodsSchema,
    complaintSchema,
    claimSchema,
    businessLeadSchema,
    returnVisitSchema,
  ],
  { error: 'ticketKind' },
)
export type TicketDetails = z.infer<typeof ticketDetailsSchema>
/** What the form holds before parsing: amounts as numbers, phones as typed. */
export type TicketDetailsInput = z.input<typeof ticketDetailsSchema>
export type TicketDetailsOf<K extends TicketKind> = Extract<TicketDetails, { kind: K }>

export type TicketIssue = { path: string; code: string }

/** A failed parse as the form shows it: the field's path (`changes.0.newValue`) and the code. */
export function ticketIssues(error: z.ZodError): TicketIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.join('.'),
    // Every rule here names its code; zod's own structural codes (unknown field) pass through as theirs.
    code: issue.code === 'unrecognized_keys' ? 'unknownField' : issue.message,
  }))
}

/**
 * Fields a ticket may be opened without but not resolved without: what the investigation, the branch
 * or the callback brings in later. Returns the paths still missing, each with its code.
 */
export function resolutionGaps(details: TicketDetails): TicketIssue[] {
  const gaps: TicketIssue[] = []
  const need = (ok: boolean, path: string, code = 'requiredToResolve') => {
    if (!ok) gaps.push({ path, code })
  }
  switch (details.kind) {
    case 'trackingInquiry':
      need(details.goodsCheck !== null, 'goodsCheck')
      break
    case 'consultation':
      need(details.answer !== null, 'answer')
      break
    case 'orderPickup':
    case 'returnVisit':
      break
    case 'dataChange':
      // 000 r7: passed to the branch the same day.
      need(details.branchNotified === 'notified', 'branchNotified', 'branchNotNotified')
      break
    case 'overcharge':
      need(details.apologised, 'apologised', 'apologyRequired')
      break
    case 'damageShortage':
      need(details.responsibleLink !== null, 'responsibleLink')
      // 000 r8: finance hears of it before the branch settles.
      need(details.reportedToFinance, 'reportedToFinance', 'financeNotInformed')
      break
    case 'misroutedGoods':
      need(details.remedy !== null, 'remedy')
      break
    case 'complaint':
      need(details.responsibility !== null, 'responsibility')
      need(details.remedy !== null, 'remedy')
      need(details.customerSatisfied !== null, 'customerSatisfied')
      break
    case 'claim':
      // 002 保险理赔: a loss is reported to the police at once and the receipt kept ("非常重要").
      need(details.lossType !== 'lost' || details.documents.includes('policeReceipt'), 'documents', 'policeReceiptRequired')
      need(details.insurer !== null, 'insurer')
      break
    case 'businessLead':
      need(details.shipperReachedBranch !== null, 'shipperReachedBranch')
      break
  }
  return gaps
}
