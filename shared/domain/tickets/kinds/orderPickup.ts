import { z } from 'zod'
import { amountFenSchema, callerShape, contactSchema, optionalText, requiredText, yesNo } from '../fields'
import { chinaDateSchema } from '../chinaTime'

// 受理 / 下单 (002 座席 r3, r10): shipper, consignee, goods, quantity, pickup place; insurance is offered
// on every order (r10) and the answer recorded. Confirmed on the call.
export const orderPickupSchema = z
  .strictObject({
    kind: z.literal('orderPickup'),
    ...callerShape,
    shipper: contactSchema,
    consignee: z.strictObject({ ...contactSchema.shape, address: requiredText(200) }),
    goodsName: requiredText(60),
    quantity: z.number({ error: 'required' }).int({ error: 'quantityWhole' }).min(1, { error: 'quantityPositive' }).max(100_000, { error: 'quantityTooLarge' }),
    packaging: optionalText(40),
    pickupAddress: requiredText(200),
    pickupDate: chinaDateSchema.nullable(),
    insuranceOffered: yesNo,
    insuranceAccepted: yesNo,
    declaredValueFen: amountFenSchema.nullable(),
    note: optionalText(500),
  })
  .superRefine((order, ctx) => {
    if (order.insuranceAccepted && !order.insuranceOffered) {
      ctx.addIssue({ code: 'custom', path: ['insuranceAccepted'], message: 'insuranceNotOffered' })
    }
    // An insured shipment needs the value it is insured for.
    if (order.insuranceAccepted && (order.declaredValueFen === null || order.declaredValueFen === 0)) {
      ctx.addIssue({ code: 'custom', path: ['declaredValueFen'], message: 'declaredValueRequired' })
    }
  })
export type OrderPickup = z.infer<typeof orderPickupSchema>
