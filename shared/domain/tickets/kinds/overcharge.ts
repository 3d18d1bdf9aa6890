import { z } from 'zod'
import { amountFenSchema, callerShape, optionalText, waybillNoSchema, yesNo } from '../fields'

// 多收运费 (001 篇4 r4): settled with customer, shipper and station within 2 hours, with an apology.
export const overchargeSchema = z
  .strictObject({
    kind: z.literal('overcharge'),
    ...callerShape,
    waybillNo: waybillNoSchema,
    chargedFen: amountFenSchema,
    correctFen: amountFenSchema,
    explanation: optionalText(300),
    apologised: yesNo,
  })
  .refine((ticket) => ticket.chargedFen > ticket.correctFen, { path: ['chargedFen'], error: 'chargedNotAboveCorrect' })
export type Overcharge = z.infer<typeof overchargeSchema>

export const overchargeRefundFen = (ticket: Pick<Overcharge, 'chargedFen' | 'correctFen'>) => ticket.chargedFen - ticket.correctFen
