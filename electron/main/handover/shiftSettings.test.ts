import { afterEach, describe, expect, it } from 'vitest'
import { defaultShiftSettings } from '../../../shared/domain/handover/shifts'
import type { SeatFixture } from '../demo/seatFixture'
import { actAs, agentZhang, entriesOfKind, openTicketSeat, refusedWithoutWriting, shiftLeadWang, supervisor } from '../tickets/ticketSeatFixture'

let seat: SeatFixture
afterEach(async () => {
  await seat?.dispose()
})

const night = { id: 'night', label: { 'zh-CN': '夜班', en: 'Night' }, start: '22:00', end: '08:30', part: 'other' } as const

describe('shift settings and the roster', () => {
  it('keeps the supervisor’s patterns in the journal, writing only a change, and survives a restart', async () => {
    seat = await openTicketSeat()
    expect(await seat.call('shiftSettingsGet', {})).toEqual(defaultShiftSettings)
    expect((await seat.send('shiftSettingsUpdate', { settings: defaultShiftSettings })).ok).toBe(false)
    await actAs(seat, supervisor)
    const head = seat.headSeq()
    await seat.call('shiftSettingsUpdate', { settings: defaultShiftSettings })
    expect(seat.headSeq()).toBe(head)
    const settings = { ...defaultShiftSettings, patterns: [...defaultShiftSettings.patterns, night] }
    expect(await seat.call('shiftSettingsUpdate', { settings })).toEqual(settings)
    expect(await entriesOfKind(seat, 'shiftSettings.changed')).toHaveLength(1)
    await seat.restart()
    await seat.call('sessionUnlock', { pin: supervisor.pin })
    expect(await seat.call('shiftSettingsGet', {})).toEqual(settings)
  })

  it('sets a day’s roster only with patterns that exist and people on the seat', async () => {
    seat = await openTicketSeat()
    await actAs(seat, supervisor)
    const day = { date: '2026-03-02', shifts: [{ patternId: 'morning', agents: [agentZhang.employeeNo], lead: shiftLeadWang.employeeNo }], duty: agentZhang.employeeNo }
    expect(await refusedWithoutWriting(seat, 'rosterSet', { day: { ...day, shifts: [{ ...day.shifts[0]!, patternId: 'night' }] } })).toEqual({
      code: 'unknownShiftPattern',
      params: { patternId: 'night' },
    })
    expect(await refusedWithoutWriting(seat, 'rosterSet', { day: { ...day, shifts: [{ ...day.shifts[0]!, lead: 'L099' }] } })).toEqual({
      code: 'unknownUser',
      params: { employeeNo: 'L099' },
    })
    expect(await seat.call('rosterSet', { day })).toEqual(day)
    expect((await entriesOfKind(seat, 'roster.changed')).map((entry) => entry.payload)).toEqual([{ day }])
  })
})
