import { defaultDeadlineSettings } from '../../../../../shared/domain/tickets/deadlines'
import { openSeatDeskDb, readMeta } from '../../../db/schema'
import { catchUp } from '../../../db/sync'
import { recordTableReads } from '../../../testing/tableReads'
import { journalEntry, journalReader } from '../../../testing/fakeApi'
import {
  callbackDone,
  callbackScheduled,
  customerSaved,
  deadlineSettingsChanged,
  phoneRevealed,
  projectEntries,
  sampleDetails,
  ticketDetailsUpdated,
  ticketEscalated,
  ticketNoteAdded,
  ticketOpened,
  ticketStatusChanged,
  ticketStepDone,
  transferAccepted,
  transferCancelled,
  transferDeclined,
  transferOffered,
  workingCalendarChanged,
  entryOf,
} from '../../../testing/tickets'
import { eventJournalSeq } from './ticketProjection'
import { ticketTimeline } from './ticketQueries'

let dbCount = 0
const freshDb = () => openSeatDeskDb(`ticket-projection-test-${++dbCount}`)

const at = (ts: string, actor = 'A001') => ({ ts, actor })

describe('ticket projection: opening and changing a ticket', () => {
  it('opens a ticket owned by the agent who opened it, with its search keys, call, first status and timeline line', async () => {
    const db = freshDb()
    const details = sampleDetails('misroutedGoods')
    await projectEntries(db, [ticketOpened(1, { ticketId: 't-1', details, ticketNo: 'BJ01-20261123-0001', callId: 'call-1' }, at('2026-11-23T02:00:00.000Z'))])

    expect(await db.tickets.get('t-1')).toEqual({
      ticketId: 't-1',
      ticketNo: 'BJ01-20261123-0001',
      kind: 'misroutedGoods',
      owner: 'A001',
      openedBy: 'A001',
      openedAt: '2026-11-23T02:00:00.000Z',
      openedSeq: 1,
      updatedAt: '2026-11-23T02:00:00.000Z',
      status: 'open',
      waitingOn: null,
      open: 1,
      details,
      callerPhone: '+8613812345678',
      phoneLast4: '5678',
      customerName: '王先生',
      waybillNos: ['SF1234567894', 'SF1234567895'],
      lookupKeys: ['BJ01-20261123-0001', 'SF1234567894', 'SF1234567895', '13812345678'],
      callIds: ['call-1'],
      statusHistory: [{ at: '2026-11-23T02:00:00.000Z', status: 'open', waitingOn: null }],
      stepsDone: [],
      escalations: [],
      pendingTransferId: null,
      // A misroute is tracked until delivered: no clock.
      nextDueAt: null,
      nextDueWhat: null,
      dueProblem: null,
      pausedNow: false,
    })
    expect(await ticketTimeline(db, 't-1')).toEqual([
      {
        seq: 1,
        ticketId: 't-1',
        at: '2026-11-23T02:00:00.000Z',
        actor: 'A001',
        kind: 'opened',
        data: { ticketNo: 'BJ01-20261123-0001', kind: 'misroutedGoods', owner: 'A001' },
        callId: 'call-1',
      },
    ])
  })

  it('details updates replace the details and search keys and record which fields changed', async () => {
    const db = freshDb()
    const updated = sampleDetails('trackingInquiry', { callerPhone: '+8613912340001', waybillNo: 'YT9876543210', goodsCheck: 'goodsFound' })
    await projectEntries(db, [
      ticketOpened(1, { ticketId: 't-1', kind: 'trackingInquiry', callId: 'call-1' }),
      ticketDetailsUpdated(2, { ticketId: 't-1', details: updated, callId: 'call-2' }),
    ])
    expect(await db.tickets.get('t-1')).toMatchObject({
      details: updated,
      callerPhone: '+8613912340001',
      phoneLast4: '0001',
      waybillNos: ['YT9876543210'],
      callIds: ['call-1', 'call-2'],
      updatedAt: journalEntry(2, 'x', null).ts,
    })
    const [, change] = await ticketTimeline(db, 't-1')
    expect(change).toMatchObject({
      kind: 'detailsUpdated',
      callId: 'call-2',
      data: {
        changes: [
          { field: 'callerPhone', before: '+8613812345678', after: '+8613912340001' },
          { field: 'waybillNo', before: 'SF1234567890', after: 'YT9876543210' },
          { field: 'goodsCheck', before: null, after: 'goodsFound' },
        ],
      },
    })
  })

  it('gathers every call from every ticket entry that carries one, once each', async () => {
    const db = freshDb()
    await projectEntries(db, [
      ticketOpened(1, { ticketId: 't-1', kind: 'overcharge', callId: null }),
      ticketNoteAdded(2, { ticketId: 't-1', text: '已联系网点', callId: 'call-1' }),
      ticketStatusChanged(3, { ticketId: 't-1', status: 'inProgress', callId: 'call-2' }),
      ticketNoteAdded(4, { ticketId: 't-1', text: '客户再次来电', callId: 'call-1' }),
      ticketStepDone(5, { ticketId: 't-1', clockId: 'overcharge.settle', callId: 'call-3' }),
      callbackScheduled(6, { ticketId: 't-1', callbackId: 'cb-1', dueAt: '2026-11-24T02:00:00.000Z', callId: 'call-4' }),
      callbackDone(7, { ticketId: 't-1', callbackId: 'cb-1', callId: 'call-5' }),
      ticketEscalated(8, { ticketId: 't-1', to: 'complaintHandling', callId: 'call-6' }),
    ])
    expect((await db.tickets.get('t-1'))?.callIds).toEqual(['call-1', 'call-2', 'call-3', 'call-4', 'call-5', 'call-6'])
    expect((await ticketTimeline(db, 't-1')).map((event) => event.callId)).toEqual([null, 'call-1', 'call-2', 'call-1', 'call-3', 'call-4', 'call-5', 'call-6'])
  })

  it('status changes keep the history, the open flag and the from/to in the timeline; a reopen opens it again', async () => {
    const db = freshDb()
    await projectEntries(db, [
      ticketOpened(1, { ticketId: 't-1', kind: 'overcharge' }),
      ticketStatusChanged(2, { ticketId: 't-1', status: 'waiting', waitingOn: 'finance', note: '等财务退款' }),
      ticketStatusChanged(3, { ticketId: 't-1', status: 'resolved' }),
    ])
    const resolved = await db.tickets.get('t-1')
    expect(resolved).toMatchObject({ status: 'resolved', waitingOn: null, open: 0, nextDueAt: null, nextDueWhat: null })
    expect(resolved?.statusHistory.map((change) => [change.status, change.waitingOn])).toEqual([
      ['open', null],
      ['waiting', 'finance'],
      ['resolved', null],
    ])
    const events = await ticketTimeline(db, 't-1')
    expect(events[1]?.data).toEqual({ from: 'open', fromWaitingOn: null, status: 'waiting', waitingOn: 'finance', note: '等财务退款' })

    await projectEntries(db, [
      ticketOpened(1, { ticketId: 't-1', kind: 'overcharge' }),
      ticketStatusChanged(2, { ticketId: 't-1', status: 'resolved' }),
      ticketStatusChanged(3, { ticketId: 't-1', status: 'closed' }),
      ticketStatusChanged(4, { ticketId: 't-1', status: 'inProgress', note: '客户反映退款未到账' }),
    ])
    expect(await db.tickets.get('t-1')).toMatchObject({ status: 'inProgress', open: 1, nextDueWhat: 'overcharge.settle' })
  })

  it('notes, steps done and escalations; an escalation leaves the owner as owner', async () => {
    const db = freshDb()
    await projectEntries(db, [
      ticketOpened(1, { ticketId: 't-1', kind: 'overcharge' }),
      ticketNoteAdded(2, { ticketId: 't-1', noteId: 'n-1', text: '站点确认多收' }, at('2026-11-23T01:02:00.000Z', 'A002')),
      ticketStepDone(3, { ticketId: 't-1', clockId: 'overcharge.settle', note: '已退款并致歉' }),
      ticketStepDone(4, { ticketId: 't-1', clockId: 'overcharge.settle', note: '重复' }),
      ticketEscalated(5, { ticketId: 't-1', to: 'supervisor', reason: '客户要求主管回电' }, at('2026-11-23T01:05:00.000Z', 'A003')),
    ])
    expect(await db.tickets.get('t-1')).toMatchObject({
      owner: 'A001',
      stepsDone: ['overcharge.settle'],
      escalations: [{ to: 'supervisor', at: '2026-11-23T01:05:00.000Z', by: 'A003', reason: '客户要求主管回电' }],
      // The only clock is met.
      nextDueAt: null,
    })
    expect((await ticketTimeline(db, 't-1')).map((event) => [event.kind, event.actor, event.data])).toEqual([
      ['opened', 'A001', expect.anything()],
      ['noteAdded', 'A002', { noteId: 'n-1', text: '站点确认多收' }],
      ['stepDone', 'A001', { clockId: 'overcharge.settle', note: '已退款并致歉' }],
      ['stepDone', 'A001', { clockId: 'overcharge.settle', note: '重复' }],
      ['escalated', 'A003', { to: 'supervisor', reason: '客户要求主管回电' }],
    ])
  })

  it('an entry for a ticket the view does not hold changes nothing', async () => {
    const db = freshDb()
    await projectEntries(db, [ticketNoteAdded(1, { ticketId: 't-missing', text: '无此工单' })])
    expect(await db.tickets.count()).toBe(0)
    expect(await db.ticketEvents.count()).toBe(0)
  })
})

describe('ticket projection: callbacks', () => {
  it('a callback is owned by the ticket’s owner, counts as a deadline while pending, and stops when done', async () => {
    const db = freshDb()
    await projectEntries(db, [
      ticketOpened(1, { ticketId: 't-1', kind: 'trackingInquiry' }, at('2026-11-23T02:00:00.000Z')),
      ticketStepDone(2, { ticketId: 't-1', clockId: 'trackingInquiry.answer' }, at('2026-11-23T02:03:00.000Z')),
      // Offsets are stored as UTC: the due lists compare strings.
      callbackScheduled(3, { ticketId: 't-1', callbackId: 'cb-1', dueAt: '2026-11-23T15:00:00+08:00', note: '告知派送时间' }, at('2026-11-23T02:04:00.000Z', 'A002')),
    ])
    expect(await db.callbacks.get('cb-1')).toEqual({
      callbackId: 'cb-1',
      ticketId: 't-1',
      owner: 'A001',
      dueAt: '2026-11-23T07:00:00.000Z',
      note: '告知派送时间',
      scheduledAt: '2026-11-23T02:04:00.000Z',
      scheduledBy: 'A002',
      done: 0,
      outcome: null,
      doneAt: null,
    })
    expect(await db.tickets.get('t-1')).toMatchObject({ nextDueAt: '2026-11-23T07:00:00.000Z', nextDueWhat: 'callback:cb-1' })

    await projectEntries(db, [
      ticketOpened(1, { ticketId: 't-1', kind: 'trackingInquiry' }, at('2026-11-23T02:00:00.000Z')),
      ticketStepDone(2, { ticketId: 't-1', clockId: 'trackingInquiry.answer' }, at('2026-11-23T02:03:00.000Z')),
      callbackScheduled(3, { ticketId: 't-1', callbackId: 'cb-1', dueAt: '2026-11-23T07:00:00.000Z' }, at('2026-11-23T02:04:00.000Z')),
      callbackDone(4, { ticketId: 't-1', callbackId: 'cb-1', outcome: 'noAnswer', callId: 'call-9' }, at('2026-11-23T07:01:00.000Z')),
    ])
    expect(await db.callbacks.get('cb-1')).toMatchObject({ done: 1, outcome: 'noAnswer', doneAt: '2026-11-23T07:01:00.000Z' })
    expect(await db.tickets.get('t-1')).toMatchObject({ nextDueAt: null, nextDueWhat: null, callIds: ['call-9'] })
    expect((await ticketTimeline(db, 't-1')).slice(2).map((event) => [event.kind, event.data])).toEqual([
      ['callbackScheduled', { callbackId: 'cb-1', dueAt: '2026-11-23T07:00:00.000Z', note: '' }],
      ['callbackDone', { callbackId: 'cb-1', outcome: 'noAnswer', note: '' }],
    ])
  })
})

describe('ticket projection: transfers (首问责任制)', () => {
  const opened = [
    ticketOpened(1, { ticketId: 't-1', kind: 'overcharge' }),
    ticketOpened(2, { ticketId: 't-2', kind: 'complaint' }),
    ticketOpened(3, { ticketId: 't-3', kind: 'claim' }),
    callbackScheduled(4, { ticketId: 't-2', callbackId: 'cb-pending', dueAt: '2026-11-24T02:00:00.000Z' }),
    callbackScheduled(5, { ticketId: 't-2', callbackId: 'cb-done', dueAt: '2026-11-23T03:00:00.000Z' }),
    callbackDone(6, { ticketId: 't-2', callbackId: 'cb-done' }),
  ]
  const offer = transferOffered(7, { transferId: 'tr-1', ticketIds: ['t-1', 't-2'], to: 'A002', reason: '调岗' })
  const owners = async (db: ReturnType<typeof freshDb>) =>
    Object.fromEntries((await db.tickets.toArray()).map((row) => [row.ticketId, [row.owner, row.pendingTransferId]]))

  it('an acceptance moves only what the offerer still owns: a ticket a page of an earlier build moved stays where it went', async () => {
    const db = freshDb()
    const handedOver = entryOf(8, 'ticket.handedOver', { pageId: 'p-1', ticketIds: ['t-2'], from: 'A001', to: 'A003' }, { actor: 'A003' })
    await projectEntries(db, [...opened, offer, handedOver, transferAccepted(9, { transferId: 'tr-1', ticketIds: ['t-1', 't-2'], to: 'A002' })])
    expect(await owners(db)).toEqual({ 't-1': ['A002', null], 't-2': ['A003', null], 't-3': ['A001', null] })
    // t-2's pending callback stays with its owner.
    expect(await db.callbacks.get('cb-pending')).toMatchObject({ owner: 'A003' })
  })

  it('an offer marks each ticket it names as pending and moves nothing', async () => {
    const db = freshDb()
    await projectEntries(db, [...opened, offer])
    expect(await owners(db)).toEqual({ 't-1': ['A001', 'tr-1'], 't-2': ['A001', 'tr-1'], 't-3': ['A001', null] })
    expect(await db.transfers.get('tr-1')).toEqual({
      transferId: 'tr-1',
      ticketIds: ['t-1', 't-2'],
      from: 'A001',
      to: 'A002',
      reason: '调岗',
      offeredAt: offer.ts,
      state: 'offered',
      settledAt: null,
      declineReason: null,
    })
    expect((await db.callbacks.toArray()).map((callback) => callback.owner)).toEqual(['A001', 'A001'])
  })

  it('one entry, a timeline line on each ticket it names, under distinct keys that keep the journal order', async () => {
    const db = freshDb()
    await projectEntries(db, [...opened, offer, transferAccepted(8, { transferId: 'tr-1', ticketIds: ['t-1', 't-2'], to: 'A002' })])
    const first = await ticketTimeline(db, 't-1')
    const second = await ticketTimeline(db, 't-2')
    expect(first.map((event) => [event.kind, event.seq])).toEqual([
      ['opened', 1],
      ['transferOffered', 7],
      ['transferAccepted', 8],
    ])
    expect(second.map((event) => [event.kind, eventJournalSeq(event)])).toEqual([
      ['opened', 2],
      ['callbackScheduled', 4],
      ['callbackScheduled', 5],
      ['callbackDone', 6],
      ['transferOffered', 7],
      ['transferAccepted', 8],
    ])
    const secondOffer = second.find((event) => event.kind === 'transferOffered')
    expect(secondOffer?.seq).toBeGreaterThan(7)
    expect(secondOffer?.seq).toBeLessThan(8)
    expect(secondOffer?.data).toEqual({ transferId: 'tr-1', from: 'A001', to: 'A002', reason: '调岗', ticketCount: 2 })
    expect(second.at(-1)?.actor).toBe('A002')
  })

  it('ownership moves only on acceptance, for every ticket named, with the pending callbacks', async () => {
    const db = freshDb()
    await projectEntries(db, [...opened, offer, transferAccepted(8, { transferId: 'tr-1', ticketIds: ['t-1', 't-2'], to: 'A002' })])
    expect(await owners(db)).toEqual({ 't-1': ['A002', null], 't-2': ['A002', null], 't-3': ['A001', null] })
    expect(await db.transfers.get('tr-1')).toMatchObject({ state: 'accepted', settledAt: journalEntry(8, 'x', null).ts })
    expect(await db.callbacks.get('cb-pending')).toMatchObject({ owner: 'A002' })
    // A callback already made stays with whoever owned the ticket then.
    expect(await db.callbacks.get('cb-done')).toMatchObject({ owner: 'A001' })
    // The opener is still on record.
    expect((await db.tickets.get('t-1'))?.openedBy).toBe('A001')
  })

  it('a declined or cancelled offer clears the pending mark and leaves the owner', async () => {
    const db = freshDb()
    await projectEntries(db, [...opened, offer, transferDeclined(8, { transferId: 'tr-1', reason: '不熟悉理赔' }, { actor: 'A002' })])
    expect(await owners(db)).toEqual({ 't-1': ['A001', null], 't-2': ['A001', null], 't-3': ['A001', null] })
    expect(await db.transfers.get('tr-1')).toMatchObject({ state: 'declined', declineReason: '不熟悉理赔' })
    expect((await ticketTimeline(db, 't-2')).at(-1)).toMatchObject({ kind: 'transferDeclined', actor: 'A002', data: { reason: '不熟悉理赔' } })

    await projectEntries(db, [...opened, offer, transferCancelled(8, { transferId: 'tr-1' }), transferAccepted(9, { transferId: 'tr-1', ticketIds: ['t-1', 't-2'], to: 'A002' })])
    // An acceptance of a settled offer moves nothing either.
    expect(await owners(db)).toEqual({ 't-1': ['A001', null], 't-2': ['A001', null], 't-3': ['A001', null] })
    expect(await db.transfers.get('tr-1')).toMatchObject({ state: 'cancelled' })
  })
})

describe('ticket projection: customers, phone reveals and clock settings', () => {
  it('keeps the latest save per phone with its last 4 digits, and every reveal', async () => {
    const db = freshDb()
    await projectEntries(db, [
      customerSaved(1, { name: '王先生' }),
      customerSaved(2, { name: '王建军', company: '建军五金' }, at('2026-11-23T03:00:00.000Z', 'A002')),
      phoneRevealed(3, { phone: '+8613812345678', context: 'ticket', ticketId: 't-1' }, at('2026-11-23T03:01:00.000Z', 'A003')),
    ])
    expect(await db.customers.toArray()).toEqual([
      {
        phone: '+8613812345678',
        name: '王建军',
        role: 'consignee',
        company: '建军五金',
        address: '北京市海淀区中关村大街1号',
        phoneLast4: '5678',
        updatedAt: '2026-11-23T03:00:00.000Z',
        updatedBy: 'A002',
      },
    ])
    expect(await db.phoneReveals.toArray()).toEqual([
      { seq: 3, phone: '+8613812345678', at: '2026-11-23T03:01:00.000Z', actor: 'A003', context: 'ticket', ticketId: 't-1' },
    ])
  })

  it('stores the clock settings and the calendar in meta', async () => {
    const db = freshDb()
    const settings = { ...defaultDeadlineSettings, regulatorRule: { enabled: true, replyBeforeAppealDays: 7, forwardedAppealAnswerDays: 15 } }
    const calendar = { overrides: [{ date: '2026-12-01', kind: 'holiday' as const, note: '司庆日' }], coveredYears: [] }
    await projectEntries(db, [deadlineSettingsChanged(1, settings), workingCalendarChanged(2, calendar)])
    expect(await readMeta(db, 'deadlineSettings')).toEqual(settings)
    expect(await readMeta(db, 'workingCalendar')).toEqual(calendar)
  })
})

describe('ticket projection: a page of the journal reads its tickets once', () => {
  it('tickets opened in an earlier page: one bulk read of the tickets and one of their callbacks, however many entries name them', async () => {
    const db = freshDb()
    const recorder = recordTableReads(db)
    await projectEntries(db, [
      ticketOpened(1, { ticketId: 't-1', ticketNo: 'BJ01-20261123-0001' }, at('2026-11-23T01:00:00.000Z')),
      ticketOpened(2, { ticketId: 't-2', ticketNo: 'BJ01-20261123-0002' }, at('2026-11-23T01:01:00.000Z')),
      callbackScheduled(3, { ticketId: 't-1', callbackId: 'cb-1', dueAt: '2026-11-23T05:00:00.000Z' }, at('2026-11-23T01:02:00.000Z')),
    ])
    const { reads } = await recorder.during(() =>
      catchUp(
      db,
      journalReader([
        ticketOpened(1, { ticketId: 't-1', ticketNo: 'BJ01-20261123-0001' }, at('2026-11-23T01:00:00.000Z')),
        ticketOpened(2, { ticketId: 't-2', ticketNo: 'BJ01-20261123-0002' }, at('2026-11-23T01:01:00.000Z')),
        callbackScheduled(3, { ticketId: 't-1', callbackId: 'cb-1', dueAt: '2026-11-23T05:00:00.000Z' }, at('2026-11-23T01:02:00.000Z')),
        ticketNoteAdded(4, { ticketId: 't-1', text: '已联系网点' }, at('2026-11-23T02:00:00.000Z')),
        ticketNoteAdded(5, { ticketId: 't-2', text: '客户再次来电' }, at('2026-11-23T02:01:00.000Z', 'A002')),
        callbackDone(6, { ticketId: 't-1', callbackId: 'cb-1', outcome: 'reached' }, at('2026-11-23T04:00:00.000Z')),
        ticketStatusChanged(7, { ticketId: 't-2', status: 'inProgress' }, at('2026-11-23T04:01:00.000Z')),
        ticketOpened(8, { ticketId: 't-3', ticketNo: 'BJ01-20261123-0003' }, at('2026-11-23T04:02:00.000Z')),
        ticketNoteAdded(9, { ticketId: 't-3', text: '新工单' }, at('2026-11-23T04:03:00.000Z')),
      ]),
      ),
    )
    // The catch-up's own meta reads aside: the tickets in one bulk get, their callbacks in one query.
    const ticketReads = reads.filter((read) => read.table === 'tickets' || read.table === 'callbacks').map(({ table, request }) => `${table}.${request}`)
    expect(ticketReads.sort()).toEqual([expect.stringMatching(/^callbacks\.(query|openCursor)$/), 'tickets.getMany'])
    expect(await db.callbacks.get('cb-1')).toMatchObject({ done: 1, outcome: 'reached' })
    expect((await db.tickets.get('t-1'))?.nextDueWhat).not.toBe('callback:cb-1')
    expect(await db.tickets.get('t-2')).toMatchObject({ status: 'inProgress' })
    expect((await ticketTimeline(db, 't-3')).map((row) => row.kind)).toEqual(['opened', 'noteAdded'])
  })
})
