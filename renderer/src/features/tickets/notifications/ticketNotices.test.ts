import type { TicketRow, TransferRow } from '../../../db/schema'
import { sampleDetails } from '../../../testing/tickets'
import { seenNoticeStore, ticketNotices } from './ticketNotices'

const NOW = Date.parse('2026-11-23T02:00:00.000Z')
const MINUTE = 60_000

function ticket(overrides: Partial<TicketRow> = {}): TicketRow {
  return {
    ticketId: 't-1',
    ticketNo: 'BJ01-20261123-0001',
    kind: 'trackingInquiry',
    owner: 'A001',
    openedBy: 'A001',
    openedAt: '2026-11-23T01:00:00.000Z',
    openedSeq: 1,
    updatedAt: '2026-11-23T01:00:00.000Z',
    status: 'open',
    waitingOn: null,
    open: 1,
    details: sampleDetails('trackingInquiry'),
    callerPhone: '+8613812345678',
    phoneLast4: '5678',
    customerName: '王先生',
    waybillNos: ['SF1234567890'],
    lookupKeys: ['BJ01-20261123-0001', 'SF1234567890', '13812345678'],
    callIds: [],
    statusHistory: [],
    stepsDone: [],
    escalations: [],
    pendingTransferId: null,
    nextDueAt: new Date(NOW + 60 * MINUTE).toISOString(),
    nextDueWhat: 'trackingInquiry.answer',
    dueProblem: null,
    pausedNow: false,
    ...overrides,
  }
}

const input = (tickets: TicketRow[], offers: TransferRow[] = [], now = NOW) => ({
  me: 'A001',
  tickets,
  offers,
  now,
  dueSoonMs: 30 * MINUTE,
  escalationsSince: '2026-11-23T00:00:00.000Z',
})

describe('ticket notices', () => {
  it('nothing for a deadline still far off; due soon inside the window; overdue once it has passed', () => {
    const row = ticket()
    expect(ticketNotices(input([row]))).toEqual([])
    const soon = ticketNotices(input([row], [], NOW + 31 * MINUTE))
    expect(soon.map((notice) => notice.kind)).toEqual(['dueSoon'])
    const late = ticketNotices(input([row], [], NOW + 60 * MINUTE))
    expect(late.map((notice) => notice.kind)).toEqual(['overdue'])
    // Into due soon and into overdue are two notices; the same state later is the same notice.
    expect(late[0]!.key).not.toBe(soon[0]!.key)
    expect(ticketNotices(input([row], [], NOW + 90 * MINUTE))[0]!.key).toBe(late[0]!.key)
  })

  it('a new deadline of the same ticket is a new notice', () => {
    const first = ticketNotices(input([ticket({ nextDueAt: new Date(NOW - MINUTE).toISOString() })]))[0]!
    const next = ticketNotices(input([ticket({ nextDueAt: new Date(NOW - MINUTE / 2).toISOString(), nextDueWhat: 'callback:c-1' })]))[0]!
    expect(next.key).not.toBe(first.key)
  })

  it('no due notice for a finished ticket, one standing still, or one I do not own', () => {
    const overdue = { nextDueAt: new Date(NOW - MINUTE).toISOString() }
    expect(ticketNotices(input([ticket({ ...overdue, open: 0, status: 'resolved' })]))).toEqual([])
    expect(ticketNotices(input([ticket({ ...overdue, pausedNow: true })]))).toEqual([])
    expect(ticketNotices(input([ticket({ ...overdue, owner: 'A002' })]))).toEqual([])
  })

  it("tells the owner of someone else's escalation since the given time, not of their own or older ones", () => {
    const escalations: TicketRow['escalations'] = [
      { to: 'supervisor', at: '2026-11-23T01:30:00.000Z', by: 'A002', reason: '客户催促' },
      { to: 'complaintHandling', at: '2026-11-23T01:40:00.000Z', by: 'A001', reason: '我自己升级' },
      { to: 'supervisor', at: '2026-11-22T09:00:00.000Z', by: 'A002', reason: '上一班的事' },
    ]
    const notices = ticketNotices(input([ticket({ escalations })]))
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({ kind: 'escalated', escalation: { by: 'A002', reason: '客户催促' } })
  })

  it('a transfer offered to me is told once per transfer', () => {
    const transfer: TransferRow = {
      transferId: 'x-1',
      ticketIds: ['t-9'],
      from: 'A002',
      to: 'A001',
      reason: '调岗',
      offeredAt: '2026-11-23T01:50:00.000Z',
      state: 'offered',
      settledAt: null,
      declineReason: null,
    }
    expect(ticketNotices(input([], [transfer])).map((notice) => notice.key)).toEqual(['transfer:x-1'])
  })

  it('remembers what was shown per sign-in session', () => {
    window.sessionStorage.clear()
    const session = seenNoticeStore(window.sessionStorage, 's-1')
    session.add(['due:t-1:a:b:overdue'])
    expect(seenNoticeStore(window.sessionStorage, 's-1').read().has('due:t-1:a:b:overdue')).toBe(true)
    expect(seenNoticeStore(window.sessionStorage, 's-2').read().size).toBe(0)
  })
})
