import { z } from 'zod'
import { callerShape, contactSchema, optionalText, requiredText, yesNo } from '../fields'

// 业务电话 (001 篇4 r9): find whose area the shipper is in, give them that branch's contact, and within
// 10 minutes call back: did they reach the branch? If not, the agent solves it.
export const businessLeadSchema = z
  .strictObject({
    kind: z.literal('businessLead'),
    ...callerShape,
    branchArea: requiredText(60),
    branchContact: contactSchema,
    branchContactGiven: yesNo,
    goodsDescription: optionalText(300),
    shipperReachedBranch: z.boolean({ error: 'required' }).nullable(),
  })
  .refine((lead) => lead.branchContactGiven, { path: ['branchContactGiven'], error: 'branchContactNotGiven' })
export type BusinessLead = z.infer<typeof businessLeadSchema>
