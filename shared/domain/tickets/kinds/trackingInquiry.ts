import { z } from 'zod'
import { callerShape, goodsCheckSchema, optionalText, waybillNoSchema } from '../fields'

// 查货 (001 篇4 rule 3, 002): the agent checks the waybill and records the goods check; answered within
// 5 minutes, else a callback. The check result may follow the call, so it is null until known.
export const trackingInquirySchema = z.strictObject({
  kind: z.literal('trackingInquiry'),
  ...callerShape,
  waybillNo: waybillNoSchema,
  goodsCheck: goodsCheckSchema.nullable(),
  note: optionalText(500),
})
export type TrackingInquiry = z.infer<typeof trackingInquirySchema>
