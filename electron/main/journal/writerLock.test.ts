import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../clock'
import { openJournal } from './openJournal'
import { writeSampleJournal } from './sampleJournal'
import { WRITER_LOCK_FILE } from './writerLock'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})
const clock = manualClock('2026-11-23T10:15:00.000Z')

async function sampleFolder(entries = 5) {
  const directory = mkdtempSync(join(tmpdir(), 'journal-lock-'))
  folders.push(directory)
  const seat = await writeSampleJournal(directory, entries)
  return { directory, seat }
}

/** The pid of a process that has exited (and was reaped), so `kill(pid, 0)` fails with ESRCH. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
  return Number(child.stdout)
}

describe('journal writer lock', () => {
  it('refuses a second open of the same folder until the first is closed', async () => {
    const { directory, seat } = await sampleFolder()
    const first = await openJournal({ directory, signer: seat.signer, clock })
    if (first.status !== 'ok') throw new Error(first.reason)
    const lock = JSON.parse(readFileSync(join(directory, WRITER_LOCK_FILE), 'utf8'))
    expect(lock).toMatchObject({ pid: process.pid, host: hostname(), startedAt: '2026-11-23T10:15:00.000Z' })

    const second = await openJournal({ directory, signer: seat.signer, clock })
    expect(second).toMatchObject({ status: 'corrupt', seq: null, directory })
    expect(second.status === 'corrupt' && second.reason).toBe(`another SeatDesk process is using this data folder (pid ${process.pid})`)
    // The refused open changed nothing: the first journal still appends.
    await first.journal.append('session.locked', 'A001', { sessionId: 'still-mine', reason: 'idle' })

    await first.journal.close()
    expect(existsSync(join(directory, WRITER_LOCK_FILE))).toBe(false)
    const third = await openJournal({ directory, signer: seat.signer, clock })
    if (third.status !== 'ok') throw new Error(third.reason)
    expect(third.journal.head().seq).toBe(6)
    await third.journal.close()
    expect(readdirSync(directory).filter((name) => name.includes('lock'))).toEqual([])
  })

  it('refuses a folder whose lock belongs to another live process on this host', async () => {
    const { directory, seat } = await sampleFolder()
    // The parent of this test process is alive for as long as the test runs.
    writeFileSync(join(directory, WRITER_LOCK_FILE), JSON.stringify({ pid: process.ppid, host: hostname(), startedAt: 'x' }))
    const opened = await openJournal({ directory, signer: seat.signer, clock })
    expect(opened.status === 'corrupt' && opened.reason).toBe(`another SeatDesk process is using this data folder (pid ${process.ppid})`)
    expect(JSON.parse(readFileSync(join(directory, WRITER_LOCK_FILE), 'utf8')).pid).toBe(process.ppid)
  })

  it('takes over a stale lock left by a process that is gone, or by an earlier process with our pid', async () => {
    const { directory, seat } = await sampleFolder()
    for (const pid of [deadPid(), process.pid]) {
      writeFileSync(join(directory, WRITER_LOCK_FILE), JSON.stringify({ pid, host: hostname(), startedAt: '2026-01-01T00:00:00.000Z' }))
      const opened = await openJournal({ directory, signer: seat.signer, clock })
      if (opened.status !== 'ok') throw new Error(`pid ${pid}: ${opened.reason}`)
      expect(JSON.parse(readFileSync(join(directory, WRITER_LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, startedAt: '2026-11-23T10:15:00.000Z' })
      await opened.journal.close()
      expect(existsSync(join(directory, WRITER_LOCK_FILE))).toBe(false)
    }
  })

  it('releases the lock when the open finds corruption', async () => {
    const { directory, seat } = await sampleFolder(10)
    const segment = join(directory, 'segment-000001.ndjson')
    writeFileSync(segment, readFileSync(segment, 'utf8').replace('"reason":"idle"', '"reason":"manual"'))
    const opened = await openJournal({ directory, signer: seat.signer, clock })
    expect(opened.status).toBe('corrupt')
    expect(existsSync(join(directory, WRITER_LOCK_FILE))).toBe(false)
  })
})
