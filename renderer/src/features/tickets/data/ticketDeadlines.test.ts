import { defaultDeadlineSettings, type DeadlineSettings } from '../../../../../shared/domain/tickets/deadlines'
import { openSeatDeskDb } from '../../../db/schema'
import {
  callbackDone,
  callbackScheduled,
  deadlineSettingsChanged,
  projectEntries,
  sampleDetails,
  ticketDetailsUpdated,
  ticketOpened,
  ticketStatusChanged,
  ticketStepDone,
  workingCalendarChanged,
} from '../../../testing/tickets'
import { deadlineContext, dueCallbackId, noDeadline, ticketDeadline, type TicketClockInput } from './ticketDeadlines'
import { dueTickets } from './ticketQueries'

let dbCount = 0
const freshDb = () => openSeatDeskDb(`ticket-deadlines-test-${++dbCount}`)
const at = (ts: string, actor = 'A001') => ({ ts, actor })

const withClock = (id: string, change: Partial<DeadlineSettings['clocks'][number]>): DeadlineSettings => ({
  ...defaultDeadlineSettings,
  clocks: defaultDeadlineSettings.clocks.map((clock) => (clock.id === id ? { ...clock, ...change } : clock)),
})

// Opened Wednesday 30 September 2026 at 10:00 in Shenzhen, the day before the National Day week
// (1–7 October off; Saturday 10 October is a 调休 working day).
const BEFORE_NATIONAL_DAY = '2026-09-30T02:00:00.000Z'
const complaintBeforeHoliday = (seq = 1) =>
  ticketOpened(seq, { ticketId: 'c-1', details: sampleDetails('complaint', { incidentAt: '2026-09-29T02:00:00.000Z' }) }, at(BEFORE_NATIONAL_DAY))

describe('deadlines in the projection', () => {
  it('an overcharge falls due 2 hours after it was opened', async () => {
    const db = freshDb()
    await projectEntries(db, [ticketOpened(1, { ticketId: 'o-1', kind: 'overcharge' }, at('2026-11-23T02:15:00.000Z'))])
    expect(await db.tickets.get('o-1')).toMatchObject({
      nextDueAt: '2026-11-23T04:15:00.000Z',
      nextDueWhat: 'overcharge.settle',
      dueProblem: null,
      pausedNow: false,
    })
  })

  it('a complaint’s 1 working day skips the National Day week: due at 24:00 on Thursday 8 October', async () => {
    const db = freshDb()
    await projectEntries(db, [complaintBeforeHoliday()])
    expect(await db.tickets.get('c-1')).toMatchObject({
      nextDueAt: '2026-10-08T16:00:00.000Z', // 2026-10-09 00:00 +08:00
      nextDueWhat: 'complaint.preliminaryInvestigation',
      dueProblem: null,
    })
  })

  it('a complaint without its incident time says which clock cannot run', async () => {
    const db = freshDb()
    await projectEntries(db, [ticketOpened(1, { ticketId: 'c-1', details: sampleDetails('complaint', { incidentAt: null }) }, at(BEFORE_NATIONAL_DAY))])
    expect(await db.tickets.get('c-1')).toMatchObject({
      nextDueWhat: 'complaint.preliminaryInvestigation',
      dueProblem: { clockId: 'complaint.responsibilityConfirmation', reason: 'incidentTimeMissing' },
    })
  })

  it('follows a supervisor’s change of the clocks: every open ticket is recomputed, finished ones are left alone', async () => {
    const db = freshDb()
    const opened = [
      ticketOpened(1, { ticketId: 'o-1', kind: 'overcharge' }, at('2026-11-23T02:00:00.000Z')),
      ticketOpened(2, { ticketId: 'o-2', kind: 'overcharge' }, at('2026-11-23T02:30:00.000Z')),
      ticketStatusChanged(3, { ticketId: 'o-2', status: 'resolved' }, at('2026-11-23T02:40:00.000Z')),
      // A consultation has no clock until the supervisor gives it one.
      ticketOpened(4, { ticketId: 'q-1', kind: 'consultation' }, at('2026-11-23T02:50:00.000Z')),
      // Due 04:00 now, 06:00 under the new settings; its callback at 05:00 then comes first.
      ticketOpened(5, { ticketId: 'o-6', kind: 'overcharge' }, at('2026-11-23T02:00:00.000Z')),
      callbackScheduled(6, { ticketId: 'o-6', callbackId: 'cb-1', dueAt: '2026-11-23T05:00:00.000Z' }, at('2026-11-23T02:05:00.000Z')),
    ]
    const settings: DeadlineSettings = {
      ...withClock('overcharge.settle', { amount: 4 }),
      clocks: [
        ...withClock('overcharge.settle', { amount: 4 }).clocks,
        { ...defaultDeadlineSettings.clocks[0]!, id: 'consultation.answer', kind: 'consultation', amount: 30, unit: 'minutes' },
      ],
    }
    await projectEntries(db, [...opened, deadlineSettingsChanged(7, settings, at('2026-11-23T03:00:00.000Z', 'S001'))])
    expect(await db.tickets.get('o-1')).toMatchObject({ nextDueAt: '2026-11-23T06:00:00.000Z' })
    expect(await db.tickets.get('o-2')).toMatchObject({ nextDueAt: null, open: 0 })
    expect(await db.tickets.get('q-1')).toMatchObject({ nextDueAt: '2026-11-23T03:20:00.000Z', nextDueWhat: 'consultation.answer' })
    expect(await db.tickets.get('o-6')).toMatchObject({ nextDueAt: '2026-11-23T05:00:00.000Z', nextDueWhat: 'callback:cb-1' })
    // Tickets opened later use the settings in force.
    await projectEntries(db, [
      ...opened,
      deadlineSettingsChanged(7, settings),
      ticketOpened(8, { ticketId: 'o-3', kind: 'overcharge' }, at('2026-11-23T05:00:00.000Z')),
    ])
    expect(await db.tickets.get('o-3')).toMatchObject({ nextDueAt: '2026-11-23T09:00:00.000Z' })
  })

  it('follows a supervisor’s calendar override: a company holiday on 8 October moves the complaint to the 9th', async () => {
    const db = freshDb()
    const override = { overrides: [{ date: '2026-10-08', kind: 'holiday' as const, note: '司庆日' }], coveredYears: [] }
    await projectEntries(db, [complaintBeforeHoliday(), workingCalendarChanged(2, override, at('2026-09-30T03:00:00.000Z', 'S001'))])
    expect(await db.tickets.get('c-1')).toMatchObject({ nextDueAt: '2026-10-09T16:00:00.000Z' })
    // And back when the override goes.
    await projectEntries(db, [
      complaintBeforeHoliday(),
      workingCalendarChanged(2, override),
      workingCalendarChanged(3, { overrides: [], coveredYears: [] }),
    ])
    expect(await db.tickets.get('c-1')).toMatchObject({ nextDueAt: '2026-10-08T16:00:00.000Z' })
  })

  it('a clock set to pause while the ticket waits on the customer stands still, then moves on by the wait', async () => {
    const db = freshDb()
    const pausing = withClock('overcharge.settle', { pauseWhileWaitingOnCustomer: true })
    const entries = [
      deadlineSettingsChanged(1, pausing, at('2026-11-23T00:00:00.000Z', 'S001')),
      ticketOpened(2, { ticketId: 'o-1', kind: 'overcharge' }, at('2026-11-23T02:00:00.000Z')),
      ticketStatusChanged(3, { ticketId: 'o-1', status: 'waiting', waitingOn: 'customer', note: '等客户提供付款截图' }, at('2026-11-23T02:30:00.000Z')),
    ]
    await projectEntries(db, entries)
    expect(await db.tickets.get('o-1')).toMatchObject({ nextDueAt: '2026-11-23T04:00:00.000Z', pausedNow: true })
    // Long past the original deadline, the waiting ticket is neither overdue nor due soon.
    expect(await dueTickets(db, { now: '2026-11-23T05:00:00.000Z', dueSoonMs: 30 * 60_000, limit: 10 })).toEqual({ overdue: [], dueSoon: [] })

    await projectEntries(db, [...entries, ticketStatusChanged(4, { ticketId: 'o-1', status: 'inProgress' }, at('2026-11-23T03:30:00.000Z'))])
    expect(await db.tickets.get('o-1')).toMatchObject({ nextDueAt: '2026-11-23T05:00:00.000Z', pausedNow: false })
  })

  it('a clock without the pause keeps running while the ticket waits on the customer', async () => {
    const db = freshDb()
    await projectEntries(db, [
      ticketOpened(1, { ticketId: 'o-1', kind: 'overcharge' }, at('2026-11-23T02:00:00.000Z')),
      ticketStatusChanged(2, { ticketId: 'o-1', status: 'waiting', waitingOn: 'customer' }, at('2026-11-23T02:30:00.000Z')),
    ])
    expect(await db.tickets.get('o-1')).toMatchObject({ nextDueAt: '2026-11-23T04:00:00.000Z', pausedNow: false })
  })

  it('a working-day clock that runs into 2027 says the calendar does not cover it, until a supervisor covers the year', async () => {
    const db = freshDb()
    const details = sampleDetails('complaint', { incidentAt: '2026-12-30T02:00:00.000Z' })
    const opened = ticketOpened(1, { ticketId: 'c-1', details }, at('2026-12-31T02:00:00.000Z'))
    await projectEntries(db, [opened])
    expect(await db.tickets.get('c-1')).toMatchObject({
      nextDueAt: null,
      nextDueWhat: null,
      dueProblem: { clockId: 'complaint.preliminaryInvestigation', reason: 'calendarNotCovered', year: 2027 },
    })
    await projectEntries(db, [opened, workingCalendarChanged(2, { overrides: [], coveredYears: [2027] }, at('2026-12-31T03:00:00.000Z', 'S001'))])
    // Friday 1 January 2027 counts as an ordinary weekday once the supervisor vouches for the year.
    expect(await db.tickets.get('c-1')).toMatchObject({ nextDueAt: '2027-01-01T16:00:00.000Z', dueProblem: null })
  })

  it('pending callbacks count as deadlines; a met clock does not', async () => {
    const db = freshDb()
    const entries = [
      ticketOpened(1, { ticketId: 't-1', kind: 'trackingInquiry' }, at('2026-11-23T02:00:00.000Z')),
      callbackScheduled(2, { ticketId: 't-1', callbackId: 'cb-1', dueAt: '2026-11-23T02:04:00.000Z' }, at('2026-11-23T02:01:00.000Z')),
    ]
    await projectEntries(db, entries)
    // The callback (02:04) comes before the 5-minute answer (02:05).
    expect(await db.tickets.get('t-1')).toMatchObject({ nextDueAt: '2026-11-23T02:04:00.000Z', nextDueWhat: 'callback:cb-1' })
    await projectEntries(db, [...entries, callbackDone(3, { ticketId: 't-1', callbackId: 'cb-1' }, at('2026-11-23T02:03:00.000Z'))])
    expect(await db.tickets.get('t-1')).toMatchObject({ nextDueAt: '2026-11-23T02:05:00.000Z', nextDueWhat: 'trackingInquiry.answer' })
    await projectEntries(db, [
      ...entries,
      ticketStepDone(3, { ticketId: 't-1', clockId: 'trackingInquiry.answer' }, at('2026-11-23T02:03:00.000Z')),
      callbackScheduled(4, { ticketId: 't-1', callbackId: 'cb-2', dueAt: '2026-11-23T06:00:00.000Z' }, at('2026-11-23T02:03:30.000Z')),
    ])
    expect(await db.tickets.get('t-1')).toMatchObject({ nextDueAt: '2026-11-23T02:04:00.000Z', nextDueWhat: 'callback:cb-1' })
  })

  it('details that switch a clock on (a written claim) bring its deadline in', async () => {
    const db = freshDb()
    const details = sampleDetails('complaint', { incidentAt: '2026-11-20T02:00:00.000Z' })
    const entries = [
      ticketOpened(1, { ticketId: 'c-1', details }, at('2026-11-23T02:00:00.000Z')),
      ticketStepDone(2, { ticketId: 'c-1', clockId: 'complaint.preliminaryInvestigation' }, at('2026-11-23T03:00:00.000Z')),
    ]
    await projectEntries(db, entries)
    // Next: the responsibility confirmation, 10 working days after the incident (Friday 20 November).
    expect(await db.tickets.get('c-1')).toMatchObject({ nextDueWhat: 'complaint.responsibilityConfirmation', nextDueAt: '2026-12-04T16:00:00.000Z' })
    await projectEntries(db, [...entries, ticketDetailsUpdated(3, { ticketId: 'c-1', details: { ...details, writtenClaim: true } }, at('2026-11-23T04:00:00.000Z'))])
    // The apology letter: 1 working day from the opening (Monday 23 November).
    expect(await db.tickets.get('c-1')).toMatchObject({ nextDueWhat: 'complaint.apologyLetter', nextDueAt: '2026-11-24T16:00:00.000Z' })
  })
})

describe('ticketDeadline', () => {
  const context = deadlineContext(withClock('overcharge.settle', { pauseWhileWaitingOnCustomer: true }))
  const waiting: TicketClockInput = {
    status: 'waiting',
    details: sampleDetails('overcharge'),
    openedAt: '2026-11-23T02:00:00.000Z',
    statusHistory: [
      { at: '2026-11-23T02:00:00.000Z', status: 'open', waitingOn: null },
      { at: '2026-11-23T02:10:00.000Z', status: 'waiting', waitingOn: 'customer' },
    ],
    stepsDone: [],
  }

  it('a running callback comes before a clock standing still, even one that reads earlier', () => {
    const callbacks = [{ callbackId: 'cb-1', dueAt: '2026-11-23T06:00:00.000Z' }]
    expect(ticketDeadline(waiting, callbacks, context, '2026-11-23T02:20:00.000Z')).toEqual({
      nextDueAt: '2026-11-23T06:00:00.000Z',
      nextDueWhat: 'callback:cb-1',
      dueProblem: null,
      pausedNow: false,
    })
    expect(ticketDeadline(waiting, [], context, '2026-11-23T02:20:00.000Z')).toEqual({
      nextDueAt: '2026-11-23T04:10:00.000Z',
      nextDueWhat: 'overcharge.settle',
      dueProblem: null,
      pausedNow: true,
    })
  })

  it('a finished ticket owes nothing, pending callbacks or not', () => {
    const callbacks = [{ callbackId: 'cb-1', dueAt: '2026-11-23T06:00:00.000Z' }]
    expect(ticketDeadline({ ...waiting, status: 'resolved' }, callbacks, context, '2026-11-23T02:20:00.000Z')).toEqual(noDeadline)
    expect(ticketDeadline({ ...waiting, status: 'closed' }, callbacks, context, '2026-11-23T02:20:00.000Z')).toEqual(noDeadline)
  })

  it('names the callback behind a deadline', () => {
    expect(dueCallbackId('callback:cb-7')).toBe('cb-7')
    expect(dueCallbackId('overcharge.settle')).toBeNull()
    expect(dueCallbackId(null)).toBeNull()
  })
})
