import { z } from 'zod'
import { callerShape, choice, instantSchema, laterText, requiredText, waybillNoSchema, yesNo } from '../fields'

// 投诉 (002 投诉各岗位工作标准): content, responsibility, remedy, customer satisfied? Responsibility,
// remedy and satisfaction come out of the investigation, so they are null until then.
export const complaintSchema = z.strictObject({
  kind: z.literal('complaint'),
  ...callerShape,
  waybillNo: waybillNoSchema.nullable(),
  /** 'regulatorForwarded': an appeal the postal regulator (12305) passed on, with its own answer limit. */
  source: choice(['customer', 'regulatorForwarded']),
  content: requiredText(1000),
  /** When the service incident happened; several clocks run from it. */
  incidentAt: instantSchema.nullable(),
  /** The customer claimed in writing (书面索赔): answered by an apology letter, then a letter of negotiation. */
  writtenClaim: yesNo,
  /** 重大服务事故: reported to HQ within 24 hours. */
  majorIncident: yesNo,
  /** Beyond the branch's authority: reported for approval. */
  beyondAuthority: yesNo,
  responsibility: laterText(300),
  remedy: laterText(300),
  customerSatisfied: z.boolean({ error: 'required' }).nullable(),
})
export type Complaint = z.infer<typeof complaintSchema>
