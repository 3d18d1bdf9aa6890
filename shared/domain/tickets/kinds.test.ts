import { describe, expect, it } from 'vitest'
import { resolutionGaps, ticketDetailsSchema, ticketIssues, ticketKinds, type TicketDetailsInput } from './kinds'

// One valid ticket of each kind, with the Chinese an agent would type.
const caller = { callerPhone: '138 1234 5678', customerName: '张伟', callerRole: 'consignee' } as const
const valid = {
  trackingInquiry: { kind: 'trackingInquiry', ...caller, waybillNo: 'sf1234567890', goodsCheck: 'goodsFound', note: '客户询问货物是否到站' },
  consultation: {
    kind: 'consultation', ...caller, subject: 'price', question: '广州到成都300公斤多少钱?', origin: '广州', destination: '成都', quotedFen: 45000, answer: null,
  },
  orderPickup: {
    kind: 'orderPickup', ...caller,
    shipper: { name: '李娜', phone: '0755-86001234' },
    consignee: { name: '王强', phone: '13912345678', address: '四川省成都市武侯区科华北路65号' },
    goodsName: '五金配件', quantity: 12, packaging: '纸箱', pickupAddress: '深圳市宝安区西乡街道固戍一路8号',
    pickupDate: '2026-03-02', insuranceOffered: true, insuranceAccepted: true, declaredValueFen: 500000, note: '',
  },
  dataChange: {
    kind: 'dataChange', ...caller, waybillNo: 'DB2026030200017', requestedBy: 'shipper',
    changes: [
      { field: 'codAmount', oldValue: 120000, newValue: 98000 },
      { field: 'phoneHold', oldValue: false, newValue: true },
      { field: 'address', oldValue: '成都市武侯区科华北路65号', newValue: '成都市锦江区红星路三段1号' },
    ],
    reason: '发货人来电更正代收款', branchNotified: 'notYet',
  },
  overcharge: { kind: 'overcharge', ...caller, waybillNo: 'ZT776655443322', chargedFen: 18000, correctFen: 15000, explanation: '按重货收费,实际为轻货', apologised: true },
  damageShortage: {
    kind: 'damageShortage', ...caller, waybillNo: 'YD100200300', goodsCheck: 'damaged', description: '外箱破损,内有两台显示器屏幕碎裂',
    incidentAt: '2026-03-01T15:20:00+08:00', photosRequestedFromBranch: true, valuables: true, cctvRequested: true,
    responsibleLink: 'transfer', estimatedLossFen: 260000, reportedToFinance: false,
  },
  misroutedGoods: {
    kind: 'misroutedGoods', ...caller, waybillNo: 'ABC123456', otherWaybillNo: 'ABC123457',
    rightfulConsignee: { name: '陈静', phone: '13700001111' }, wrongConsignee: { name: '刘洋', phone: '13600002222' },
    valueDifferenceFen: 30000, remedy: 'swap', note: '两票货同日到站,装车时互换',
  },
  complaint: {
    kind: 'complaint', ...caller, waybillNo: 'SF1234567890', source: 'customer', content: '送货员态度恶劣,未送货上门却要求加收送货费',
    incidentAt: '2026-09-28T10:00:00+08:00', writtenClaim: false, majorIncident: false, beyondAuthority: false,
    responsibility: null, remedy: null, customerSatisfied: null,
  },
  claim: {
    kind: 'claim', ...caller, waybillNo: 'SF1234567890', lossType: 'lost', incidentAt: '2026-11-02T09:00:00+08:00',
    insuredValueFen: 1000000, lossFen: 800000, documents: ['waybillCopy', 'lossList', 'policeReceipt'], insurer: 'cpic', beyondAuthority: false,
  },
  businessLead: {
    kind: 'businessLead', ...caller, branchArea: '东莞分公司(长安镇)', branchContact: { name: '周经理', phone: '0769-85331234' },
    branchContactGiven: true, goodsDescription: '每周两车电子元件发往武汉', shipperReachedBranch: null,
  },
  returnVisit: { kind: 'returnVisit', ...caller, way: 'phone', opinion: '送货及时,司机服务好', suggestion: '希望能提供上门取件预约', satisfaction: 'satisfied' },
} satisfies Record<(typeof ticketKinds)[number], TicketDetailsInput>

const issuesOf = (input: unknown) => {
  const result = ticketDetailsSchema.safeParse(input)
  return result.success ? [] : ticketIssues(result.error)
}

describe('ticketDetailsSchema: valid tickets', () => {
  it('has one example for each of the 11 kinds', () => {
    expect(Object.keys(valid).sort()).toEqual([...ticketKinds].sort())
  })

  it.each(Object.values(valid).map((ticket) => [ticket.kind, ticket] as const))('%s parses', (_kind, ticket) => {
    expect(issuesOf(ticket)).toEqual([])
  })

  it('stores phones in E.164 and waybill numbers upper-case, and re-validates what it stored', () => {
    const parsed = ticketDetailsSchema.parse(valid.orderPickup)
    expect(parsed).toMatchObject({ callerPhone: '+8613812345678', shipper: { phone: '+8675586001234' } })
    expect(ticketDetailsSchema.parse(valid.trackingInquiry)).toMatchObject({ waybillNo: 'SF1234567890' })
    expect(ticketDetailsSchema.parse(parsed)).toEqual(parsed)
  })

  it.each([
    ['withheld number and no name', { ...valid.trackingInquiry, callerPhone: null, customerName: null, callerRole: null }],
    ['a service short code', { ...valid.trackingInquiry, callerPhone: '95338' }],
    ['waybill 6 characters', { ...valid.trackingInquiry, waybillNo: 'A12345' }],
    ['waybill 30 characters', { ...valid.trackingInquiry, waybillNo: '1'.repeat(30) }],
    ['goods check not yet known', { ...valid.trackingInquiry, goodsCheck: null }],
    ['a service question needs no route', { ...valid.consultation, subject: 'service', origin: '', destination: '' }],
    ['insurance offered and refused', { ...valid.orderPickup, insuranceAccepted: false, declaredValueFen: null }],
    ['contact change', { ...valid.dataChange, changes: [{ field: 'contact', oldValue: { name: '王强', phone: '13912345678' }, newValue: { name: '王强', phone: '13912345679' } }] }],
    ['no overcharge by one fen', { ...valid.overcharge, chargedFen: 15001 }],
    ['damage to ordinary goods without CCTV', { ...valid.damageShortage, valuables: false, cctvRequested: false }],
    ['misroute with no second waybill and no remedy yet', { ...valid.misroutedGoods, otherWaybillNo: null, remedy: null, valueDifferenceFen: 0 }],
    ['complaint forwarded by the regulator, no waybill', { ...valid.complaint, source: 'regulatorForwarded', waybillNo: null }],
    ['claim for damage, no documents yet', { ...valid.claim, lossType: 'damaged', documents: [], insurer: null }],
    ['return visit on site, no suggestion', { ...valid.returnVisit, way: 'onSite', suggestion: '', satisfaction: null }],
  ])('accepts %s', (_name, ticket) => {
    expect(issuesOf(ticket)).toEqual([])
  })
})

describe('ticketDetailsSchema: invalid tickets say which field and why', () => {
  const { note: _note, ...trackingWithoutNote } = valid.trackingInquiry
  it.each([
    ['unknown kind', { ...valid.returnVisit, kind: 'gossip' }, 'kind', 'ticketKind'],
    ['unknown field', { ...valid.returnVisit, mood: 'happy' }, '', 'unknownField'],
    ['missing field', trackingWithoutNote, 'note', 'required'],
    ['invalid caller phone', { ...valid.trackingInquiry, callerPhone: '12345678901' }, 'callerPhone', 'phone'],
    ['fixed line without area code', { ...valid.trackingInquiry, callerPhone: '86001234' }, 'callerPhone', 'phoneNeedsAreaCode'],
    ['blank customer name', { ...valid.trackingInquiry, customerName: '   ' }, 'customerName', 'required'],
    ['customer name too long', { ...valid.trackingInquiry, customerName: '张'.repeat(41) }, 'customerName', 'tooLong'],
    ['waybill too short', { ...valid.trackingInquiry, waybillNo: 'A1234' }, 'waybillNo', 'waybillNo'],
    ['waybill too long', { ...valid.trackingInquiry, waybillNo: '1'.repeat(31) }, 'waybillNo', 'waybillNo'],
    ['waybill with punctuation', { ...valid.trackingInquiry, waybillNo: 'SF-123456' }, 'waybillNo', 'waybillNo'],
    ['unknown goods check', { ...valid.trackingInquiry, goodsCheck: 'lost' }, 'goodsCheck', 'choose'],
    ['price question without a destination', { ...valid.consultation, destination: ' ' }, 'destination', 'routeEndRequired'],
    ['blank question', { ...valid.consultation, question: '' }, 'question', 'required'],
    ['quote in yuan with decimals', { ...valid.consultation, quotedFen: 450.5 }, 'quotedFen', 'amountWholeFen'],
    ['insured without a value', { ...valid.orderPickup, declaredValueFen: null }, 'declaredValueFen', 'declaredValueRequired'],
    ['insurance accepted but never offered', { ...valid.orderPickup, insuranceOffered: false }, 'insuranceAccepted', 'insuranceNotOffered'],
    ['zero quantity', { ...valid.orderPickup, quantity: 0 }, 'quantity', 'quantityPositive'],
    ['consignee without address', { ...valid.orderPickup, consignee: { ...valid.orderPickup.consignee, address: '' } }, 'consignee.address', 'required'],
    ['shipper phone invalid', { ...valid.orderPickup, shipper: { name: '李娜', phone: '123' } }, 'shipper.phone', 'phone'],
    ['no change listed', { ...valid.dataChange, changes: [] }, 'changes', 'changeRequired'],
    ['new value equals old', { ...valid.dataChange, changes: [{ field: 'freight', oldValue: 5000, newValue: 5000 }] }, 'changes.0.newValue', 'unchangedValue'],
    ['phone hold unchanged', { ...valid.dataChange, changes: [{ field: 'phoneHold', oldValue: true, newValue: true }] }, 'changes.0.newValue', 'unchangedValue'],
    ['negative surcharge', { ...valid.dataChange, changes: [{ field: 'deliverySurcharge', oldValue: 0, newValue: -100 }] }, 'changes.0.newValue', 'amountNegative'],
    ['unknown changed field', { ...valid.dataChange, changes: [{ field: 'weight', oldValue: 1, newValue: 2 }] }, 'changes.0.field', 'changedField'],
    ['the same field twice', { ...valid.dataChange, changes: [valid.dataChange.changes[0], { field: 'codAmount', oldValue: 1, newValue: 2 }] }, 'changes', 'duplicateChangedField'],
    ['charged equals correct', { ...valid.overcharge, chargedFen: 15000 }, 'chargedFen', 'chargedNotAboveCorrect'],
    ['charged below correct', { ...valid.overcharge, chargedFen: 10000 }, 'chargedFen', 'chargedNotAboveCorrect'],
    ['amount above 1 亿元', { ...valid.overcharge, chargedFen: 100_000_000_01 }, 'chargedFen', 'amountTooLarge'],
    ['amount as a string', { ...valid.overcharge, chargedFen: '180.00' }, 'chargedFen', 'required'],
    ['damage check value not damage or short', { ...valid.damageShortage, goodsCheck: 'goodsFound' }, 'goodsCheck', 'choose'],
    ['valuables without CCTV', { ...valid.damageShortage, cctvRequested: false }, 'cctvRequested', 'cctvRequiredForValuables'],
    ['incident time without offset', { ...valid.damageShortage, incidentAt: '2026-03-01 15:20' }, 'incidentAt', 'instant'],
    ['misroute to the same consignee', { ...valid.misroutedGoods, wrongConsignee: { name: '陈静', phone: '137 0000 1111' } }, 'wrongConsignee.phone', 'sameConsignee'],
    ['misroute remedy unknown', { ...valid.misroutedGoods, remedy: 'refund' }, 'remedy', 'choose'],
    ['misroute crossing itself', { ...valid.misroutedGoods, otherWaybillNo: 'abc123456' }, 'otherWaybillNo', 'sameWaybill'],
    ['complaint without content', { ...valid.complaint, content: '' }, 'content', 'required'],
    ['complaint content too long', { ...valid.complaint, content: '慢'.repeat(1001) }, 'content', 'tooLong'],
    ['complaint satisfaction as text', { ...valid.complaint, customerSatisfied: '满意' }, 'customerSatisfied', 'required'],
    ['claim without loss', { ...valid.claim, lossFen: 0 }, 'lossFen', 'lossRequired'],
    ['claim document listed twice', { ...valid.claim, documents: ['invoice', 'invoice'] }, 'documents', 'duplicateDocument'],
    ['claim document unknown', { ...valid.claim, documents: ['selfie'] }, 'documents.0', 'choose'],
    ['lead without the branch contact given', { ...valid.businessLead, branchContactGiven: false }, 'branchContactGiven', 'branchContactNotGiven'],
    ['lead without branch area', { ...valid.businessLead, branchArea: '' }, 'branchArea', 'required'],
    ['visit way unknown', { ...valid.returnVisit, way: 'email' }, 'way', 'choose'],
    ['visit without opinion', { ...valid.returnVisit, opinion: '  ' }, 'opinion', 'required'],
  ])('refuses %s', (_name, ticket, path, code) => {
    expect(issuesOf(ticket)).toContainEqual({ path, code })
  })
})

describe('resolutionGaps', () => {
  const parse = (input: TicketDetailsInput) => ticketDetailsSchema.parse(input)

  it('lists what the investigation must bring before a complaint is resolved', () => {
    expect(resolutionGaps(parse(valid.complaint))).toEqual([
      { path: 'responsibility', code: 'requiredToResolve' },
      { path: 'remedy', code: 'requiredToResolve' },
      { path: 'customerSatisfied', code: 'requiredToResolve' },
    ])
    expect(resolutionGaps(parse({ ...valid.complaint, responsibility: '送货员', remedy: '退还送货费并致歉', customerSatisfied: true }))).toEqual([])
  })

  it.each([
    ['trackingInquiry', { ...valid.trackingInquiry, goodsCheck: null }, 'goodsCheck', 'requiredToResolve'],
    ['consultation', valid.consultation, 'answer', 'requiredToResolve'],
    ['dataChange', valid.dataChange, 'branchNotified', 'branchNotNotified'],
    ['overcharge', { ...valid.overcharge, apologised: false }, 'apologised', 'apologyRequired'],
    ['damageShortage', valid.damageShortage, 'reportedToFinance', 'financeNotInformed'],
    ['misroutedGoods', { ...valid.misroutedGoods, remedy: null }, 'remedy', 'requiredToResolve'],
    ['claim', { ...valid.claim, documents: ['waybillCopy' as const] }, 'documents', 'policeReceiptRequired'],
    ['businessLead', valid.businessLead, 'shipperReachedBranch', 'requiredToResolve'],
  ] satisfies [string, TicketDetailsInput, string, string][])('%s: %s', (_kind, ticket, path, code) => {
    expect(resolutionGaps(parse(ticket))).toContainEqual({ path, code })
  })

  it('has nothing to wait for on an order or a return visit', () => {
    expect(resolutionGaps(parse(valid.orderPickup))).toEqual([])
    expect(resolutionGaps(parse(valid.returnVisit))).toEqual([])
  })
})
