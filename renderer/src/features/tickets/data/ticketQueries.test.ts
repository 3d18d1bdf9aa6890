import { openSeatDeskDb, type SeatDeskDb, type TicketRow } from '../../../db/schema'
import { recordTableReads } from '../../../testing/tableReads'
import {
  callbackScheduled,
  customerSaved,
  projectEntries,
  sampleDetails,
  ticketNoteAdded,
  ticketOpened,
  ticketStatusChanged,
  transferDeclined,
  transferOffered,
} from '../../../testing/tickets'
import {
  customerByPhone,
  DUE_SOON_MS,
  dueTickets,
  findTickets,
  pendingTransfersFor,
  pendingTransfersFrom,
  repeatCallerTickets,
  searchCustomers,
  searchTickets,
  ticketCallbacks,
  ticketsOfCall,
  ticketTimeline,
} from './ticketQueries'

let dbCount = 0
const freshDb = () => openSeatDeskDb(`ticket-queries-test-${++dbCount}`)
const at = (ts: string, actor = 'A001') => ({ ts, actor })
const ids = (rows: { ticketId: string }[]) => rows.map((row) => row.ticketId)

// Four tickets over three days in China (+08:00): two callers share the last 4 digits 5678.
function history() {
  return [
    ticketOpened(
      1,
      { ticketId: 't-1', ticketNo: 'BJ01-20261120-0001', details: sampleDetails('trackingInquiry') },
      at('2026-11-20T02:00:00.000Z'),
    ),
    ticketOpened(
      2,
      {
        ticketId: 't-2',
        ticketNo: 'BJ01-20261122-0001',
        owner: 'A002',
        details: sampleDetails('misroutedGoods', { callerPhone: '+8613912340001', customerName: '李娜' }),
      },
      // 01:00 on 22 November in China.
      at('2026-11-21T17:00:00.000Z', 'A002'),
    ),
    ticketOpened(
      3,
      { ticketId: 't-3', ticketNo: 'BJ01-20261122-0002', details: sampleDetails('overcharge', { customerName: '王建国' }), callId: 'call-1' },
      // The last millisecond of 22 November in China.
      at('2026-11-22T15:59:59.999Z'),
    ),
    ticketOpened(
      4,
      {
        ticketId: 't-4',
        ticketNo: 'BJ01-20261123-0001',
        owner: 'A002',
        details: sampleDetails('complaint', { callerPhone: '+8613700005678', customerName: '张伟' }),
        callId: 'call-1',
      },
      at('2026-11-23T01:00:00.000Z', 'A002'),
    ),
    ticketStatusChanged(5, { ticketId: 't-3', status: 'resolved' }, at('2026-11-23T01:10:00.000Z')),
    ticketStatusChanged(6, { ticketId: 't-3', status: 'closed' }, at('2026-11-23T01:20:00.000Z')),
    ticketNoteAdded(7, { ticketId: 't-1', text: '客户再次来电催件', callId: 'call-1' }, at('2026-11-23T01:30:00.000Z', 'A002')),
  ]
}

async function seeded(): Promise<SeatDeskDb> {
  const db = freshDb()
  await projectEntries(db, history())
  return db
}

describe('searchTickets', () => {
  let db: SeatDeskDb
  beforeAll(async () => {
    db = await seeded()
  })

  it('by ticket number, however it is typed', async () => {
    expect(ids(await searchTickets(db, { text: ' bj01-20261120-0001 ' }))).toEqual(['t-1'])
  })

  it('by waybill, either of a misroute’s two', async () => {
    expect(ids(await searchTickets(db, { text: 'sf1234567894' }))).toEqual(['t-2'])
    expect(ids(await searchTickets(db, { text: 'SF1234567895' }))).toEqual(['t-2'])
    expect(await searchTickets(db, { text: 'SF0000000000' })).toEqual([])
  })

  it('by a full phone as typed, newest first', async () => {
    expect(ids(await searchTickets(db, { text: '138 1234 5678' }))).toEqual(['t-3', 't-1'])
    expect(ids(await searchTickets(db, { text: '+86 139-1234-0001' }))).toEqual(['t-2'])
  })

  it('an 11-digit number as a phone and as an all-digit waybill at once; with spaces, as a phone only', async () => {
    const withDigitWaybill = freshDb()
    await projectEntries(withDigitWaybill, [
      ...history(),
      ticketOpened(
        8,
        { ticketId: 't-5', ticketNo: 'BJ01-20261123-0002', details: sampleDetails('trackingInquiry', { callerPhone: '+8613900000000', waybillNo: '13812345678' }) },
        at('2026-11-23T02:00:00.000Z'),
      ),
    ])
    expect(ids(await searchTickets(withDigitWaybill, { text: '13812345678' }))).toEqual(['t-5', 't-3', 't-1'])
    expect(ids(await searchTickets(withDigitWaybill, { text: '138 1234 5678' }))).toEqual(['t-3', 't-1'])
  })

  it('by the last 4 digits of the phone', async () => {
    expect(ids(await searchTickets(db, { text: '5678' }))).toEqual(['t-4', 't-3', 't-1'])
    expect(ids(await searchTickets(db, { text: '0001' }))).toEqual(['t-2'])
  })

  it('by the start of the customer’s name', async () => {
    expect(ids(await searchTickets(db, { text: '王' }))).toEqual(['t-3', 't-1'])
    expect(ids(await searchTickets(db, { text: '王建' }))).toEqual(['t-3'])
  })

  it('text narrowed by kind, status and owner', async () => {
    expect(ids(await searchTickets(db, { text: '5678', status: 'closed' }))).toEqual(['t-3'])
    expect(ids(await searchTickets(db, { text: '5678', kind: 'complaint' }))).toEqual(['t-4'])
    expect(ids(await searchTickets(db, { text: '5678', owner: 'A001' }))).toEqual(['t-3', 't-1'])
  })

  it('filters alone', async () => {
    expect(ids(await searchTickets(db, { kind: 'complaint' }))).toEqual(['t-4'])
    expect(ids(await searchTickets(db, { owner: 'A002' }))).toEqual(['t-4', 't-2'])
    expect(ids(await searchTickets(db, { status: 'open', owner: 'A001' }))).toEqual(['t-1'])
    expect(ids(await searchTickets(db, {}))).toEqual(['t-4', 't-3', 't-2', 't-1'])
    expect(ids(await searchTickets(db, {}, 2))).toEqual(['t-4', 't-3'])
  })

  it('by date range, in China dates on the opening', async () => {
    expect(ids(await searchTickets(db, { from: '2026-11-22', to: '2026-11-22' }))).toEqual(['t-3', 't-2'])
    expect(ids(await searchTickets(db, { from: '2026-11-23' }))).toEqual(['t-4'])
    expect(ids(await searchTickets(db, { to: '2026-11-21' }))).toEqual(['t-1'])
    expect(ids(await searchTickets(db, { text: '5678', from: '2026-11-21', to: '2026-11-22' }))).toEqual(['t-3'])
  })
})

/** The ticket rows a search reads from IndexedDB (index-only reads cost nothing; a cursor over rows is unbounded). */
function countTicketRows(db: SeatDeskDb) {
  const recorder = recordTableReads(db)
  return {
    async during<T>(run: () => Promise<T>): Promise<{ result: T; rows: number }> {
      const { result, reads } = await recorder.during(run)
      return { result, rows: reads.filter((read) => read.table === 'tickets').reduce((sum, read) => sum + read.rows, 0) }
    },
  }
}

describe('searches over a year of tickets read a bounded number of rows', () => {
  let db: SeatDeskDb
  let counter: ReturnType<typeof countTicketRows>
  const hourly = (from: string, index: number) => new Date(Date.parse(from) + index * 3_600_000).toISOString()

  // On top of the four tickets of history() (November 2026): 1100 open tracking inquiries of A001's and
  // 1100 complaints of A002's waiting on the customer, hourly from January 2026, and — older than all of
  // them — 12 complaints of A001's waiting: a walk along openedAt would read every ticket to find them.
  beforeAll(async () => {
    db = freshDb()
    counter = countTicketRows(db)
    await projectEntries(db, history())
    const template = (await db.tickets.get('t-1')) as TicketRow
    let seq = 1000
    const clone = (ticketId: string, fields: Partial<TicketRow>): TicketRow => ({
      ...template,
      ticketId,
      ticketNo: `BJ01-20260101-${String(++seq).padStart(4, '0')}`,
      openedSeq: seq,
      ...fields,
    })
    await db.tickets.bulkPut([
      ...Array.from({ length: 1100 }, (_, index) =>
        clone(`a-${index}`, { owner: 'A001', status: 'inProgress', kind: 'trackingInquiry', customerName: '王小明', openedAt: hourly('2026-01-01T00:00:00.000Z', index) }),
      ),
      ...Array.from({ length: 1100 }, (_, index) =>
        clone(`b-${index}`, { owner: 'A002', status: 'waiting', kind: 'complaint', customerName: '赵敏', openedAt: hourly('2026-01-01T00:30:00.000Z', index) }),
      ),
      ...Array.from({ length: 12 }, (_, index) =>
        clone(`c-${index}`, { owner: 'A001', status: 'waiting', kind: 'complaint', customerName: '王小明', openedAt: hourly('2025-06-01T00:00:00.000Z', index * 24) }),
      ),
    ])
  })

  const twelve = Array.from({ length: 12 }, (_, index) => `c-${11 - index}`)

  it.each([
    ['owner and status', { owner: 'A001', status: 'waiting' }],
    ['owner and kind', { owner: 'A001', kind: 'complaint' }],
    ['owner, kind and status', { owner: 'A001', kind: 'complaint', status: 'waiting' }],
  ] as const)('%s, each naming over a thousand tickets with 12 in common: reads those 12 rows', async (_filters, criteria) => {
    const { result, rows } = await counter.during(() => findTickets(db, criteria))
    expect(ids(result.tickets)).toEqual(twelve)
    expect(result.truncated).toBe(false)
    expect(rows).toBe(12)
  })

  it('one filter, or none, reads only the page it shows', async () => {
    const waiting = await counter.during(() => findTickets(db, { status: 'waiting' }, 30))
    expect(ids(waiting.result.tickets)).toEqual(Array.from({ length: 30 }, (_, index) => `b-${1099 - index}`))
    expect(waiting.rows).toBe(30)
    const newest = await counter.during(() => findTickets(db, {}, 6))
    expect(ids(newest.result.tickets)).toEqual(['t-4', 't-3', 't-2', 't-1', 'b-1099', 'a-1099'])
    expect(newest.rows).toBe(6)
    // 1 and 2 January in China: from 2025-12-31T16:00Z to 2026-01-02T16:00Z, hourly from 00:00Z.
    const inJanuary = await counter.during(() => findTickets(db, { owner: 'A001', from: '2026-01-01', to: '2026-01-02' }))
    expect(inJanuary.result.tickets).toHaveLength(40)
    expect(inJanuary.result.tickets[0]?.ticketId).toBe('a-39')
    expect(inJanuary.rows).toBe(40)
  })

  it('a name shared by over a thousand tickets is walked newest first and stops at the limit', async () => {
    const common = await counter.during(() => findTickets(db, { text: '王小' }, 5))
    expect(ids(common.result.tickets)).toEqual(['a-1099', 'a-1098', 'a-1097', 'a-1096', 'a-1095'])
    expect(common.rows).toBeLessThan(50)
    // The walk keeps the order across all of them: the November tickets are newer than January's.
    expect(ids(await searchTickets(db, { text: '王' }, 3))).toEqual(['t-3', 't-1', 'a-1099'])
    // Narrowed to filters naming few tickets, the walk reads only theirs.
    const narrowed = await counter.during(() => findTickets(db, { text: '王小', owner: 'A001', status: 'waiting' }))
    expect(ids(narrowed.result.tickets)).toEqual(twelve)
    expect(narrowed.rows).toBe(12)
    // A rarer name is read through its index.
    const rare = await counter.during(() => findTickets(db, { text: '王先' }))
    expect(ids(rare.result.tickets)).toEqual(['t-1'])
    expect(rare.rows).toBe(1)
  })

  it('a ticket no., a waybill or a phone reads only the tickets it names, whatever the names on the seat', async () => {
    const byNumber = await counter.during(() => findTickets(db, { text: 'BJ01-20261122-0001' }))
    expect(ids(byNumber.result.tickets)).toEqual(['t-2'])
    expect(byNumber.rows).toBe(1)
    // Letters and digits: a waybill, never the start of someone's name.
    const byWaybill = await counter.during(() => findTickets(db, { text: 'sf1234567895' }))
    expect(ids(byWaybill.result.tickets)).toEqual(['t-2'])
    expect(byWaybill.rows).toBe(1)
    // Eleven digits are looked up as a phone and as an all-digit waybill, and as nobody's name.
    const byPhone = await counter.during(() => findTickets(db, { text: '13912340001' }))
    expect(ids(byPhone.result.tickets)).toEqual(['t-2'])
    expect(byPhone.rows).toBe(1)
  })

  it('stops at the scan cap and says so when the matches are rarer than that', async () => {
    const cap = 500
    // Both lists run past the cap: the owner's newest 500 are walked, and the 12 are older.
    const pairing = await counter.during(() => findTickets(db, { owner: 'A001', kind: 'complaint' }, 50, cap))
    expect(pairing.result).toEqual({ tickets: [], truncated: true })
    expect(pairing.rows).toBeLessThanOrEqual(cap)
    const name = await counter.during(() => findTickets(db, { text: '王小', kind: 'complaint' }, 50, cap))
    expect(name.result).toEqual({ tickets: [], truncated: true })
    expect(name.rows).toBeLessThanOrEqual(cap)
    // Common matches fill the page well within the cap: nothing was left unread that could be shown.
    const dense = await counter.during(() => findTickets(db, { text: '赵' }, 50, cap))
    expect(dense.result.tickets).toHaveLength(50)
    expect(dense.result.truncated).toBe(false)
    expect(dense.rows).toBeLessThanOrEqual(cap)
    // A range that ends within the cap was read whole: no more to find.
    const few = await counter.during(() => findTickets(db, { text: '王小', owner: 'A001', kind: 'complaint' }, 50, 2000))
    expect(ids(few.result.tickets)).toEqual(twelve)
    expect(few.result.truncated).toBe(false)
  })
})

describe('repeat callers, calls and timelines', () => {
  let db: SeatDeskDb
  beforeAll(async () => {
    db = await seeded()
  })

  it('a repeat caller’s open tickets by phone or by any waybill, newest first', async () => {
    // t-3 has the same phone but is closed.
    expect(ids(await repeatCallerTickets(db, { phone: '+8613812345678', waybillNo: null }))).toEqual(['t-1'])
    expect(ids(await repeatCallerTickets(db, { phone: null, waybillNo: 'sf1234567895' }))).toEqual(['t-2'])
    expect(ids(await repeatCallerTickets(db, { phone: '13912340001', waybillNo: 'SF1234567890' }))).toEqual(['t-2', 't-1'])
    expect((await repeatCallerTickets(db, { phone: '+8613812345678', waybillNo: null }))[0]?.owner).toBe('A001')
    expect(await repeatCallerTickets(db, { phone: null, waybillNo: null })).toEqual([])
  })

  it('the tickets a call opened or changed, in the order they were opened', async () => {
    expect(ids(await ticketsOfCall(db, 'call-1'))).toEqual(['t-1', 't-3', 't-4'])
    expect(await ticketsOfCall(db, 'call-2')).toEqual([])
  })

  it('a ticket’s timeline, oldest first', async () => {
    expect((await ticketTimeline(db, 't-3')).map((event) => [event.kind, event.data.status ?? null])).toEqual([
      ['opened', null],
      ['statusChanged', 'resolved'],
      ['statusChanged', 'closed'],
    ])
  })

  it('a ticket’s callbacks, soonest first', async () => {
    const withCallbacks = freshDb()
    await projectEntries(withCallbacks, [
      ...history(),
      callbackScheduled(8, { ticketId: 't-1', callbackId: 'cb-late', dueAt: '2026-11-24T08:00:00.000Z' }),
      callbackScheduled(9, { ticketId: 't-1', callbackId: 'cb-early', dueAt: '2026-11-23T08:00:00.000Z' }),
      callbackScheduled(10, { ticketId: 't-2', callbackId: 'cb-other', dueAt: '2026-11-23T09:00:00.000Z' }),
    ])
    expect((await ticketCallbacks(withCallbacks, 't-1')).map((callback) => callback.callbackId)).toEqual(['cb-early', 'cb-late'])
  })
})

describe('dueTickets', () => {
  // Overcharges are due 2 hours after opening, tracking inquiries 5 minutes.
  const entries = [
    ticketOpened(1, { ticketId: 'o-1', kind: 'overcharge' }, at('2026-11-23T01:00:00.000Z')), // due 03:00
    ticketOpened(2, { ticketId: 'o-4', kind: 'overcharge' }, at('2026-11-23T02:38:00.000Z')), // due 04:38
    ticketOpened(3, { ticketId: 'o-2', kind: 'overcharge', owner: 'A002' }, at('2026-11-23T02:45:00.000Z', 'A002')), // due 04:45
    ticketOpened(4, { ticketId: 'o-3', kind: 'overcharge' }, at('2026-11-23T04:00:00.000Z')), // due 06:00
    ticketOpened(5, { ticketId: 't-1', kind: 'trackingInquiry' }, at('2026-11-23T04:35:00.000Z')), // due 04:40
    ticketOpened(6, { ticketId: 'o-5', kind: 'overcharge' }, at('2026-11-23T00:30:00.000Z')), // would be due 02:30
    ticketStatusChanged(7, { ticketId: 'o-5', status: 'resolved' }, at('2026-11-23T01:30:00.000Z')),
  ]
  const now = '2026-11-23T04:38:00.000Z'

  it('splits open tickets into overdue (due at or before now) and due soon, soonest first; finished ones in neither', async () => {
    const db = freshDb()
    await projectEntries(db, entries)
    const due = await dueTickets(db, { now, dueSoonMs: DUE_SOON_MS, limit: 10 })
    expect({ overdue: ids(due.overdue), dueSoon: ids(due.dueSoon) }).toEqual({ overdue: ['o-1', 'o-4'], dueSoon: ['t-1', 'o-2'] })
  })

  it('for one owner, and within the limit', async () => {
    const db = freshDb()
    await projectEntries(db, entries)
    const mine = await dueTickets(db, { now, dueSoonMs: DUE_SOON_MS, owner: 'A001', limit: 10 })
    expect({ overdue: ids(mine.overdue), dueSoon: ids(mine.dueSoon) }).toEqual({ overdue: ['o-1', 'o-4'], dueSoon: ['t-1'] })
    const first = await dueTickets(db, { now, dueSoonMs: DUE_SOON_MS, limit: 1 })
    expect({ overdue: ids(first.overdue), dueSoon: ids(first.dueSoon) }).toEqual({ overdue: ['o-1'], dueSoon: ['t-1'] })
    const wider = await dueTickets(db, { now, dueSoonMs: 2 * 60 * 60 * 1000, limit: 10 })
    expect(ids(wider.dueSoon)).toEqual(['t-1', 'o-2', 'o-3'])
  })
})

describe('transfers waiting for an answer', () => {
  it('offered to me, and offered by me', async () => {
    const db = freshDb()
    await projectEntries(db, [
      ticketOpened(1, { ticketId: 't-1' }),
      ticketOpened(2, { ticketId: 't-2', owner: 'A003' }),
      ticketOpened(3, { ticketId: 't-3' }),
      transferOffered(4, { transferId: 'tr-1', ticketIds: ['t-1'], to: 'A002' }),
      transferOffered(5, { transferId: 'tr-2', ticketIds: ['t-2'], from: 'A003', to: 'A002' }),
      transferOffered(6, { transferId: 'tr-3', ticketIds: ['t-3'], to: 'A003' }),
      transferDeclined(7, { transferId: 'tr-3' }, { actor: 'A003' }),
    ])
    expect((await pendingTransfersFor(db, 'A002')).map((transfer) => transfer.transferId)).toEqual(['tr-1', 'tr-2'])
    expect((await pendingTransfersFrom(db, 'A001')).map((transfer) => transfer.transferId)).toEqual(['tr-1'])
    expect(await pendingTransfersFor(db, 'A003')).toEqual([])
  })
})

describe('the customer archive', () => {
  let db: SeatDeskDb
  beforeAll(async () => {
    db = freshDb()
    await projectEntries(db, [
      customerSaved(1, { phone: '+8613812345678', name: '王先生' }, at('2026-11-23T01:00:00.000Z')),
      customerSaved(2, { phone: '+8613700005678', name: '张伟', role: 'shipper' }, at('2026-11-23T02:00:00.000Z')),
      customerSaved(3, { phone: '+8613912340001', name: '王丽' }, at('2026-11-23T03:00:00.000Z')),
    ])
  })

  it('finds a customer by phone however it is typed', async () => {
    expect(await customerByPhone(db, '138-1234-5678')).toMatchObject({ phone: '+8613812345678', name: '王先生' })
    expect(await customerByPhone(db, '+8613812345679')).toBeNull()
  })

  it('searches by full phone, last 4 digits or name prefix, most recently saved first', async () => {
    const phones = (rows: { phone: string }[]) => rows.map((row) => row.phone)
    expect(phones(await searchCustomers(db, '13812345678'))).toEqual(['+8613812345678'])
    expect(phones(await searchCustomers(db, '5678'))).toEqual(['+8613700005678', '+8613812345678'])
    expect(phones(await searchCustomers(db, '王'))).toEqual(['+8613912340001', '+8613812345678'])
    expect(phones(await searchCustomers(db, '王', 1))).toEqual(['+8613912340001'])
    expect(await searchCustomers(db, '  ')).toEqual([])
  })
})
