import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { JournalEntry } from '../../../shared/journal/entry'
import { manualClock } from '../clock'
import { verifyJournalDirectory } from '../journal/verifyJournalDirectory'
import { unprotectedSealer } from '../keys/sealer'
import { createSeatDeskServices } from '../services'
import { createDemoSeat, DemoFolderInUseError } from './createDemoSeat'

let dataDir: string
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'seatdesk-demo-'))
})
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

describe('createDemoSeat', () => {
  it('builds a verifiable month of shifts whose published PINs work', async () => {
    const now = new Date('2026-03-20T06:00:00.000Z')
    const demo = await createDemoSeat({ dataDir, entries: 400, clock: manualClock(now) })
    expect(demo.entries).toBeGreaterThanOrEqual(360)
    expect(demo.entries).toBeLessThanOrEqual(420)
    expect(demo.users.map((user) => user.role).sort()).toEqual(['agent', 'agent', 'agent', 'agent', 'agent', 'agent', 'shiftLead', 'shiftLead', 'supervisor'])

    const report = await verifyJournalDirectory(join(dataDir, 'journal'))
    expect(report).toMatchObject({ status: 'intact', entries: demo.entries })

    const services = await createSeatDeskServices({ dataDir, clock: manualClock(now), sealer: unprotectedSealer, runtime: 'browserPreview', version: 'test' })
    try {
      const read = await services.dispatch('journalRead', { afterSeq: 0, limit: 1000 })
      const entries = (read.ok ? (read.value as { entries: JournalEntry[] }).entries : []) as JournalEntry[]
      const kinds = new Set(entries.map((entry) => entry.kind))
      for (const kind of ['seat.created', 'user.added', 'user.disabled', 'user.enabled', 'user.keyRotated', 'user.lockedOut', 'settings.changed', 'session.signedIn', 'session.checklistConfirmed', 'session.locked', 'session.unlocked', 'session.signedOut', 'script.published', 'callSettings.changed', 'call.answered', 'call.detailsUpdated', 'call.scriptShown', 'call.greetingSaid', 'call.closingSaid', 'call.hungUp', 'call.completed']) {
        expect(kinds, kind).toContain(kind)
      }
      // Weeks of history, all before "now", oldest first.
      const first = new Date(entries[0]?.ts ?? 0).getTime()
      const last = new Date(entries.at(-1)?.ts ?? 0).getTime()
      expect(now.getTime() - first).toBeGreaterThanOrEqual(29 * 24 * 3_600_000)
      expect(last).toBeLessThan(now.getTime())
      // Nobody is left signed in or locked out.
      expect(await services.dispatch('sessionCurrent', {})).toEqual({ ok: true, value: null })
      for (const user of demo.users) {
        const signIn = await services.dispatch('signIn', { employeeNo: user.employeeNo, pin: user.pin })
        expect(signIn, user.employeeNo).toMatchObject({ ok: true })
      }
    } finally {
      await services.close()
    }
  })

  it('refuses a folder that already holds a seat before opening anything in it', async () => {
    await createDemoSeat({ dataDir, entries: 20 })
    const segment = join(dataDir, 'journal', 'segment-000001.ndjson')
    const before = await readFile(segment)
    await expect(createDemoSeat({ dataDir, entries: 20 })).rejects.toThrow(DemoFolderInUseError)
    await expect(createDemoSeat({ dataDir, entries: 20 })).rejects.toThrow(/already holds seat data \(journal\/segment-000001\.ndjson\)/)
    // Not even opened: a live seat's journal gets no back-dated entries, and no lock is left behind.
    expect(await readFile(segment)).toEqual(before)
    expect(await readdir(join(dataDir, 'journal'))).not.toContain('writer.lock')
  })

  it('refuses a folder with only keys or identity files, and accepts an empty journal folder', async () => {
    await mkdir(join(dataDir, 'keys'))
    await writeFile(join(dataDir, 'keys', 'seat-key.json'), '{}')
    await expect(createDemoSeat({ dataDir, entries: 20 })).rejects.toThrow(/keys\/seat-key\.json/)
    await rm(join(dataDir, 'keys'), { recursive: true })
    await mkdir(join(dataDir, 'identity'))
    await writeFile(join(dataDir, 'identity', 'secrets.json'), '{}')
    await expect(createDemoSeat({ dataDir, entries: 20 })).rejects.toThrow(/identity\/secrets\.json/)
    expect(existsSync(join(dataDir, 'journal'))).toBe(false)
    await rm(join(dataDir, 'identity'), { recursive: true })
    await mkdir(join(dataDir, 'journal'))
    await expect(createDemoSeat({ dataDir, entries: 20 })).resolves.toMatchObject({ users: expect.any(Array) })
  })
})
