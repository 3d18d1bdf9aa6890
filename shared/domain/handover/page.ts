import { z } from 'zod'
import { employeeNoSchema } from '../identity'
import { chinaDateSchema } from '../tickets/chinaTime'
import { instantSchema, waybillNoSchema } from '../tickets/fields'
import { ticketKindSchema } from '../tickets/kinds'
import { shiftLabelSchema, shiftPatternIdSchema } from './shifts'

// A page of the handover book (业务交接本, DOMAIN.md "Shift and handover"): what the next shift must
// carry on. The outgoing agent drafts it from the journal and signs it; the incoming agent
// acknowledges it (accepting or refusing items); the shift lead countersigns it. After that it never
// changes — a mistake is corrected by a new entry that cites it.

const text = (max: number) => z.string().trim().max(max, { error: 'tooLong' })
const requiredText = (max: number) => text(max).min(1, { error: 'required' })
const id = z.string().min(1).max(64)

export const handoverTicketItemSchema = z.strictObject({
  ticketId: id,
  ticketNo: z.string().max(40),
  kind: ticketKindSchema,
  /** What the next shift does next: call the branch, wait for finance… */
  nextStep: requiredText(300),
  /** The ticket's next deadline when the page was drafted. */
  dueAt: instantSchema.nullable(),
})

export const handoverCallbackItemSchema = z.strictObject({
  callbackId: id,
  ticketId: id,
  ticketNo: z.string().max(40),
  dueAt: instantSchema,
  note: text(500),
})

/** 剩货 (000 r4): goods left over, and whether the branch was told. */
export const leftoverGoodsItemSchema = z.strictObject({
  itemId: id,
  waybillNo: waybillNoSchema,
  description: requiredText(200),
  branchTold: z.boolean({ error: 'required' }),
})

/** Open damage/shortage and misroute cases, carried with their state. */
export const handoverCaseItemSchema = z.strictObject({
  ticketId: id,
  ticketNo: z.string().max(40),
  kind: z.enum(['damageShortage', 'misroutedGoods'], { error: 'choose' }),
  summary: requiredText(300),
})

export const equipmentFaultItemSchema = z.strictObject({
  itemId: id,
  description: requiredText(300),
  reported: z.boolean({ error: 'required' }),
})

export const noticeItemSchema = z.strictObject({ itemId: id, text: requiredText(500) })

export const handoverPageSchema = z
  .strictObject({
    pageId: id,
    /** The shift's date in China and its pattern. */
    date: chinaDateSchema,
    patternId: shiftPatternIdSchema,
    /**
     * The pattern's name as the shift settings called it when the page was signed (main writes it at
     * signing), so a pattern renamed later does not rename the pages already in the book. Absent on
     * drafts and on pages signed before it was recorded: leaving it out keeps their hashes.
     */
    patternLabel: shiftLabelSchema.optional(),
    outgoing: employeeNoSchema,
    incoming: employeeNoSchema,
    lead: employeeNoSchema,
    tickets: z.array(handoverTicketItemSchema).max(500, { error: 'tooMany' }),
    callbacks: z.array(handoverCallbackItemSchema).max(500, { error: 'tooMany' }),
    leftoverGoods: z.array(leftoverGoodsItemSchema).max(200, { error: 'tooMany' }),
    cases: z.array(handoverCaseItemSchema).max(200, { error: 'tooMany' }),
    equipmentFaults: z.array(equipmentFaultItemSchema).max(50, { error: 'tooMany' }),
    notices: z.array(noticeItemSchema).max(50, { error: 'tooMany' }),
    remarks: text(2000),
  })
  .refine((page) => page.incoming !== page.outgoing, { path: ['incoming'], error: 'incomingIsOutgoing' })
export type HandoverPage = z.infer<typeof handoverPageSchema>

/** A page's items by a stable reference (`tickets:<id>`, `leftoverGoods:<id>`…), for refusals. */
export type HandoverItemRef = string

export function handoverItemRefs(page: HandoverPage): HandoverItemRef[] {
  return [
    ...page.tickets.map((item) => `tickets:${item.ticketId}`),
    ...page.callbacks.map((item) => `callbacks:${item.callbackId}`),
    ...page.leftoverGoods.map((item) => `leftoverGoods:${item.itemId}`),
    ...page.cases.map((item) => `cases:${item.ticketId}`),
    ...page.equipmentFaults.map((item) => `equipmentFaults:${item.itemId}`),
    ...page.notices.map((item) => `notices:${item.itemId}`),
  ]
}

/** The incoming agent refuses an item with a reason; it stays with the outgoing agent. */
export const refusedItemSchema = z.strictObject({ item: z.string().min(1).max(80), reason: requiredText(300) })
export type RefusedItem = z.infer<typeof refusedItemSchema>

export const handoverStates = ['draft', 'signed', 'acknowledged', 'countersigned'] as const
export type HandoverState = (typeof handoverStates)[number]

/** A journal position signed into a countersignature: everything up to it is vouched for. */
export const checkpointSchema = z.strictObject({ seq: z.number().int().nonnegative(), hash: z.string().max(64) })
export type Checkpoint = z.infer<typeof checkpointSchema>
