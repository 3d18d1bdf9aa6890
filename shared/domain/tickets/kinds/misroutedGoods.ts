import { z } from 'zod'
import { amountFenSchema, callerShape, choice, contactSchema, optionalText, waybillNoSchema } from '../fields'

// 窜货 (000 r12, 001 篇4 r6): goods delivered to the wrong consignee; both consignees, the value
// difference, the remedy; tracked until delivered.
export const misrouteRemedies = ['compensate', 'resend', 'swap'] as const

export const misroutedGoodsSchema = z
  .strictObject({
    kind: z.literal('misroutedGoods'),
    ...callerShape,
    waybillNo: waybillNoSchema,
    /** The waybill of the goods the wrong consignee was meant to get, when two shipments crossed. */
    otherWaybillNo: waybillNoSchema.nullable(),
    rightfulConsignee: contactSchema,
    wrongConsignee: contactSchema,
    valueDifferenceFen: amountFenSchema,
    remedy: choice(misrouteRemedies).nullable(),
    note: optionalText(500),
  })
  .refine((ticket) => ticket.rightfulConsignee.phone !== ticket.wrongConsignee.phone, {
    path: ['wrongConsignee', 'phone'],
    error: 'sameConsignee',
  })
  .refine((ticket) => ticket.otherWaybillNo === null || ticket.otherWaybillNo !== ticket.waybillNo, {
    path: ['otherWaybillNo'],
    error: 'sameWaybill',
  })
export type MisroutedGoods = z.infer<typeof misroutedGoodsSchema>
