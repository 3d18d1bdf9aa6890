import { z } from 'zod'
import { amountFenSchema, callerShape, choice, contactSchema, optionalText, partyRoleSchema, requiredText, waybillNoSchema } from '../fields'

// 数据变更 (000 r7): what changed, with its old and new value, passed to the branch the same day and kept
// as a change record. Amounts are whole fen.
const amountChange = <F extends 'codAmount' | 'freight' | 'deliverySurcharge'>(field: F) =>
  z.strictObject({ field: z.literal(field), oldValue: amountFenSchema, newValue: amountFenSchema })

export const dataChangeItemSchema = z
  .discriminatedUnion(
    'field',
    [
      amountChange('codAmount'), // 代收款
      amountChange('freight'), // 运费
      amountChange('deliverySurcharge'), // 加送货费
      // 电话控货: the goods are released only when the shipper phones; on → off or off → on.
      z.strictObject({ field: z.literal('phoneHold'), oldValue: z.boolean({ error: 'required' }), newValue: z.boolean({ error: 'required' }) }),
      z.strictObject({ field: z.literal('address'), oldValue: requiredText(200), newValue: requiredText(200) }),
      z.strictObject({ field: z.literal('contact'), oldValue: contactSchema, newValue: contactSchema }),
    ],
    { error: 'changedField' },
  )
  .refine((change) => JSON.stringify(change.oldValue) !== JSON.stringify(change.newValue), {
    path: ['newValue'],
    error: 'unchangedValue',
  })
export type DataChangeItem = z.infer<typeof dataChangeItemSchema>
export type ChangedField = DataChangeItem['field']

export const dataChangeSchema = z
  .strictObject({
    kind: z.literal('dataChange'),
    ...callerShape,
    waybillNo: waybillNoSchema,
    requestedBy: partyRoleSchema,
    changes: z.array(dataChangeItemSchema).min(1, { error: 'changeRequired' }).max(6, { error: 'tooMany' }),
    reason: optionalText(300),
    branchNotified: choice(['notYet', 'notified']),
  })
  .refine((ticket) => new Set(ticket.changes.map((change) => change.field)).size === ticket.changes.length, {
    path: ['changes'],
    error: 'duplicateChangedField',
  })
export type DataChange = z.infer<typeof dataChangeSchema>
