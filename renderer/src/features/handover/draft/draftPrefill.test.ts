import { openSeatDeskDb } from '../../../db/schema'
import { callbackScheduled, projectEntries, sampleDetails, ticketOpened, ticketStatusChanged } from '../../../testing/tickets'
import { prefilledPage, resumedPage } from './draftPrefill'

const choice = { pageId: 'p-1', date: '2026-11-23', patternId: 'morning', outgoing: 'A001', incoming: 'A002', lead: 'E001' }

describe('a new page, prefilled', () => {
  it('lists every open ticket the agent owns with its latest status note, their callbacks and their cases', async () => {
    const db = openSeatDeskDb('handover-prefill-test')
    await projectEntries(db, [
      ticketOpened(1, { ticketId: 't-1', kind: 'trackingInquiry', ticketNo: 'BJ01-20261123-0001' }),
      ticketOpened(2, { ticketId: 't-2', details: sampleDetails('damageShortage'), ticketNo: 'BJ01-20261123-0002' }),
      // Someone else's ticket, and one of mine already resolved: neither is handed over.
      ticketOpened(3, { ticketId: 't-3', owner: 'A002', ticketNo: 'BJ01-20261123-0003' }),
      ticketOpened(4, { ticketId: 't-4', kind: 'consultation', ticketNo: 'BJ01-20261123-0004' }),
      ticketStatusChanged(5, { ticketId: 't-1', status: 'inProgress', note: '已联系网点，等回电' }),
      ticketStatusChanged(6, { ticketId: 't-4', status: 'resolved' }),
      callbackScheduled(7, { ticketId: 't-1', callbackId: 'cb-1', dueAt: '2026-11-24T02:00:00.000Z', note: '告知结果' }),
    ])
    const page = await prefilledPage(db, choice)
    expect(page.tickets.map((item) => [item.ticketNo, item.kind, item.nextStep])).toEqual([
      ['BJ01-20261123-0001', 'trackingInquiry', '已联系网点，等回电'],
      ['BJ01-20261123-0002', 'damageShortage', ''],
    ])
    expect(page.tickets[0]?.dueAt).toBe((await db.tickets.get('t-1'))?.nextDueAt)
    expect(page.callbacks).toEqual([{ callbackId: 'cb-1', ticketId: 't-1', ticketNo: 'BJ01-20261123-0001', dueAt: '2026-11-24T02:00:00.000Z', note: '告知结果' }])
    expect(page.cases).toEqual([{ ticketId: 't-2', ticketNo: 'BJ01-20261123-0002', kind: 'damageShortage', summary: '外箱破损，两台显示器屏幕碎裂' }])
    expect(page).toMatchObject({ ...choice, leftoverGoods: [], equipmentFaults: [], notices: [], remarks: '' })
  })
})

describe('a saved draft, carried on', () => {
  it('lists the tickets the agent owns now, keeping what they wrote, and keeps their goods, faults, notices and remarks', async () => {
    const db = openSeatDeskDb('handover-resume-test')
    // The draft as saved, with t-1 and t-2; since then t-2 was resolved and t-3 opened.
    const saved = {
      ...choice,
      incoming: 'A003',
      tickets: [
        { ticketId: 't-1', ticketNo: 'BJ01-20261123-0001', kind: 'trackingInquiry' as const, nextStep: '明早致电网点', dueAt: null },
        { ticketId: 't-2', ticketNo: 'BJ01-20261123-0002', kind: 'trackingInquiry' as const, nextStep: '等客户回电', dueAt: null },
      ],
      callbacks: [{ callbackId: 'cb-1', ticketId: 't-1', ticketNo: 'BJ01-20261123-0001', dueAt: '2026-11-24T02:00:00.000Z', note: '告知结果并致歉' }],
      cases: [],
      leftoverGoods: [{ itemId: 'g-1', waybillNo: 'SF1234567890', description: '两箱在仓库', branchTold: true }],
      equipmentFaults: [],
      notices: [{ itemId: 'n-1', text: '明早系统升级' }],
      remarks: '交接顺利',
    }
    await projectEntries(db, [
      ticketOpened(1, { ticketId: 't-1', ticketNo: 'BJ01-20261123-0001' }),
      ticketOpened(2, { ticketId: 't-2', ticketNo: 'BJ01-20261123-0002' }),
      callbackScheduled(3, { ticketId: 't-1', callbackId: 'cb-1', dueAt: '2026-11-24T02:00:00.000Z', note: '告知结果' }),
      ticketStatusChanged(4, { ticketId: 't-2', status: 'resolved' }),
      ticketOpened(5, { ticketId: 't-3', ticketNo: 'BJ01-20261123-0005' }),
      ticketStatusChanged(6, { ticketId: 't-3', status: 'inProgress', note: '已转分公司' }),
    ])
    const resumed = resumedPage(saved, await prefilledPage(db, { ...choice, incoming: 'A003' }))
    expect(resumed.tickets.map((item) => [item.ticketId, item.nextStep])).toEqual([
      ['t-1', '明早致电网点'],
      ['t-3', '已转分公司'],
    ])
    expect(resumed.tickets[0]?.dueAt).toBe((await db.tickets.get('t-1'))?.nextDueAt)
    expect(resumed.callbacks.map((item) => item.note)).toEqual(['告知结果并致歉'])
    expect(resumed).toMatchObject({ ...choice, incoming: 'A003', leftoverGoods: saved.leftoverGoods, notices: saved.notices, remarks: '交接顺利' })
  })
})
