import { z } from 'zod'
import { parseCallerNumber } from '../phone'
import { MAX_FEN } from './money'

// Field rules every ticket kind is built from. Each message is a stable code (`required`, `tooLong`,
// `waybillNo`…) the form translates; the path says which field.

export const requiredText = (max: number) =>
  z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, { error: 'tooLong' })

/** May be left empty ('' after trimming). */
export const optionalText = (max: number) => z.string({ error: 'required' }).trim().max(max, { error: 'tooLong' })

/** Filled in later in the ticket's life: null until known (see resolutionGaps). */
export const laterText = (max: number) => requiredText(max).nullable()

export const yesNo = z.boolean({ error: 'required' })

export const choice = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'choose' })

/** Waybill numbers (运单号) across carriers: 6–30 letters and digits, stored upper-case. */
export const waybillNoSchema = z
  .string({ error: 'required' })
  .trim()
  .max(30, { error: 'waybillNo' })
  .regex(/^[A-Za-z0-9]{6,30}$/, { error: 'waybillNo' })
  .toUpperCase()

/** Whole fen, 0 to 1 亿元. */
export const amountFenSchema = z
  .number({ error: 'required' })
  .int({ error: 'amountWholeFen' })
  .min(0, { error: 'amountNegative' })
  .max(MAX_FEN, { error: 'amountTooLarge' })

/** An instant with its offset, as the journal stores it. */
export const instantSchema = z.iso.datetime({ offset: true, error: 'instant' }).max(40, { error: 'instant' })

/**
 * A phone number as typed, stored in E.164 (or a service short code's digits) so a repeat caller is
 * found however it was typed. Stored values parse to themselves, so a saved ticket re-validates.
 */
export const phoneSchema = z
  .string({ error: 'required' })
  .max(32, { error: 'tooLong' })
  .transform((typed, ctx) => {
    const parsed = parseCallerNumber(typed)
    if (parsed.ok) return parsed.stored
    ctx.addIssue({ code: 'custom', message: parsed.reason === 'fixedLineNeedsAreaCode' ? 'phoneNeedsAreaCode' : 'phone' })
    return z.NEVER
  })

/** 000 rule 6, the goods check in the business book: 点货有 / 点货无 / 窜货 / 损货 / 缺货. */
export const goodsCheckValues = ['goodsFound', 'goodsNotFound', 'misrouted', 'damaged', 'short'] as const
export const goodsCheckSchema = choice(goodsCheckValues)
export type GoodsCheck = z.infer<typeof goodsCheckSchema>
export const goodsCheckLabels: Record<GoodsCheck, { 'zh-CN': string; en: string }> = {
  goodsFound: { 'zh-CN': '点货有', en: 'Goods found' },
  goodsNotFound: { 'zh-CN': '点货无', en: 'Goods not found' },
  misrouted: { 'zh-CN': '窜货', en: 'Misrouted' },
  damaged: { 'zh-CN': '损货', en: 'Damaged' },
  short: { 'zh-CN': '缺货', en: 'Short' },
}

export const partyRoleSchema = choice(['shipper', 'consignee', 'other'])

/** A shipper, consignee or branch contact: who and how to reach them. */
export const contactSchema = z.strictObject({ name: requiredText(40), phone: phoneSchema })

/** What every ticket carries about the caller (the call record has the same two). */
export const callerShape = {
  /** null when the number was withheld or the caller would not give one. */
  callerPhone: phoneSchema.nullable(),
  customerName: requiredText(40).nullable(),
  callerRole: partyRoleSchema.nullable(),
}
