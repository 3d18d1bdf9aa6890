import * as fs from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { JournalDurability } from './journal/api'
import { openSeatFixture, type SeatFixture } from './demo/seatFixture'
import { demoStaff } from './demo/demoAccounts'

// The app's services fsync every journal entry before the call that wrote it answers; only the
// demo generator asks for `atClose`. Counted at node:fs itself, below the journal's own io seam.
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>()
  return { ...actual, fsyncSync: vi.fn(actual.fsyncSync) }
})

const agent = demoStaff[2] as (typeof demoStaff)[number]

let seat: SeatFixture
afterEach(async () => {
  await seat.dispose()
})

/** fsyncSync calls and journal entries written by a sign-in (ending the supervisor's session), checklist, lock and unlock. */
async function fsyncsForFiveEntries(journalDurability?: JournalDurability): Promise<{ fsyncs: number; entries: number }> {
  seat = await openSeatFixture(journalDurability === undefined ? {} : { journalDurability })
  await seat.signInReady('S001', '246810')
  await seat.call('userAdd', { employeeNo: agent.employeeNo, name: agent.name, role: agent.role, pin: agent.pin })
  const before = { fsyncs: vi.mocked(fs.fsyncSync).mock.calls.length, head: seat.headSeq() }
  await seat.signInReady(agent.employeeNo, agent.pin)
  await seat.call('sessionLock', { reason: 'manual' })
  await seat.call('sessionUnlock', { pin: agent.pin })
  return { fsyncs: vi.mocked(fs.fsyncSync).mock.calls.length - before.fsyncs, entries: seat.headSeq() - before.head }
}

describe('the services journal durability', () => {
  it('fsyncs each entry before answering, unless told otherwise (the Electron shell and the preview never are)', async () => {
    expect(await fsyncsForFiveEntries()).toEqual({ fsyncs: 5, entries: 5 })
  })

  it('leaves the fsync to close with atClose, the demo generator only', async () => {
    expect(await fsyncsForFiveEntries('atClose')).toEqual({ fsyncs: 0, entries: 5 })
    const before = vi.mocked(fs.fsyncSync).mock.calls.length
    await seat.services.close()
    expect(vi.mocked(fs.fsyncSync).mock.calls.length - before).toBe(1)
  })
})
