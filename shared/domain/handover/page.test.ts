import { describe, expect, it } from 'vitest'
import { handoverItemRefs, handoverPageSchema } from './page'

const page = {
  pageId: 'p-1',
  date: '2026-11-25',
  patternId: 'morning',
  outgoing: 'A001',
  incoming: 'A002',
  lead: 'L001',
  tickets: [{ ticketId: 't-1', ticketNo: 'SZ01-20261125-0001', kind: 'overcharge', nextStep: '等财务退款后回电客户', dueAt: '2026-11-25T06:00:00.000Z' }],
  callbacks: [{ callbackId: 'cb-1', ticketId: 't-1', ticketNo: 'SZ01-20261125-0001', dueAt: '2026-11-25T08:00:00.000Z', note: '告知退款到账' }],
  leftoverGoods: [{ itemId: 'g-1', waybillNo: 'sf1234567890', description: '家电 2 件，收货人未提', branchTold: true }],
  cases: [],
  equipmentFaults: [{ itemId: 'f-1', description: '3 号耳机有杂音', reported: false }],
  notices: [{ itemId: 'n-1', text: '明日起长沙线路运价调整' }],
  remarks: '',
}

describe('a handover page', () => {
  it('carries what the next shift must carry on, with stable item references', () => {
    const parsed = handoverPageSchema.parse(page)
    expect(parsed.leftoverGoods[0]?.waybillNo).toBe('SF1234567890')
    expect(handoverItemRefs(parsed)).toEqual(['tickets:t-1', 'callbacks:cb-1', 'leftoverGoods:g-1', 'equipmentFaults:f-1', 'notices:n-1'])
  })

  it('needs a next step for every ticket and someone else to hand over to', () => {
    const blankStep = { ...page, tickets: [{ ...page.tickets[0], nextStep: ' ' }] }
    expect(handoverPageSchema.safeParse(blankStep).error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['tickets.0.nextStep', 'required']])
    expect(handoverPageSchema.safeParse({ ...page, incoming: 'A001' }).error?.issues.map((issue) => issue.message)).toEqual(['incomingIsOutgoing'])
  })
})
