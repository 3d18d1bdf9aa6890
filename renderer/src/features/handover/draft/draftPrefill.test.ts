import { openSeatDeskDb } from '../../../db/schema'
import { callbackScheduled, projectEntries, sampleDetails, ticketOpened, ticketStatusChanged } from '../../../testing/tickets'
import { prefilledPage } from './draftPrefill'

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
