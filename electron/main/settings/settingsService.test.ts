import { afterEach, describe, expect, it } from 'vitest'
import { defaultSettings } from '../../../shared/domain/settings'
import { fixtureSupervisor, openSeatFixture, type SeatFixture } from '../demo/seatFixture'

let seat: SeatFixture
afterEach(async () => {
  await seat.dispose()
})

describe('settings', () => {
  it('starts at the defaults', async () => {
    seat = await openSeatFixture()
    await seat.call('signIn', { employeeNo: fixtureSupervisor.employeeNo, pin: fixtureSupervisor.pin })
    expect(await seat.call('settingsGet', {})).toEqual(defaultSettings)
  })

  it('is changed by a supervisor through the journal and kept across restarts', async () => {
    seat = await openSeatFixture()
    await seat.signInReady(fixtureSupervisor.employeeNo, fixtureSupervisor.pin)
    const changed = { ...defaultSettings, idleLockMinutes: 15 }
    expect(await seat.call('settingsUpdate', { settings: changed })).toEqual(changed)
    const entries = await seat.journalEntries()
    expect(entries.at(-1)).toMatchObject({ kind: 'settings.changed', actor: 'S001', payload: { settings: changed } })
    // The session view carries the idle-lock time the renderer's timer uses.
    expect((await seat.call('sessionCurrent', {}))?.idleLockMinutes).toBe(15)
    // Saving the same values again writes nothing.
    const head = seat.headSeq()
    await seat.call('settingsUpdate', { settings: changed })
    expect(seat.headSeq()).toBe(head)
    await seat.restart()
    await seat.call('sessionUnlock', { pin: fixtureSupervisor.pin })
    expect(await seat.call('settingsGet', {})).toEqual(changed)
    // The last change wins.
    await seat.call('settingsUpdate', { settings: { ...changed, lockoutMinutes: 20 } })
    expect(await seat.call('settingsGet', {})).toEqual({ ...changed, lockoutMinutes: 20 })
  })

  it('refuses values outside the bounds and non-supervisors', async () => {
    seat = await openSeatFixture()
    await seat.signInReady(fixtureSupervisor.employeeNo, fixtureSupervisor.pin)
    expect(await seat.send('settingsUpdate', { settings: { ...defaultSettings, lockoutAttempts: 1 } })).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ path: 'settings.lockoutAttempts' }] },
    })
    await seat.call('userAdd', { employeeNo: 'L001', name: '王建国', role: 'shiftLead', pin: '135790' })
    await seat.signInReady('L001', '135790')
    expect(await seat.call('settingsGet', {})).toEqual(defaultSettings)
    expect(await seat.send('settingsUpdate', { settings: defaultSettings })).toEqual({ ok: false, error: { code: 'notAllowed' } })
  })
})
