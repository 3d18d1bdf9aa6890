import { afterEach, describe, expect, it } from 'vitest'
import { defaultDeadlineSettings, type DeadlineSettings } from '../../../shared/domain/tickets/deadlines'
import { defaultWorkingDayCalendarSettings, type WorkingDayCalendarSettings } from '../../../shared/domain/tickets/workingDays'
import type { SeatFixture } from '../demo/seatFixture'
import { actAs, agentZhang, entriesOfKind, openTicketSeat, refusedWithoutWriting, shiftLeadWang, supervisor, unlockAfterRestart } from './ticketSeatFixture'

let seat: SeatFixture
afterEach(async () => {
  await seat?.dispose()
})

// A supervisor changes a complaint clock to pause while the customer is away, and the overcharge clock to 3 hours.
const changedClocks: DeadlineSettings = {
  ...defaultDeadlineSettings,
  clocks: defaultDeadlineSettings.clocks.map((clock) =>
    clock.id === 'overcharge.settle'
      ? { ...clock, amount: 3 }
      : clock.id === 'complaint.preliminaryInvestigation'
        ? { ...clock, pauseWhileWaitingOnCustomer: true }
        : clock,
  ),
}

// The company's anniversary off, and an extra working Saturday.
const changedCalendar: WorkingDayCalendarSettings = {
  overrides: [
    { date: '2026-05-20', kind: 'holiday', note: '司庆日' },
    { date: '2026-06-13', kind: 'workingDay', note: '年中盘点' },
  ],
  coveredYears: [2027],
}

describe('deadline settings and the working-day calendar', () => {
  it('read the defaults before any change, for anyone signed in', async () => {
    seat = await openTicketSeat()
    expect(await seat.call('deadlineSettingsGet', {})).toEqual(defaultDeadlineSettings)
    expect(await seat.call('workingCalendarGet', {})).toEqual(defaultWorkingDayCalendarSettings)
    // Unlocked is enough: the checklist is not needed to see the clocks.
    await seat.call('signIn', { employeeNo: shiftLeadWang.employeeNo, pin: shiftLeadWang.pin })
    expect(await seat.call('deadlineSettingsGet', {})).toEqual(defaultDeadlineSettings)
    await seat.call('sessionLock', { reason: 'manual' })
    expect(await refusedWithoutWriting(seat, 'deadlineSettingsGet', {})).toEqual({ code: 'sessionLocked' })
    expect(await refusedWithoutWriting(seat, 'workingCalendarGet', {})).toEqual({ code: 'sessionLocked' })
  })

  it('are changed by a supervisor only, and the change is journaled with who made it', async () => {
    seat = await openTicketSeat()
    expect(await refusedWithoutWriting(seat, 'deadlineSettingsUpdate', { settings: changedClocks })).toEqual({ code: 'notAllowed' })
    expect(await refusedWithoutWriting(seat, 'workingCalendarUpdate', { settings: changedCalendar })).toEqual({ code: 'notAllowed' })
    await actAs(seat, shiftLeadWang)
    expect(await refusedWithoutWriting(seat, 'deadlineSettingsUpdate', { settings: changedClocks })).toEqual({ code: 'notAllowed' })

    await actAs(seat, supervisor)
    expect(await seat.call('deadlineSettingsUpdate', { settings: changedClocks })).toEqual(changedClocks)
    expect(await seat.call('workingCalendarUpdate', { settings: changedCalendar })).toEqual(changedCalendar)
    expect(await entriesOfKind(seat, 'deadlineSettings.changed')).toMatchObject([{ actor: 'S001', payload: { settings: changedClocks } }])
    expect(await entriesOfKind(seat, 'workingCalendar.changed')).toMatchObject([{ actor: 'S001', payload: { settings: changedCalendar } }])

    // The same settings again write nothing.
    const head = seat.headSeq()
    await seat.call('deadlineSettingsUpdate', { settings: changedClocks })
    await seat.call('workingCalendarUpdate', { settings: changedCalendar })
    expect(seat.headSeq()).toBe(head)

    await actAs(seat, agentZhang)
    expect(await seat.call('deadlineSettingsGet', {})).toEqual(changedClocks)
    expect(await seat.call('workingCalendarGet', {})).toEqual(changedCalendar)
  })

  it('refuses settings that break their schema (a duplicate override date)', async () => {
    seat = await openTicketSeat()
    await actAs(seat, supervisor)
    const duplicate = { ...changedCalendar, overrides: [...changedCalendar.overrides, { date: '2026-05-20', kind: 'workingDay', note: '' }] }
    const refusal = await refusedWithoutWriting(seat, 'workingCalendarUpdate', { settings: duplicate } as never)
    expect(refusal).toMatchObject({ code: 'validation', issues: [{ path: 'settings.overrides', message: 'duplicateOverrideDate' }] })
  })

  it('come back after a restart as last changed', async () => {
    seat = await openTicketSeat()
    await actAs(seat, supervisor)
    await seat.call('deadlineSettingsUpdate', { settings: changedClocks })
    await seat.call('workingCalendarUpdate', { settings: changedCalendar })
    await seat.restart()
    await unlockAfterRestart(seat, supervisor)
    expect(await seat.call('deadlineSettingsGet', {})).toEqual(changedClocks)
    expect(await seat.call('workingCalendarGet', {})).toEqual(changedCalendar)
  })
})
