import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { JournalEntry } from '../../../shared/journal/entry'
import { confirmedChecklist } from '../demo/demoDesk'
import { fixtureSupervisor, openSeatFixture, type SeatFixture } from '../demo/seatFixture'
import { verifyAttestation } from '../identity/attest'
import { verifyJournalDirectory } from '../journal/verifyJournalDirectory'

const supervisor = fixtureSupervisor
const agent = { employeeNo: 'A001', name: '张伟', role: 'agent' as const, pin: '200001' }
const lead = { employeeNo: 'L001', name: '王建国', role: 'shiftLead' as const, pin: '135790' }

let seat: SeatFixture
afterEach(async () => {
  await seat.dispose()
})

async function seatWithStaff(): Promise<SeatFixture> {
  const fixture = await openSeatFixture()
  await fixture.signInReady(supervisor.employeeNo, supervisor.pin)
  await fixture.call('userAdd', agent)
  await fixture.call('userAdd', lead)
  await fixture.call('signOut', {})
  return fixture
}

function entries(fixture: SeatFixture): Promise<JournalEntry[]> {
  return fixture.journalEntries()
}

function publicKeyOf(all: JournalEntry[], employeeNo: string): string {
  const added = all.findLast(
    (entry) => (entry.kind === 'user.added' || entry.kind === 'user.keyRotated') && (entry.payload as { employeeNo: string }).employeeNo === employeeNo,
  )
  return (added?.payload as { publicKey: string }).publicKey
}

describe('sign-in', () => {
  it('opens a session signed with the user’s own key, verifiable from the journal alone', async () => {
    seat = await seatWithStaff()
    const view = await seat.call('signIn', { employeeNo: agent.employeeNo, pin: agent.pin })
    expect(view).toMatchObject({ user: { employeeNo: 'A001', name: '张伟', role: 'agent' }, checklistConfirmedAt: null, lockedAt: null, idleLockMinutes: 10 })
    const all = await entries(seat)
    const signedIn = all.at(-1)
    expect(signedIn).toMatchObject({ kind: 'session.signedIn', actor: 'A001', payload: { sessionId: view.sessionId, employeeNo: 'A001' } })
    const payload = signedIn?.payload as { sessionId: string; employeeNo: string; attestation: { employeeNo: string; sig: string } }
    expect(verifyAttestation(publicKeyOf(all, 'A001'), 'session.signedIn', payload)).toBe(true)
    expect(verifyAttestation(publicKeyOf(all, 'S001'), 'session.signedIn', payload)).toBe(false)
    expect(await seat.call('sessionCurrent', {})).toEqual(view)
  })

  it('signs out the open session of someone else as replaced', async () => {
    seat = await seatWithStaff()
    const first = await seat.call('signIn', { employeeNo: agent.employeeNo, pin: agent.pin })
    // A wrong PIN by the next person leaves the open session alone.
    expect(await seat.send('signIn', { employeeNo: lead.employeeNo, pin: '000000' })).toMatchObject({ ok: false })
    expect((await seat.call('sessionCurrent', {}))?.sessionId).toBe(first.sessionId)
    const second = await seat.call('signIn', { employeeNo: lead.employeeNo, pin: lead.pin })
    const [signedOut, signedIn] = (await entries(seat)).slice(-2)
    expect(signedOut).toMatchObject({ kind: 'session.signedOut', payload: { sessionId: first.sessionId, reason: 'replaced' } })
    expect(signedIn).toMatchObject({ kind: 'session.signedIn', payload: { sessionId: second.sessionId } })
  })

  it('signs out', async () => {
    seat = await seatWithStaff()
    const view = await seat.call('signIn', { employeeNo: agent.employeeNo, pin: agent.pin })
    expect(await seat.call('signOut', {})).toBeNull()
    expect((await entries(seat)).at(-1)).toMatchObject({ kind: 'session.signedOut', actor: 'A001', payload: { sessionId: view.sessionId, reason: 'user' } })
    expect(await seat.call('sessionCurrent', {})).toBeNull()
    expect(await seat.send('signOut', {})).toEqual({ ok: false, error: { code: 'notSignedIn' } })
    expect(await seat.send('settingsGet', {})).toEqual({ ok: false, error: { code: 'notSignedIn' } })
  })
})

describe('pre-shift checklist (003 岗前准备)', () => {
  it('holds feature channels until confirmed with the PIN, and is attested', async () => {
    seat = await seatWithStaff()
    await seat.call('signIn', { employeeNo: supervisor.employeeNo, pin: supervisor.pin })
    expect(await seat.send('usersList', {})).toEqual({ ok: false, error: { code: 'checklistPending' } })
    expect(await seat.send('checklistConfirm', { items: confirmedChecklist, pin: agent.pin })).toMatchObject({ error: { code: 'badCredentials' } })
    const view = await seat.call('checklistConfirm', { items: confirmedChecklist, pin: supervisor.pin })
    expect(view.checklistConfirmedAt).toBe(seat.clock.now().toISOString())
    const all = await entries(seat)
    const confirmed = all.at(-1)
    expect(confirmed).toMatchObject({ kind: 'session.checklistConfirmed', actor: 'S001', payload: { items: confirmedChecklist } })
    expect(verifyAttestation(publicKeyOf(all, 'S001'), 'session.checklistConfirmed', confirmed?.payload as never)).toBe(true)
    expect(await seat.call('usersList', {})).toHaveLength(3)
    // Confirming again writes nothing.
    const head = seat.headSeq()
    await seat.call('checklistConfirm', { items: confirmedChecklist, pin: supervisor.pin })
    expect(seat.headSeq()).toBe(head)
  })

  it('refuses a checklist with an unticked item', async () => {
    seat = await seatWithStaff()
    await seat.call('signIn', { employeeNo: agent.employeeNo, pin: agent.pin })
    const result = await seat.services.dispatch('checklistConfirm', { items: { ...confirmedChecklist, phoneChecked: false }, pin: agent.pin })
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } })
  })
})

describe('screen lock', () => {
  it('refuses everything but unlock, sign-out and status while locked', async () => {
    seat = await seatWithStaff()
    await seat.signInReady(supervisor.employeeNo, supervisor.pin)
    const locked = await seat.call('sessionLock', { reason: 'idle' })
    expect(locked.lockedAt).toBe(seat.clock.now().toISOString())
    for (const [channel, request] of [
      ['usersList', {}],
      ['settingsGet', {}],
      ['sessionLock', { reason: 'manual' }],
      ['checklistConfirm', { items: confirmedChecklist, pin: supervisor.pin }],
      ['signIn', { employeeNo: agent.employeeNo, pin: agent.pin }],
      ['seatSetup', { companyName: 'X', branchCode: 'XX', seatNumber: '1', supervisor }],
    ] as const) {
      expect(await seat.services.dispatch(channel, request), channel).toEqual({ ok: false, error: { code: 'sessionLocked' } })
    }
    for (const channel of ['appInfo', 'seatStatus', 'sessionCurrent'] as const) {
      expect(await seat.services.dispatch(channel, {}), channel).toMatchObject({ ok: true })
    }
    expect(await seat.send('journalRead', { afterSeq: 0, limit: 5 })).toMatchObject({ ok: true })
  })

  it('unlocks only with the same user’s PIN; other PINs count toward that user’s lockout', async () => {
    seat = await seatWithStaff()
    await seat.signInReady(agent.employeeNo, agent.pin)
    await seat.call('sessionLock', { reason: 'manual' })
    expect(await seat.send('sessionUnlock', { pin: lead.pin })).toEqual({ ok: false, error: { code: 'badCredentials', params: { remaining: 4 } } })
    expect(await seat.send('sessionUnlock', { pin: supervisor.pin })).toEqual({ ok: false, error: { code: 'badCredentials', params: { remaining: 3 } } })
    const unlocked = await seat.call('sessionUnlock', { pin: agent.pin })
    expect(unlocked).toMatchObject({ lockedAt: null, user: { employeeNo: 'A001' } })
    expect((await entries(seat)).slice(-2).map((entry) => entry.kind)).toEqual(['session.locked', 'session.unlocked'])
    expect(await seat.call('usersList', {}).catch((error: Error) => error.message)).toContain('notAllowed')
  })

  it('lets the seat be signed out from the lock screen', async () => {
    seat = await seatWithStaff()
    await seat.signInReady(agent.employeeNo, agent.pin)
    await seat.call('sessionLock', { reason: 'idle' })
    await seat.call('signOut', {})
    await seat.call('signIn', { employeeNo: lead.employeeNo, pin: lead.pin })
  })
})

describe('restart', () => {
  it('brings an open session back locked, with its checklist, and only once', async () => {
    seat = await seatWithStaff()
    const before = await seat.signInReady(agent.employeeNo, agent.pin)
    await seat.restart()
    const after = await seat.call('sessionCurrent', {})
    expect(after).toMatchObject({ sessionId: before.sessionId, checklistConfirmedAt: before.checklistConfirmedAt })
    expect(after?.lockedAt).not.toBeNull()
    expect((await entries(seat)).at(-1)).toMatchObject({ kind: 'session.locked', actor: 'seat', payload: { reason: 'restart' } })
    const head = seat.headSeq()
    await seat.restart()
    expect(seat.headSeq()).toBe(head)
    expect(await seat.send('settingsGet', {})).toEqual({ ok: false, error: { code: 'sessionLocked' } })
    await seat.call('sessionUnlock', { pin: agent.pin })
    expect(await seat.send('settingsGet', {})).toMatchObject({ ok: true })
    expect((await verifyJournalDirectory(join(seat.dataDir, 'journal'))).status).toBe('intact')
  })

  it('starts signed out after a sign-out', async () => {
    seat = await seatWithStaff()
    await seat.restart()
    expect(await seat.call('sessionCurrent', {})).toBeNull()
  })
})
