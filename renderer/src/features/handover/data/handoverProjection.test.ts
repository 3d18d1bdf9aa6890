import { defaultShiftSettings } from '../../../../../shared/domain/handover/shifts'
import { openSeatDeskDb, readMeta } from '../../../db/schema'
import { callbackScheduled, entryOf, projectEntries, ticketOpened } from '../../../testing/tickets'
import { eventJournalSeq } from '../../tickets/data/ticketProjection'
import {
  handoverAcknowledged,
  handoverCorrected,
  handoverCountersigned,
  handoverDrafted,
  handoverSigned,
  handoverWaived,
  samplePage,
  ticketHandedOver,
} from '../testHandover'

let dbCount = 0
const freshDb = () => openSeatDeskDb(`handover-projection-test-${++dbCount}`)

const ticketItem = (ticketId: string, ticketNo: string) => ({ ticketId, ticketNo, kind: 'trackingInquiry' as const, nextStep: '联系网点', dueAt: null })
const page = samplePage({
  tickets: [ticketItem('t-1', 'BJ01-20261123-0001'), ticketItem('t-2', 'BJ01-20261123-0002')],
  notices: [{ itemId: 'n-1', text: '明早系统升级' }],
})
const draft = samplePage({ incoming: 'E001', remarks: '草稿' })

const opened = [
  ticketOpened(1, { ticketId: 't-1' }),
  ticketOpened(2, { ticketId: 't-2' }),
  callbackScheduled(3, { ticketId: 't-1', callbackId: 'cb-1', dueAt: '2026-11-24T02:00:00.000Z' }),
  callbackScheduled(4, { ticketId: 't-2', callbackId: 'cb-2', dueAt: '2026-11-24T03:00:00.000Z' }),
]

describe('handover projection: the whole flow', () => {
  it('drafts, signs, acknowledges with a refusal, moves only the accepted ticket, countersigns and corrects', async () => {
    const db = freshDb()
    await projectEntries(db, [
      ...opened,
      handoverDrafted(5, draft, { ts: '2026-11-23T09:00:00.000Z' }),
      handoverDrafted(6, page, { ts: '2026-11-23T09:10:00.000Z' }),
      handoverSigned(7, page, { ts: '2026-11-23T09:20:00.000Z' }),
      // A later draft of a signed page changes nothing.
      handoverDrafted(8, draft),
      handoverAcknowledged(9, { refused: [{ item: 'tickets:t-2', reason: '不是我的网点' }], remarks: '已核对' }, { ts: '2026-11-23T09:30:00.000Z' }),
      ticketHandedOver(10, ['t-1'], { ts: '2026-11-23T09:30:00.000Z' }),
      handoverCountersigned(11, { ts: '2026-11-23T09:40:00.000Z' }),
      handoverCorrected(12, 'c-1', '剩货运单号应为 SF1234567899', { ts: '2026-11-23T10:00:00.000Z' }),
    ])

    expect(await db.handoverPages.get('p-1')).toEqual({
      pageId: 'p-1',
      date: '2026-11-23',
      patternId: 'morning',
      outgoing: 'A001',
      incoming: 'A002',
      lead: 'E001',
      state: 'countersigned',
      page,
      pageHash: 'ab'.repeat(32),
      draftedAt: '2026-11-23T09:10:00.000Z',
      signedAt: '2026-11-23T09:20:00.000Z',
      acknowledgedAt: '2026-11-23T09:30:00.000Z',
      waived: null,
      countersignedAt: '2026-11-23T09:40:00.000Z',
      countersignedBy: 'E001',
      checkpoint: { seq: 10, hash: 'cd'.repeat(32) },
      refused: [{ item: 'tickets:t-2', reason: '不是我的网点' }],
      ackRemarks: '已核对',
      corrections: [{ correctionId: 'c-1', text: '剩货运单号应为 SF1234567899', by: 'E001', at: '2026-11-23T10:00:00.000Z' }],
    })

    // Only the accepted ticket moved, with its pending callback; the refused one stays with A001.
    expect((await db.tickets.get('t-1'))?.owner).toBe('A002')
    expect((await db.tickets.get('t-2'))?.owner).toBe('A001')
    expect((await db.callbacks.get('cb-1'))?.owner).toBe('A002')
    expect((await db.callbacks.get('cb-2'))?.owner).toBe('A001')
    const line = (await db.ticketEvents.where('ticketId').equals('t-1').toArray()).at(-1)!
    expect(line).toMatchObject({ kind: 'handedOver', actor: 'A002', data: { pageId: 'p-1', from: 'A001', to: 'A002' } })
    expect(eventJournalSeq(line)).toBe(10)
  })

  it('gives each ticket a handover names its own timeline line under the one journal seq', async () => {
    const db = freshDb()
    await projectEntries(db, [...opened, handoverSigned(5, page), handoverAcknowledged(6), ticketHandedOver(7, ['t-1', 't-2'])])
    const lines = (await db.ticketEvents.toArray()).filter((event) => event.kind === 'handedOver')
    expect(lines.map((event) => [event.ticketId, eventJournalSeq(event)])).toEqual([
      ['t-1', 7],
      ['t-2', 7],
    ])
    expect(new Set(lines.map((event) => event.seq)).size).toBe(2)
    expect((await db.tickets.get('t-2'))?.owner).toBe('A002')
  })

  it('a draft follows its latest save; a page is not countersigned before it is acknowledged or waived', async () => {
    const db = freshDb()
    await projectEntries(db, [handoverDrafted(1, draft), handoverCountersigned(2)])
    expect(await db.handoverPages.get('p-1')).toMatchObject({ state: 'draft', incoming: 'E001', countersignedAt: null, page: draft })
  })

  it('a waived page keeps its signed state with the lead and reason, and can then be countersigned', async () => {
    const db = freshDb()
    await projectEntries(db, [handoverSigned(1, page), handoverWaived(2, '接班人病假', { ts: '2026-11-23T09:00:00.000Z' })])
    expect(await db.handoverPages.get('p-1')).toMatchObject({ state: 'signed', waived: { by: 'E001', reason: '接班人病假', at: '2026-11-23T09:00:00.000Z' } })
    await projectEntries(db, [handoverSigned(1, page), handoverWaived(2, '接班人病假'), handoverCountersigned(3)])
    expect((await db.handoverPages.get('p-1'))?.state).toBe('countersigned')
  })

  it('keeps the roster by date and the shift settings in meta', async () => {
    const db = freshDb()
    const day = { date: '2026-11-23', shifts: [{ patternId: 'morning', agents: ['A001'], lead: 'E001' }], duty: 'A001' }
    await projectEntries(db, [
      entryOf(1, 'shiftSettings.changed', { settings: defaultShiftSettings }, { actor: 'E001' }),
      entryOf(2, 'roster.changed', { day: { ...day, duty: null } }, { actor: 'E001' }),
      entryOf(3, 'roster.changed', { day }, { actor: 'E001' }),
    ])
    expect(await readMeta(db, 'shiftSettings')).toEqual(defaultShiftSettings)
    expect(await db.roster.get('2026-11-23')).toEqual(day)
  })
})
