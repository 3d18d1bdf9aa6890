import { z } from 'zod'
import { amountFenSchema, callerShape, choice, instantSchema, requiredText, waybillNoSchema, yesNo } from '../fields'

// 货损货差 (000 r8, 001 篇4 r5): photos from the branch, CCTV for valuables, the responsible link;
// reported to finance before settlement.
export const responsibleLinks = ['pickup', 'origin', 'lineHaul', 'transfer', 'destination', 'delivery', 'customer'] as const

export const damageShortageSchema = z
  .strictObject({
    kind: z.literal('damageShortage'),
    ...callerShape,
    waybillNo: waybillNoSchema,
    goodsCheck: choice(['damaged', 'short']),
    description: requiredText(500),
    incidentAt: instantSchema.nullable(),
    photosRequestedFromBranch: yesNo,
    valuables: yesNo,
    cctvRequested: yesNo,
    responsibleLink: choice(responsibleLinks).nullable(),
    estimatedLossFen: amountFenSchema.nullable(),
    reportedToFinance: yesNo,
  })
  // 001 篇4 r5: for valuables the station's CCTV is asked for at once, before it is overwritten.
  .refine((ticket) => !ticket.valuables || ticket.cctvRequested, { path: ['cctvRequested'], error: 'cctvRequiredForValuables' })
export type DamageShortage = z.infer<typeof damageShortageSchema>
