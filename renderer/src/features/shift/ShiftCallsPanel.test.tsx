import { screen, waitFor, within } from '@testing-library/react'
import type { CallRecord } from '../../../../shared/domain/calls'
import { db } from '../../db/schema'
import { catchUp, clearProjection } from '../../db/sync'
import { journalEntry, journalReader } from '../../testing/fakeApi'
import { sampleDetails, ticketDetailsUpdated, ticketOpened } from '../../testing/tickets'
import { renderWithProviders } from '../../testing/render'
import { ShiftCallsPanel } from './ShiftCallsPanel'
import { startOfToday } from './shiftStats'

// Around today's noon in China, so the test holds whenever it runs (the panel counts from China midnight).
const noon = Date.parse(startOfToday()) + 12 * 3_600_000
const minutesAgo = (minutes: number) => new Date(noon - minutes * 60_000).toISOString()

function completed(callId: string, overrides: Partial<CallRecord>): CallRecord {
  return {
    callId,
    sessionId: 's-1',
    employeeNo: 'A007',
    answeredAt: minutesAgo(30),
    hungUpAt: minutesAgo(28),
    completedAt: minutesAgo(27),
    handlingMs: 120_000,
    targetSeconds: 180,
    overTarget: false,
    overTargetReason: null,
    greetingSaid: true,
    closingSaid: true,
    callerNumber: null,
    customerName: null,
    notes: '',
    scriptsShown: [],
    ...overrides,
  }
}

describe('my shift: calls today', () => {
  beforeEach(async () => {
    await clearProjection(db)
    const records = [
      completed('c-1', { answeredAt: minutesAgo(50), handlingMs: 100_000, callerNumber: { kind: 'mobile', stored: '+8613812345678' } }),
      completed('c-2', { answeredAt: minutesAgo(40), handlingMs: 230_000, overTarget: true, overTargetReason: 'system-slow', closingSaid: false }),
      completed('c-3', { answeredAt: minutesAgo(20), handlingMs: 90_000, greetingSaid: false }),
      completed('c-4', { answeredAt: minutesAgo(10), handlingMs: 60_000 }),
      // Another agent's call and yesterday's call are not counted.
      completed('c-5', { employeeNo: 'A008', handlingMs: 500_000 }),
      completed('c-6', { answeredAt: new Date(noon - 24 * 3_600_000).toISOString(), handlingMs: 600_000 }),
    ]
    await catchUp(
      db,
      journalReader([
        ...records.map((record, index) => journalEntry(index + 1, 'call.completed', { record })),
        // Still open: answered, not completed.
        journalEntry(7, 'call.answered', { callId: 'c-7', sessionId: 's-1', employeeNo: 'A007', targetSeconds: 180, warningSeconds: 150 }, minutesAgo(1)),
        // The business book lists what each call opened.
        ticketOpened(8, { ticketId: 't-1', ticketNo: 'BJ01-20261123-0001', callId: 'c-2', owner: 'A007' }),
        ticketOpened(9, { ticketId: 't-2', ticketNo: 'BJ01-20261123-0002', callId: 'c-2', owner: 'A007', kind: 'complaint' }),
        // Updated again on a later call: listed once under each.
        ticketDetailsUpdated(10, { ticketId: 't-1', details: sampleDetails('trackingInquiry', { goodsCheck: 'goodsFound' }), callId: 'c-3' }, { actor: 'A007' }),
      ]),
    )
  })

  it('counts the signed-in agent’s completed calls today: handling time, share under target, compliance, longest', async () => {
    renderWithProviders(<ShiftCallsPanel employeeNo="A007" />)
    expect(await screen.findByTestId('shift-figure-calls')).toHaveTextContent('4')
    expect(screen.getByTestId('shift-figure-averageHandling')).toHaveTextContent('2:00') // 480 s / 4
    expect(screen.getByTestId('shift-figure-underTarget')).toHaveTextContent('75%')
    expect(screen.getByTestId('shift-figure-greeting')).toHaveTextContent('75%')
    expect(screen.getByTestId('shift-figure-closing')).toHaveTextContent('75%')
    expect(screen.getByTestId('shift-figure-longest')).toHaveTextContent('3:50')

    const rows = within(screen.getByRole('table', { name: '今日通话列表' })).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(4)
    // Newest first; the over-target call shows its reason as the supervisor named it.
    expect(rows[2]).toHaveTextContent('3:50 超时')
    expect(rows[2]).toHaveTextContent('系统缓慢')
    expect(rows[3]).toHaveTextContent('138****5678')
    expect(within(rows[2]!).getByLabelText('未说')).toBeInTheDocument()
    await waitFor(() => expect(rows[2]).toHaveTextContent('BJ01-20261123-0001 BJ01-20261123-0002'))
    expect(rows[1]).toHaveTextContent(/^[^B]*BJ01-20261123-0001$/)
    expect(rows[3]).not.toHaveTextContent('BJ01-')
  })
})
