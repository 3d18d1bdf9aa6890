import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { seedScripts } from '../../../shared/domain/seedScripts'
import { afterEach, describe, expect, it } from 'vitest'
import type { JournalEntry } from '../../../shared/journal/entry'
import { fixtureSupervisor, openSeatFixture, type SeatFixture } from '../demo/seatFixture'
import { defaultSettings } from '../../../shared/domain/settings'
import type { Journal } from '../journal/api'
import { verifyJournalDirectory } from '../journal/verifyJournalDirectory'
import { SeatDirectory } from './directory'
import { IdentityService } from './identityService'
import { toKnownEntry } from '../../../shared/journal/knownEntry'
import { fastScryptCost } from './scrypt'
import { SecretsStore } from './secrets'

const supervisor = fixtureSupervisor
const agent = { employeeNo: 'A001', name: '张伟', role: 'agent' as const, pin: '200001' }

let seat: SeatFixture
afterEach(async () => {
  await seat.dispose()
})

function journal(fixture: SeatFixture): Promise<JournalEntry[]> {
  return fixture.journalEntries()
}

async function journalBytes(fixture: SeatFixture): Promise<string> {
  const folder = join(fixture.dataDir, 'journal')
  const files = await readdir(folder, { withFileTypes: true, recursive: true })
  const texts = await Promise.all(files.filter((file) => file.isFile()).map((file) => readFile(join(file.parentPath, file.name), 'utf8')))
  expect(texts.join('')).toContain('"kind":"user.added"')
  return texts.join('')
}

describe('seat setup', () => {
  it('writes seat.created then user.added for the supervisor, both by the supervisor', async () => {
    seat = await openSeatFixture()
    const entries = await journal(seat)
    expect(entries.slice(0, 2).map((entry) => [entry.kind, entry.actor])).toEqual([
      ['seat.created', supervisor.employeeNo],
      ['user.added', supervisor.employeeNo],
    ])
    // Then the seat publishes its seed scripts (a call always needs a greeting and a closing).
    expect(entries.slice(2).map((entry) => [entry.kind, entry.actor])).toEqual(seedScripts.map(() => ['script.published', 'seat']))
    expect(entries[0]?.payload).toMatchObject({ companyName: '佳途物流', branchCode: 'SZ01', seatNumber: '01', keyProtection: 'unprotected' })
    expect(entries[1]?.payload).toMatchObject({ employeeNo: supervisor.employeeNo, role: 'supervisor' })
    const status = await seat.call('seatStatus', {})
    expect(status.seat).toMatchObject({ companyName: '佳途物流', keyProtection: 'unprotected' })
    expect((await verifyJournalDirectory(join(seat.dataDir, 'journal'))).status).toBe('intact')
  })

  it('happens once', async () => {
    seat = await openSeatFixture()
    const again = await seat.send('seatSetup', { companyName: 'X', branchCode: 'XX', seatNumber: '2', supervisor })
    expect(again).toEqual({ ok: false, error: { code: 'alreadyConfigured' } })
  })

  it('answers notConfigured to sign-in before setup', async () => {
    seat = await openSeatFixture({ configured: false })
    expect(await seat.send('signIn', { employeeNo: 'S001', pin: '1234' })).toEqual({ ok: false, error: { code: 'notConfigured' } })
    expect((await seat.call('seatStatus', {})).seat).toBeNull()
  })

  it('keeps PIN hashes, salts and private keys out of the journal', async () => {
    seat = await openSeatFixture()
    await seat.signInReady(supervisor.employeeNo, supervisor.pin)
    await seat.call('userAdd', agent)
    const secrets = JSON.parse(await readFile(join(seat.dataDir, 'identity', 'secrets.json'), 'utf8'))
    const bytes = await journalBytes(seat)
    for (const user of Object.values<{ pinHash: { salt: string; hash: string }; privateKey: { ciphertext: string; salt: string } }>(secrets.users)) {
      for (const secret of [user.pinHash.salt, user.pinHash.hash, user.privateKey.ciphertext, user.privateKey.salt]) {
        expect(bytes).not.toContain(secret)
      }
    }
    expect(bytes).not.toContain(agent.pin)
  })
})

describe('supervisor rules', () => {
  it('adds users (once per employee number) and lists them', async () => {
    seat = await openSeatFixture()
    await seat.signInReady(supervisor.employeeNo, supervisor.pin)
    expect(await seat.call('userAdd', agent)).toEqual({ employeeNo: 'A001', name: '张伟', role: 'agent', active: true, lockedUntil: null })
    expect(await seat.send('userAdd', { ...agent, name: '别人' })).toEqual({
      ok: false,
      error: { code: 'duplicateEmployeeNo', params: { employeeNo: 'A001' } },
    })
    expect((await seat.call('usersList', {})).map((user) => user.employeeNo)).toEqual(['A001', 'S001'])
    const added = (await journal(seat)).at(-1)
    expect(added).toMatchObject({ kind: 'user.added', actor: supervisor.employeeNo })
  })

  it('disables and enables users, but never themselves nor the last active supervisor', async () => {
    seat = await openSeatFixture()
    await seat.signInReady(supervisor.employeeNo, supervisor.pin)
    await seat.call('userAdd', agent)
    expect(await seat.call('userSetActive', { employeeNo: 'A001', active: false })).toMatchObject({ active: false })
    expect(await seat.send('signIn', { employeeNo: 'A001', pin: agent.pin })).toEqual({ ok: false, error: { code: 'userDisabled' } })
    // The refused sign-in did not touch the supervisor's session.
    expect((await seat.call('sessionCurrent', {}))?.user.employeeNo).toBe(supervisor.employeeNo)
    expect(await seat.call('userSetActive', { employeeNo: 'A001', active: true })).toMatchObject({ active: true })
    expect(await seat.send('userSetActive', { employeeNo: 'S001', active: false })).toEqual({ ok: false, error: { code: 'cannotDisableSelf' } })
    expect(await seat.send('userSetActive', { employeeNo: 'NOBODY', active: false })).toMatchObject({ ok: false, error: { code: 'unknownUser' } })

    await seat.call('userAdd', { employeeNo: 'S002', name: '周主管', role: 'supervisor', pin: '5555' })
    await seat.signInReady('S002', '5555')
    await seat.call('userSetActive', { employeeNo: 'S001', active: false })
    // S002 is now the only active supervisor; a third one cannot take them out either.
    await seat.call('userAdd', { employeeNo: 'S003', name: '吴主管', role: 'supervisor', pin: '6666' })
    await seat.call('userSetActive', { employeeNo: 'S003', active: false })
    await seat.call('userSetActive', { employeeNo: 'S001', active: true })
    await seat.signInReady('S001', supervisor.pin)
    await seat.call('userSetActive', { employeeNo: 'S002', active: false })
    expect(await seat.send('userSetActive', { employeeNo: 'S001', active: false })).toEqual({ ok: false, error: { code: 'cannotDisableSelf' } })
    const kinds = (await journal(seat)).map((entry) => `${entry.kind}:${entry.actor}`)
    expect(kinds).toContain('user.disabled:S001')
    expect(kinds).toContain('user.disabled:S002')
    expect(kinds).toContain('user.enabled:S002')
  })

  it('refuses to disable the last active supervisor, whoever asks', async () => {
    // Through IPC the actor is always an active supervisor, so this rule guards the state itself:
    // exercise the service directly with the only supervisor as the target.
    seat = await openSeatFixture({ configured: false })
    const directory = new SeatDirectory()
    const record: Journal['append'] = async (kind, actor, payload) => {
      const entry = { seq: 1, prev: '0'.repeat(64), ts: seat.clock.now().toISOString(), kind, actor, payload, hash: '0'.repeat(64), sig: '' }
      const known = toKnownEntry(entry)
      if (known) directory.apply(known)
      return entry
    }
    const identity = new IdentityService({
      clock: seat.clock,
      record,
      directory,
      secrets: await SecretsStore.open(seat.dataDir),
      settings: () => defaultSettings,
      seatKey: { publicKey: 'unused', protection: 'unprotected' },
      scryptCost: fastScryptCost,
    })
    await identity.setupSeat({ companyName: '佳途物流', branchCode: 'SZ01', seatNumber: '01', supervisor })
    await identity.addUser('S001', { employeeNo: 'L001', name: '王建国', role: 'shiftLead', pin: '1357' })
    await expect(identity.setActive('L001', 'S001', false)).rejects.toMatchObject({ code: 'lastSupervisor' })
    await identity.addUser('S001', { employeeNo: 'S002', name: '周主管', role: 'supervisor', pin: '5555' })
    await expect(identity.setActive('L001', 'S001', false)).resolves.toMatchObject({ active: false })
    await expect(identity.setActive('L001', 'S002', false)).rejects.toMatchObject({ code: 'lastSupervisor' })
  })

  it('resets a PIN with a new key pair: old PIN refused, new PIN signs under the new key', async () => {
    seat = await openSeatFixture()
    await seat.signInReady(supervisor.employeeNo, supervisor.pin)
    await seat.call('userAdd', agent)
    await seat.call('userResetPin', { employeeNo: 'A001', pin: '9999' })
    const rotated = (await journal(seat)).at(-1)
    expect(rotated).toMatchObject({ kind: 'user.keyRotated', actor: supervisor.employeeNo, payload: { employeeNo: 'A001' } })
    expect(await seat.send('signIn', { employeeNo: 'A001', pin: agent.pin })).toMatchObject({ ok: false, error: { code: 'badCredentials' } })
    await seat.call('signIn', { employeeNo: 'A001', pin: '9999' })
    expect((await verifyJournalDirectory(join(seat.dataDir, 'journal'))).status).toBe('intact')
    expect(await seat.send('userResetPin', { employeeNo: 'NOBODY', pin: '1234' })).toMatchObject({ ok: false, error: { code: 'checklistPending' } })
  })

  it('lets only a supervisor with a confirmed checklist manage users', async () => {
    seat = await openSeatFixture()
    await seat.call('signIn', { employeeNo: supervisor.employeeNo, pin: supervisor.pin })
    expect(await seat.send('usersList', {})).toEqual({ ok: false, error: { code: 'checklistPending' } })
    await seat.signInReady(supervisor.employeeNo, supervisor.pin)
    await seat.call('userAdd', agent)
    await seat.signInReady(agent.employeeNo, agent.pin)
    for (const [channel, request] of [
      ['usersList', {}],
      ['userAdd', { ...agent, employeeNo: 'A002' }],
      ['userSetActive', { employeeNo: 'S001', active: false }],
      ['userResetPin', { employeeNo: 'S001', pin: '1111' }],
    ] as const) {
      expect(await seat.services.dispatch(channel, request), channel).toEqual({ ok: false, error: { code: 'notAllowed' } })
    }
  })
})
