import { z } from 'zod'
import { amountFenSchema, callerShape, choice, instantSchema, waybillNoSchema, yesNo } from '../fields'

// 理赔 (002 保险理赔工作标准): insured value, loss, the claim documents received.
export const claimDocuments = ['waybillCopy', 'lossList', 'invoice', 'photos', 'policeReceipt', 'idCopy', 'damageReport', 'other'] as const

export const claimSchema = z
  .strictObject({
    kind: z.literal('claim'),
    ...callerShape,
    waybillNo: waybillNoSchema,
    lossType: choice(['lost', 'damaged', 'short']),
    incidentAt: instantSchema.nullable(),
    insuredValueFen: amountFenSchema,
    lossFen: amountFenSchema.min(1, { error: 'lossRequired' }),
    documents: z.array(choice(claimDocuments)).max(claimDocuments.length, { error: 'tooMany' }),
    insurer: choice(['aig', 'cpic', 'other']).nullable(),
    beyondAuthority: yesNo,
  })
  .refine((ticket) => new Set(ticket.documents).size === ticket.documents.length, { path: ['documents'], error: 'duplicateDocument' })
export type Claim = z.infer<typeof claimSchema>
