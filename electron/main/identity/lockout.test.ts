import { afterEach, describe, expect, it } from 'vitest'
import { defaultSettings } from '../../../shared/domain/settings'
import { fixtureSupervisor, openSeatFixture, type SeatFixture } from '../demo/seatFixture'

// 5 wrong PINs in a row (settings.lockoutAttempts) lock the user for settings.lockoutMinutes.
const agent = { employeeNo: 'A001', name: '张伟', role: 'agent' as const, pin: '200001' }
const wrong = '999999'
const { lockoutAttempts, lockoutMinutes } = defaultSettings

let seat: SeatFixture
afterEach(async () => {
  await seat.dispose()
})

async function seatWithAgent(): Promise<SeatFixture> {
  const fixture = await openSeatFixture()
  await fixture.signInReady(fixtureSupervisor.employeeNo, fixtureSupervisor.pin)
  await fixture.call('userAdd', agent)
  await fixture.call('signOut', {})
  return fixture
}

async function failSignIns(fixture: SeatFixture, employeeNo: string, times: number) {
  const answers = []
  for (let attempt = 0; attempt < times; attempt++) answers.push(await fixture.send('signIn', { employeeNo, pin: wrong }))
  return answers
}

describe('wrong-PIN lockout', () => {
  it('counts down, then locks with the until time; the journal records the lockout', async () => {
    seat = await seatWithAgent()
    const answers = await failSignIns(seat, agent.employeeNo, lockoutAttempts)
    expect(answers.slice(0, -1).map((answer) => answer.ok || answer.error.params?.remaining)).toEqual([4, 3, 2, 1])
    const until = new Date(seat.clock.now().getTime() + lockoutMinutes * 60_000).toISOString()
    expect(answers.at(-1)).toEqual({ ok: false, error: { code: 'userLocked', params: { until, minutes: lockoutMinutes } } })
    // Locked: even the right PIN is refused.
    expect(await seat.send('signIn', { employeeNo: agent.employeeNo, pin: agent.pin })).toMatchObject({
      ok: false,
      error: { code: 'userLocked', params: { until } },
    })
    const entries = await seat.journalEntries()
    expect(entries.at(-1)).toMatchObject({
      kind: 'user.lockedOut',
      actor: 'seat',
      payload: { employeeNo: agent.employeeNo, until, failedAttempts: lockoutAttempts },
    })
  })

  it('lets the user in once the lockout has passed, with a fresh count', async () => {
    seat = await seatWithAgent()
    await failSignIns(seat, agent.employeeNo, lockoutAttempts)
    seat.clock.advance(lockoutMinutes * 60_000 - 1_000)
    expect(await seat.send('signIn', { employeeNo: agent.employeeNo, pin: agent.pin })).toMatchObject({ error: { code: 'userLocked', params: { minutes: 1 } } })
    seat.clock.advance(1_000)
    const [first] = await failSignIns(seat, agent.employeeNo, 1)
    expect(first).toEqual({ ok: false, error: { code: 'badCredentials', params: { remaining: lockoutAttempts - 1 } } })
    expect(await seat.send('signIn', { employeeNo: agent.employeeNo, pin: agent.pin })).toMatchObject({ ok: true })
  })

  it('resets the count after a correct PIN', async () => {
    seat = await seatWithAgent()
    await failSignIns(seat, agent.employeeNo, lockoutAttempts - 1)
    await seat.call('signIn', { employeeNo: agent.employeeNo, pin: agent.pin })
    await seat.call('signOut', {})
    const [next] = await failSignIns(seat, agent.employeeNo, 1)
    expect(next).toMatchObject({ error: { code: 'badCredentials', params: { remaining: lockoutAttempts - 1 } } })
  })

  it('survives a restart: the count and the lock are persisted', async () => {
    seat = await seatWithAgent()
    await failSignIns(seat, agent.employeeNo, 2)
    await seat.restart()
    const [third] = await failSignIns(seat, agent.employeeNo, 1)
    expect(third).toMatchObject({ error: { code: 'badCredentials', params: { remaining: lockoutAttempts - 3 } } })
    await failSignIns(seat, agent.employeeNo, 2)
    await seat.restart()
    expect(await seat.send('signIn', { employeeNo: agent.employeeNo, pin: agent.pin })).toMatchObject({ error: { code: 'userLocked' } })
    seat.clock.advance(lockoutMinutes * 60_000)
    expect(await seat.send('signIn', { employeeNo: agent.employeeNo, pin: agent.pin })).toMatchObject({ ok: true })
  })

  it('answers an unknown employee number exactly like a real one', async () => {
    seat = await seatWithAgent()
    const real = await failSignIns(seat, agent.employeeNo, lockoutAttempts + 1)
    const unknown = await failSignIns(seat, 'NOBODY', lockoutAttempts + 1)
    expect(unknown).toEqual(real)
    // The unknown one writes nothing: there is no one to record.
    const entries = await seat.journalEntries()
    expect(entries.filter((entry) => entry.kind === 'user.lockedOut')).toHaveLength(1)
  })

  it('shows the lock in the users list', async () => {
    seat = await seatWithAgent()
    await failSignIns(seat, agent.employeeNo, lockoutAttempts)
    await seat.signInReady(fixtureSupervisor.employeeNo, fixtureSupervisor.pin)
    const listed = (await seat.call('usersList', {})).find((user) => user.employeeNo === agent.employeeNo)
    expect(listed?.lockedUntil).toBe(new Date(seat.clock.now().getTime() + lockoutMinutes * 60_000).toISOString())
    // A PIN reset by the supervisor lifts the lock.
    expect(await seat.call('userResetPin', { employeeNo: agent.employeeNo, pin: '4321' })).toMatchObject({ lockedUntil: null })
  })

  it('follows the supervisor’s settings', async () => {
    seat = await seatWithAgent()
    await seat.signInReady(fixtureSupervisor.employeeNo, fixtureSupervisor.pin)
    await seat.call('settingsUpdate', { settings: { ...defaultSettings, lockoutAttempts: 3, lockoutMinutes: 30 } })
    await seat.call('signOut', {})
    const answers = await failSignIns(seat, agent.employeeNo, 3)
    expect(answers.at(-1)).toMatchObject({ error: { code: 'userLocked', params: { minutes: 30 } } })
  })
})
