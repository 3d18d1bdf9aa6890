import type { z } from 'zod'
import { ticketDetailsSchema, ticketKinds, type TicketDetails } from '../../../../../shared/domain/tickets/kinds'
import en from '../../../i18n/en.json'
import zhCN from '../../../i18n/zh-CN.json'
import { ticketKindLabels } from '../../../../../shared/domain/tickets/kinds'
import { goodsCheckLabels, goodsCheckValues } from '../../../../../shared/domain/tickets/fields'
import { sampleDetails } from '../../../testing/tickets'
import {
  amountProblems,
  blankChange,
  blankDraft,
  chinaWallTimeInstant,
  detailsInput,
  draftFromDetails,
  switchKind,
  type ChangeDraft,
  type TicketDraft,
} from './ticketDraft'
import { choiceSets, fieldsOf, formOrder } from './ticketFieldSpecs'
import { isTicketErrorCode } from './ticketFormErrors'

type Shape = Record<string, z.ZodType>
const shapeOf = (kind: string): Shape => {
  const option = ticketDetailsSchema.options.find((candidate) => (candidate.shape.kind as z.ZodLiteral).value === kind)
  if (!option) throw new Error(`no schema for ${kind}`)
  return option.shape as unknown as Shape
}
/** An enum's values, through `.nullable()` and `z.array()`. */
function enumValues(schema: z.ZodType): readonly string[] {
  const def = schema.def as { type: string; innerType?: z.ZodType; element?: z.ZodType; entries?: Record<string, string> }
  if (def.type === 'nullable' && def.innerType) return enumValues(def.innerType)
  if (def.type === 'array' && def.element) return enumValues(def.element)
  if (def.type === 'enum' && def.entries) return Object.values(def.entries)
  throw new Error(`not an enum: ${def.type}`)
}

describe('the form fields of each kind', () => {
  it.each(ticketKinds)('%s: one form field for every field of the schema, and no other', (kind) => {
    expect(['kind', ...fieldsOf(kind).map((spec) => spec.name)].sort()).toEqual(Object.keys(shapeOf(kind)).sort())
    expect(formOrder(kind)).toHaveLength(fieldsOf(kind).length)
  })

  it.each(ticketKinds)('%s: each choice offers exactly the values the schema takes', (kind) => {
    for (const spec of fieldsOf(kind)) {
      if (spec.type !== 'choice' && spec.type !== 'multiChoice') continue
      expect([...choiceSets[spec.set]].sort(), `${kind}.${spec.name}`).toEqual([...enumValues(shapeOf(kind)[spec.name]!)].sort())
    }
  })

  it('names kinds and goods-check values as shared/ does, in both languages', () => {
    for (const kind of ticketKinds) {
      expect(zhCN.ticketForm.kinds[kind]).toBe(ticketKindLabels[kind]['zh-CN'])
      expect(en.ticketForm.kinds[kind]).toBe(ticketKindLabels[kind].en)
    }
    for (const value of goodsCheckValues) {
      expect(zhCN.ticketForm.choices.goodsCheck[value]).toBe(goodsCheckLabels[value]['zh-CN'])
      expect(en.ticketForm.choices.goodsCheck[value]).toBe(goodsCheckLabels[value].en)
    }
  })

  it('translates every error code the ticket schemas can give', () => {
    for (const code of Object.keys(zhCN.ticketForm.errors)) {
      if (code.endsWith('_max')) continue
      expect(isTicketErrorCode(code), code).toBe(true)
    }
  })
})

const sameInstant = (a: TicketDetails, b: TicketDetails) => {
  const instants = (details: TicketDetails) => ('incidentAt' in details && details.incidentAt ? Date.parse(details.incidentAt) : null)
  expect(instants(a)).toBe(instants(b))
  const { incidentAt: _a, ...restA } = a as TicketDetails & { incidentAt?: unknown }
  const { incidentAt: _b, ...restB } = b as TicketDetails & { incidentAt?: unknown }
  expect(restA).toEqual(restB)
}

describe('draft ↔ details', () => {
  it.each(ticketKinds)('%s: a saved ticket shown in the form saves back unchanged', (kind) => {
    const saved = ticketDetailsSchema.parse(sampleDetails(kind))
    sameInstant(ticketDetailsSchema.parse(detailsInput(draftFromDetails(saved))), saved)
  })

  it('keeps every kind of data change, old and new, through the form', () => {
    const saved = ticketDetailsSchema.parse(
      sampleDetails('dataChange', {
        changes: [
          { field: 'codAmount', oldValue: 120000, newValue: 98000 },
          { field: 'freight', oldValue: 4500, newValue: 0 },
          { field: 'deliverySurcharge', oldValue: 0, newValue: 1050 },
          { field: 'phoneHold', oldValue: true, newValue: false },
          { field: 'address', oldValue: '成都市武侯区科华北路65号', newValue: '成都市锦江区红星路三段1号' },
          { field: 'contact', oldValue: { name: '王强', phone: '+8613912345678' }, newValue: { name: '王强', phone: '+8613912345679' } },
        ],
      }),
    )
    const draft = draftFromDetails(saved)
    expect((draft.changes as ChangeDraft[]).map((change) => [change.oldValue, change.newValue])).toEqual([
      ['1200.00', '980.00'],
      ['45.00', '0.00'],
      ['0.00', '10.50'],
      [true, false],
      ['成都市武侯区科华北路65号', '成都市锦江区红星路三段1号'],
      [
        { name: '王强', phone: '139 1234 5678' },
        { name: '王强', phone: '139 1234 5679' },
      ],
    ])
    expect(ticketDetailsSchema.parse(detailsInput(draft))).toEqual(saved)
  })

  it('turns 元 into fen, and says which amounts are no amounts', () => {
    const draft: TicketDraft = { ...blankDraft('overcharge'), waybillNo: 'SF123456', chargedFen: '¥1,280.5', correctFen: '1200' }
    expect(detailsInput(draft)).toMatchObject({ chargedFen: 128050, correctFen: 120000 })
    expect(amountProblems(draft)).toEqual({})
    const wrong: TicketDraft = { ...draft, chargedFen: '12.345', correctFen: '200000000' }
    expect(amountProblems(wrong)).toEqual({ chargedFen: 'amount', correctFen: 'amountTooLarge' })
    // The schema sees a missing amount, never a guessed one.
    expect(detailsInput(wrong)).toMatchObject({ chargedFen: undefined, correctFen: undefined })
  })

  it('leaves "later" fields null when blank, and optional text empty', () => {
    const input = detailsInput({ ...blankDraft('complaint'), content: '送货员态度恶劣' })
    expect(input).toMatchObject({ responsibility: null, remedy: null, customerSatisfied: null, incidentAt: null, waybillNo: null })
    expect(detailsInput(blankDraft('trackingInquiry'))).toMatchObject({ goodsCheck: null, note: '', callerPhone: null, customerName: null })
  })

  it('reads a datetime typed on the China clock as the instant it names there, or as none', () => {
    // 00:30 on the 14th in Shenzhen is still the 13th in UTC.
    expect(chinaWallTimeInstant('2026-02-14T00:30')).toBe('2026-02-14T00:30:00+08:00')
    expect(new Date(chinaWallTimeInstant('2026-02-14T00:30')!).toISOString()).toBe('2026-02-13T16:30:00.000Z')
    expect(chinaWallTimeInstant('2026-02-30T10:00')).toBeNull()
    expect(chinaWallTimeInstant('2026-02-14T0')).toBeNull()
    expect(chinaWallTimeInstant('')).toBeNull()
  })

  it('reads a time typed in China as +08:00 wherever the seat is', () => {
    expect(detailsInput({ ...blankDraft('claim'), incidentAt: '2026-02-13T23:30' })).toMatchObject({ incidentAt: '2026-02-13T23:30:00+08:00' })
    expect(draftFromDetails(ticketDetailsSchema.parse(sampleDetails('claim', { incidentAt: '2026-02-13T15:30:00Z' }))).incidentAt).toBe('2026-02-13T23:30')
  })

  it('prefills the caller from the call, formatted as the agent reads it', () => {
    expect(blankDraft('trackingInquiry', { callerPhone: '+8613812345678', customerName: '王先生', waybillNo: 'SF1234567890' })).toMatchObject({
      callerPhone: '138 1234 5678',
      customerName: '王先生',
      waybillNo: 'SF1234567890',
    })
  })

  const tracking: TicketDraft = { ...blankDraft('trackingInquiry', { callerPhone: '13812345678', customerName: '王先生' }), waybillNo: 'SF1234567890', goodsCheck: 'goodsFound', note: '到站未派' }

  it('keeps what two kinds share when the kind is switched, and leaves blank what the new kind cannot hold', () => {
    const { draft: damage } = switchKind(tracking, 'damageShortage')
    expect(damage).toMatchObject({ kind: 'damageShortage', callerPhone: '13812345678', customerName: '王先生', waybillNo: 'SF1234567890', goodsCheck: null })
    expect(switchKind({ ...tracking, goodsCheck: 'damaged' }, 'damageShortage').draft.goodsCheck).toBe('damaged')
    expect(switchKind(tracking, 'misroutedGoods').draft).toMatchObject({ note: '到站未派', waybillNo: 'SF1234567890' })
  })

  it('gives back what a kind held when the agent switches away and back', () => {
    const toDamage = switchKind(tracking, 'damageShortage')
    const damage: TicketDraft = { ...toDamage.draft, description: '外箱破损，内件摔坏', incidentAt: '2026-02-13T23:30' }
    const toTracking = switchKind(damage, 'trackingInquiry', toDamage.stash)
    // The goods check the damage kind could not hold, and the note it has no field for.
    expect(toTracking.draft).toMatchObject({ kind: 'trackingInquiry', waybillNo: 'SF1234567890', goodsCheck: 'goodsFound', note: '到站未派' })
    // And back again: the damage description and incident time are where they were.
    const again = switchKind(toTracking.draft, 'damageShortage', toTracking.stash)
    expect(again.draft).toMatchObject({ description: '外箱破损，内件摔坏', incidentAt: '2026-02-13T23:30', goodsCheck: null })
    // Through a kind that has neither: a claim takes the incident time, the tracking note survives it.
    const claim = switchKind(again.draft, 'claim', again.stash)
    expect(claim.draft).toMatchObject({ incidentAt: '2026-02-13T23:30', waybillNo: 'SF1234567890' })
    expect(switchKind(claim.draft, 'trackingInquiry', claim.stash).draft).toMatchObject({ note: '到站未派', goodsCheck: 'goodsFound' })
  })

  it('keeps the latest value of a field edited under another kind, a cleared one too', () => {
    const toDamage = switchKind(tracking, 'damageShortage')
    const edited: TicketDraft = { ...toDamage.draft, waybillNo: 'SF9999999999', customerName: '', goodsCheck: 'short' }
    const back = switchKind(edited, 'trackingInquiry', toDamage.stash).draft
    expect(back).toMatchObject({ waybillNo: 'SF9999999999', customerName: '', goodsCheck: 'short' })
  })

  it('starts a data change with one row, and a phone-hold row as off → on', () => {
    expect((blankDraft('dataChange').changes as ChangeDraft[]).map((change) => change.field)).toEqual(['codAmount'])
    expect(blankChange('phoneHold')).toMatchObject({ oldValue: false, newValue: true })
  })
})
