import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  clocksForTicket,
  deadlineSettingsSchema,
  deadlineStatus,
  defaultDeadlineSettings,
  dueAt,
  type ClockStart,
  type DeadlineClock,
} from './deadlines'
import { ticketDetailsSchema, type TicketDetails } from './kinds'
import { createWorkingDayCalendar } from './workingDays'

const calendar = createWorkingDayCalendar()
const clockById = (id: string): DeadlineClock => {
  const found = defaultDeadlineSettings.clocks.find((clock) => clock.id === id)
  if (!found) throw new Error(`no clock ${id}`)
  return found
}
const pausing = (id: string): DeadlineClock => ({ ...clockById(id), pauseWhileWaitingOnCustomer: true })
const due = (clock: DeadlineClock, start: ClockStart, cal = calendar) => dueAt(clock, start, cal)

describe('deadline settings', () => {
  it('the defaults are valid settings, the regulator rule off', () => {
    expect(deadlineSettingsSchema.parse(defaultDeadlineSettings)).toEqual(defaultDeadlineSettings)
    expect(defaultDeadlineSettings.regulatorRule).toEqual({ enabled: false, replyBeforeAppealDays: 7, forwardedAppealAnswerDays: 15 })
  })

  it.each([
    ['trackingInquiry.answer', 5, 'minutes', 'opened'],
    ['businessLead.followUp', 10, 'minutes', 'opened'],
    ['overcharge.settle', 2, 'hours', 'opened'],
    ['dataChange.passToBranch', 0, 'calendarDays', 'opened'],
    ['complaint.preliminaryInvestigation', 1, 'workingDays', 'opened'],
    ['complaint.responsibilityConfirmation', 10, 'workingDays', 'incident'],
    ['complaint.hqArbitration', 40, 'workingDays', 'incident'],
    ['complaint.accountAdjustment', 60, 'workingDays', 'incident'],
    ['complaint.customerPaid', 60, 'workingDays', 'incident'],
    ['complaint.majorIncidentReport', 24, 'hours', 'opened'],
    ['claim.preliminaryInvestigation', 3, 'workingDays', 'opened'],
    ['claim.reportToInsurer', 2, 'workingDays', 'opened'],
    ['claim.branchProposal', 5, 'workingDays', 'opened'],
    ['claim.beyondAuthority', 10, 'workingDays', 'opened'],
    ['claim.customerPaid', 2, 'calendarMonths', 'incident'],
  ])('%s: %i %s from %s (DOMAIN.md)', (id, amount, unit, from) => {
    expect(clockById(id)).toMatchObject({ amount, unit, from })
  })

  it('refuses a duplicate clock id and a zero-length minute clock, allows "the same day"', () => {
    const twice = deadlineSettingsSchema.safeParse({ ...defaultDeadlineSettings, clocks: [...defaultDeadlineSettings.clocks, clockById('overcharge.settle')] })
    expect(twice.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['clocks', 'duplicateClockId']])
    const zero = deadlineSettingsSchema.safeParse({ ...defaultDeadlineSettings, clocks: [{ ...clockById('overcharge.settle'), amount: 0 }] })
    expect(zero.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['clocks.0.amount', 'amountPositive']])
    expect(deadlineSettingsSchema.safeParse({ ...defaultDeadlineSettings, clocks: [clockById('dataChange.passToBranch')] }).success).toBe(true)
  })
})

describe('which clocks run for a ticket', () => {
  const complaint = (overrides: Partial<Extract<TicketDetails, { kind: 'complaint' }>> = {}): TicketDetails =>
    ticketDetailsSchema.parse({
      kind: 'complaint', callerPhone: null, customerName: '张伟', callerRole: 'shipper', waybillNo: null, source: 'customer',
      content: '货物延误五天未送达', incidentAt: null, writtenClaim: false, majorIncident: false, beyondAuthority: false,
      responsibility: null, remedy: null, customerSatisfied: null, ...overrides,
    })
  const ids = (details: TicketDetails, settings = defaultDeadlineSettings) => clocksForTicket(settings, details).map((clock) => clock.id)

  it('a plain complaint', () => {
    expect(ids(complaint())).toEqual([
      'complaint.preliminaryInvestigation',
      'complaint.responsibilityConfirmation',
      'complaint.hqArbitration',
      'complaint.accountAdjustment',
      'complaint.customerPaid',
    ])
  })

  it('a written, major complaint beyond the branch adds the letters, the HQ report and the approval', () => {
    expect(ids(complaint({ writtenClaim: true, majorIncident: true, beyondAuthority: true }))).toEqual(
      expect.arrayContaining(['complaint.apologyLetter', 'complaint.negotiationLetter', 'complaint.majorIncidentReport', 'complaint.beyondAuthority']),
    )
  })

  it('the regulator rule adds its clocks only when switched on', () => {
    const on = { ...defaultDeadlineSettings, regulatorRule: { ...defaultDeadlineSettings.regulatorRule, enabled: true } }
    expect(ids(complaint({ source: 'regulatorForwarded' }))).not.toContain('complaint.regulator.forwardedAppealAnswer')
    expect(ids(complaint(), on)).toContain('complaint.regulator.replyBeforeAppeal')
    expect(ids(complaint(), on)).not.toContain('complaint.regulator.forwardedAppealAnswer')
    expect(ids(complaint({ source: 'regulatorForwarded' }), on)).toContain('complaint.regulator.forwardedAppealAnswer')

    const [reply] = clocksForTicket(on, complaint()).filter((clock) => clock.id === 'complaint.regulator.replyBeforeAppeal')
    // 7 calendar days run straight through the National Day week.
    expect(due(reply!, { openedAt: '2026-09-30T10:00:00+08:00' })).toMatchObject({ ok: true, dueDate: '2026-10-07', dueAt: '2026-10-07T16:00:00.000Z' })
  })
})

describe('dueAt', () => {
  it('minutes and hours run on the clock, holidays or not', () => {
    expect(due(clockById('trackingInquiry.answer'), { openedAt: '2026-03-02T10:00:00+08:00' })).toEqual({
      ok: true, dueAt: '2026-03-02T02:05:00.000Z', dueDate: null, pausedMs: 0, pausedNow: false,
    })
    expect(due(clockById('overcharge.settle'), { openedAt: '2026-02-15T23:00:00+08:00' })).toMatchObject({ dueAt: '2026-02-15T17:00:00.000Z' })
  })

  it('"the same day" ends at 24:00 in China', () => {
    expect(due(clockById('dataChange.passToBranch'), { openedAt: '2026-03-02T15:00:00+08:00' })).toMatchObject({
      dueDate: '2026-03-02', dueAt: '2026-03-02T16:00:00.000Z',
    })
  })

  it.each([
    // A complaint opened on the Friday before the Spring Festival: the next working day is the 调休 Saturday.
    ['2026-02-13T17:30:00+08:00', '2026-02-14'],
    // Opened on that Saturday after hours: the holiday week is skipped.
    ['2026-02-14T22:00:00+08:00', '2026-02-24'],
    ['2026-02-18T09:00:00+08:00', '2026-02-24'],
    // Friday 18 September: Saturday off, Sunday the 20th is a 调休 working day.
    ['2026-09-18T16:00:00+08:00', '2026-09-20'],
    ['2026-09-30T09:00:00+08:00', '2026-10-08'],
    ['2026-10-09T11:00:00+08:00', '2026-10-10'],
  ])('complaint preliminary investigation opened %s is due at the end of %s', (openedAt, dueDate) => {
    const result = due(clockById('complaint.preliminaryInvestigation'), { openedAt })
    // Ends at 24:00 +08:00 of the due date: 16:00Z that day.
    expect(result).toMatchObject({ ok: true, dueDate, dueAt: `${dueDate}T16:00:00.000Z` })
  })

  it('reads the date in China, not in UTC: one minute either side of midnight +08:00', () => {
    const clock = clockById('complaint.preliminaryInvestigation')
    // 23:59 Friday in Shenzhen (15:59Z) and 00:01 Saturday in Shenzhen (16:01Z, still Friday in UTC).
    expect(due(clock, { openedAt: '2026-02-13T15:59:00Z' })).toMatchObject({ dueDate: '2026-02-14' })
    expect(due(clock, { openedAt: '2026-02-13T16:01:00Z' })).toMatchObject({ dueDate: '2026-02-24' })
    expect(due(clock, { openedAt: new Date('2026-02-13T16:01:00Z') })).toMatchObject({ dueDate: '2026-02-24' })
  })

  it('the incident clocks run from the incident and need its time', () => {
    const clock = clockById('complaint.responsibilityConfirmation')
    expect(due(clock, { openedAt: '2026-10-12T09:00:00+08:00', incidentAt: '2026-09-28T10:00:00+08:00' })).toMatchObject({ ok: true, dueDate: '2026-10-16' })
    expect(due(clock, { openedAt: '2026-10-12T09:00:00+08:00' })).toEqual({ ok: false, reason: 'incidentTimeMissing' })
    expect(due(clock, { openedAt: '2026-10-12T09:00:00+08:00', incidentAt: null })).toEqual({ ok: false, reason: 'incidentTimeMissing' })
  })

  it('a deadline that runs into 2027 says the calendar does not cover it', () => {
    const start = { openedAt: '2026-11-05T09:00:00+08:00', incidentAt: '2026-11-02T09:00:00+08:00' }
    expect(due(clockById('complaint.customerPaid'), start)).toEqual({ ok: false, reason: 'calendarNotCovered', year: 2027 })
    expect(due(clockById('complaint.preliminaryInvestigation'), { openedAt: '2026-12-31T10:00:00+08:00' })).toEqual({
      ok: false, reason: 'calendarNotCovered', year: 2027,
    })
    // Calendar months need no holiday data: the claim payment still has its date.
    expect(due(clockById('claim.customerPaid'), start)).toMatchObject({ ok: true, dueDate: '2027-01-02', dueAt: '2027-01-02T16:00:00.000Z' })
  })

  it('follows the supervisor: an edited clock and a company holiday', () => {
    const openedAt = '2026-03-05T10:00:00+08:00' // Thursday
    expect(due(clockById('complaint.preliminaryInvestigation'), { openedAt })).toMatchObject({ dueDate: '2026-03-06' })
    const withHoliday = createWorkingDayCalendar({ overrides: [{ date: '2026-03-06', kind: 'holiday', note: '司庆日' }] })
    expect(due(clockById('complaint.preliminaryInvestigation'), { openedAt }, withHoliday)).toMatchObject({ dueDate: '2026-03-09' })
    const withSaturday = createWorkingDayCalendar({ overrides: [{ date: '2026-03-07', kind: 'workingDay', note: '加班' }] })
    expect(due({ ...clockById('complaint.preliminaryInvestigation'), amount: 2 }, { openedAt }, withSaturday)).toMatchObject({ dueDate: '2026-03-07' })
  })
})

describe('pauses while waiting on the customer', () => {
  const openedAt = '2026-03-02T10:00:00+08:00' // Monday
  const at = (time: string, day = '2026-03-02') => `${day}T${time}:00+08:00`
  const settle = pausing('overcharge.settle') // 2 hours: 12:00 without pauses

  it('a minute/hour clock moves on by the waiting time before it fell due', () => {
    expect(due(settle, { openedAt, pauses: [{ from: at('10:30'), to: at('11:00') }] })).toMatchObject({
      dueAt: new Date(at('12:30')).toISOString(), pausedMs: 30 * 60_000, pausedNow: false,
    })
    // After the deadline: nothing to move. Before opening: only the part after opening counts.
    expect(due(settle, { openedAt, pauses: [{ from: at('13:00'), to: at('14:00') }] })).toMatchObject({ dueAt: new Date(at('12:00')).toISOString() })
    expect(due(settle, { openedAt, pauses: [{ from: at('09:00'), to: at('10:30') }] })).toMatchObject({ dueAt: new Date(at('12:30')).toISOString() })
    // The first pause pushes the deadline to 13:00, which brings the 12:15 pause inside it.
    const chained = [{ from: at('12:15'), to: at('12:45') }, { from: at('10:30'), to: at('11:30') }]
    expect(due(settle, { openedAt, pauses: chained })).toMatchObject({ dueAt: new Date(at('13:30')).toISOString() })
    // Overlapping pauses count once.
    const overlapping = [{ from: at('10:30'), to: at('11:00') }, { from: at('10:45'), to: at('11:15') }]
    expect(due(settle, { openedAt, pauses: overlapping })).toMatchObject({ dueAt: new Date(at('12:45')).toISOString() })
  })

  it('an open pause runs to now and is reported', () => {
    expect(due(settle, { openedAt, pauses: [{ from: at('11:00'), to: null }], now: at('11:20') })).toMatchObject({
      dueAt: new Date(at('12:20')).toISOString(), pausedNow: true,
    })
    expect(() => due(settle, { openedAt, pauses: [{ from: at('11:00'), to: null }] })).toThrow(RangeError)
  })

  it('a wait that began after the deadline holds nothing: the ticket stays overdue', () => {
    expect(due(settle, { openedAt, pauses: [{ from: at('15:00'), to: null }], now: at('15:30') })).toMatchObject({
      dueAt: new Date(at('12:00')).toISOString(), pausedMs: 0, pausedNow: false,
    })
    const preliminary = pausing('complaint.preliminaryInvestigation') // due end of Tuesday 03-03
    expect(due(preliminary, { openedAt, pauses: [{ from: at('09:00', '2026-03-05'), to: null }], now: at('10:00', '2026-03-06') })).toMatchObject({
      dueDate: '2026-03-03', pausedNow: false,
    })
  })

  it('a clock the supervisor has not made pausable ignores pauses', () => {
    expect(due(clockById('overcharge.settle'), { openedAt, pauses: [{ from: at('10:30'), to: at('11:00') }] })).toMatchObject({
      dueAt: new Date(at('12:00')).toISOString(), pausedMs: 0,
    })
  })

  it('a working-day clock moves on by whole working days spent waiting', () => {
    const preliminary = pausing('complaint.preliminaryInvestigation')
    // Tuesday 00:00 to Wednesday 12:00: one and a half working days → one more working day.
    expect(due(preliminary, { openedAt, pauses: [{ from: at('00:00', '2026-03-03'), to: at('12:00', '2026-03-04') }] })).toMatchObject({
      dueDate: '2026-03-04', pausedMs: 86_400_000,
    })
    // An afternoon's wait moves nothing.
    expect(due(preliminary, { openedAt, pauses: [{ from: at('14:00', '2026-03-03'), to: at('18:00', '2026-03-03') }] })).toMatchObject({ dueDate: '2026-03-03' })
  })

  it('waiting over a weekend moves nothing; waiting a whole week moves the count past it', () => {
    const threeDays = pausing('claim.preliminaryInvestigation')
    const thursday = '2026-03-05T10:00:00+08:00'
    expect(due(threeDays, { openedAt: thursday })).toMatchObject({ dueDate: '2026-03-10' })
    const weekend = [{ from: '2026-03-07T00:00:00+08:00', to: '2026-03-09T00:00:00+08:00' }]
    expect(due(threeDays, { openedAt: thursday, pauses: weekend })).toMatchObject({ dueDate: '2026-03-10', pausedMs: 0 })
    // Fri 6th counts, Mon 9th – Fri 13th waiting, then Mon 16th and Tue 17th.
    const week = [{ from: '2026-03-09T00:00:00+08:00', to: '2026-03-16T00:00:00+08:00' }]
    expect(due(threeDays, { openedAt: thursday, pauses: week })).toMatchObject({ dueDate: '2026-03-17', pausedMs: 5 * 86_400_000 })
  })

  it('a pause that pushes a working-day clock into 2027 says so', () => {
    const preliminary = pausing('complaint.preliminaryInvestigation')
    const pauses = [{ from: '2026-12-29T00:00:00+08:00', to: '2027-01-02T00:00:00+08:00' }]
    expect(due(preliminary, { openedAt: '2026-12-28T10:00:00+08:00', pauses })).toEqual({ ok: false, reason: 'calendarNotCovered', year: 2027 })
  })

  it('property: a pausable hour clock moves by no more than the total waiting and never earlier', () => {
    const base = Date.parse(openedAt)
    const pauseArb = fc
      .tuple(fc.integer({ min: -3_600_000, max: 4 * 3_600_000 }), fc.integer({ min: 0, max: 3_600_000 }))
      .map(([offset, length]) => ({ from: new Date(base + offset).toISOString(), to: new Date(base + offset + length).toISOString() }))
    fc.assert(
      fc.property(fc.array(pauseArb, { maxLength: 6 }), (pauses) => {
        const result = due(settle, { openedAt, pauses })
        if (!result.ok) throw new Error('unexpected')
        const total = pauses.reduce((sum, pause) => sum + Date.parse(pause.to) - Date.parse(pause.from), 0)
        const moved = Date.parse(result.dueAt) - (base + 2 * 3_600_000)
        expect(moved).toBeGreaterThanOrEqual(0)
        expect(moved).toBeLessThanOrEqual(total)
        expect(moved).toBe(result.pausedMs)
      }),
    )
  })
})

describe('deadlineStatus', () => {
  it.each([
    ['2026-03-02T11:00:00+08:00', 'running'],
    ['2026-03-02T11:50:00+08:00', 'dueSoon'],
    ['2026-03-02T12:00:00+08:00', 'overdue'],
    ['2026-03-02T13:00:00+08:00', 'overdue'],
  ])('at %s: %s', (now, status) => {
    expect(deadlineStatus('2026-03-02T04:00:00.000Z', now, 15 * 60_000)).toBe(status)
  })
})
