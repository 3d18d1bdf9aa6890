import { screen, waitFor } from '@testing-library/react'
import type { JournalEntry } from '../../../shared/journal/entry'
import { ApiError } from '../api/client'
import { JournalMismatchAlert, JournalMismatchNotice } from '../features/journal/JournalMismatchNotice'
import { i18n } from '../i18n'
import { journalEntry, journalReader, seatGenesis } from '../testing/fakeApi'
import { renderWithProviders } from '../testing/render'
import { openSeatDeskDb, projectionTableNames, readMeta, type SeatDeskDb } from './schema'
import { catchUp, createProjectionSync, rebuild, useProjectionStore, type JournalMismatch, type ReadJournal } from './sync'

const attestation = { employeeNo: 'E001', sig: 'c2ln' }

/** A shift with many locks, so a page applied twice shows in `lockCount`. */
function history(locks = 40): JournalEntry[] {
  return [
    ...seatGenesis(),
    journalEntry(3, 'session.signedIn', { sessionId: 's-1', employeeNo: 'E001', attestation }),
    ...Array.from({ length: locks }, (_, index) =>
      index % 2
        ? journalEntry(index + 4, 'session.unlocked', { sessionId: 's-1' })
        : journalEntry(index + 4, 'session.locked', { sessionId: 's-1', reason: 'idle' }),
    ),
  ]
}

let dbCount = 0
const freshDb = () => openSeatDeskDb(`sync-test-${++dbCount}`)

async function dump(db: SeatDeskDb) {
  return Object.fromEntries(await Promise.all(projectionTableNames.map(async (name) => [name, await db[name].toArray()] as const)))
}

/** journalRead that takes a while, like an IPC round trip to a busy main process. */
function slowReader(entries: JournalEntry[], ms = 15): ReadJournal {
  const read = journalReader(entries)
  return async (afterSeq, limit) => {
    await new Promise((resolve) => setTimeout(resolve, ms))
    return read(afterSeq, limit)
  }
}

beforeEach(() => {
  useProjectionStore.setState({ headSeq: null, rebuilding: null, error: null, mismatch: null })
})

describe('createProjectionSync: one queue for catch-up and rebuild', () => {
  it('a catch-up asked for during a rebuild waits for it: the view equals a clean rebuild', async () => {
    // Three pages, one shift across them: a page applied twice counts its locks twice.
    const entries = history(1197)
    const clean = freshDb()
    await rebuild(clean, journalReader(entries))

    const db = freshDb()
    let journal = entries.slice(0, 10)
    const sync = createProjectionSync(db, (afterSeq, limit) => slowReader(journal)(afterSeq, limit))
    await sync.requestCatchUp()
    journal = entries
    let caughtUp: Promise<void> | undefined
    // The agent finishes a call just after the rebuild applied its first page.
    const stop = useProjectionStore.subscribe((state) => {
      if (!caughtUp && state.rebuilding?.done === 500) caughtUp = sync.requestCatchUp()
    })
    try {
      expect(await sync.rebuild()).toBe(true)
      expect(caughtUp).toBeDefined()
      await caughtUp
    } finally {
      stop()
    }

    expect((await db.shiftSessions.get('s-1'))?.lockCount).toBe(599)
    expect(await dump(db)).toEqual(await dump(clean))
    expect(useProjectionStore.getState()).toMatchObject({ headSeq: 1200, rebuilding: null, error: null, mismatch: null })
  })

  it('a rebuild asked for during a catch-up waits for it, and a burst of catch-ups runs at most twice', async () => {
    const entries = history()
    const clean = freshDb()
    await rebuild(clean, journalReader(entries))

    const db = freshDb()
    const read = vi.fn(slowReader(entries))
    const sync = createProjectionSync(db, read)
    const first = sync.requestCatchUp()
    await new Promise((resolve) => setTimeout(resolve, 1))
    const burst = [sync.requestCatchUp(), sync.requestCatchUp()]
    const rebuilt = sync.rebuild()
    await Promise.all([first, ...burst])
    expect(await rebuilt).toBe(true)

    expect(await dump(db)).toEqual(await dump(clean))
    // First catch-up: one page. The burst: one run (probe-free, one read). The rebuild: one page.
    expect(read).toHaveBeenCalledTimes(3)
  })
})

describe('only while someone is signed in', () => {
  it('reads nothing before sign-in, then catches up by seq on everything it missed', async () => {
    const db = freshDb()
    const read = vi.fn(journalReader(history(4)))
    let signedIn = false
    const sync = createProjectionSync(db, read, { mayRead: () => signedIn })
    await sync.requestCatchUp()
    expect(read).not.toHaveBeenCalled()
    expect(await readMeta(db, 'lastSeq')).toBeUndefined()
    expect(useProjectionStore.getState()).toMatchObject({ headSeq: null, error: null })

    signedIn = true
    await sync.requestCatchUp()
    expect(await readMeta(db, 'lastSeq')).toBe(7)
    expect(useProjectionStore.getState()).toMatchObject({ headSeq: 7, error: null })
  })

  it('stops between pages at a sign-out, and goes on from there at the next sign-in', async () => {
    const db = freshDb()
    let signedIn = true
    const journal = journalReader(history(1197))
    const read = vi.fn<ReadJournal>(async (afterSeq, limit) => {
      const page = await journal(afterSeq, limit)
      // The agent signs out while the first page is applied.
      signedIn = false
      return page
    })
    const sync = createProjectionSync(db, read, { mayRead: () => signedIn })
    await sync.requestCatchUp()
    expect(read).toHaveBeenCalledTimes(1)
    expect(await readMeta(db, 'lastSeq')).toBe(500)
    expect(useProjectionStore.getState().error).toBeNull()

    signedIn = true
    read.mockImplementation(journal)
    await sync.requestCatchUp()
    expect(read.mock.calls.slice(1).map(([afterSeq]) => afterSeq)).toEqual([499, 500, 1000])
    expect(await readMeta(db, 'lastSeq')).toBe(1200)
  })

  it('a catch-up cut short by a sign-out is no error to show; while still signed in it is', async () => {
    const db = freshDb()
    let signedIn = true
    const refused: ReadJournal = async () => {
      // Main signed the session out while the read was on its way.
      signedIn = false
      throw new ApiError({ code: 'notSignedIn' })
    }
    await createProjectionSync(db, refused, { mayRead: () => signedIn }).requestCatchUp()
    expect(useProjectionStore.getState().error).toBeNull()

    const failing: ReadJournal = async () => {
      throw new ApiError({ code: 'internal' })
    }
    await createProjectionSync(db, failing, { mayRead: () => true }).requestCatchUp()
    expect(useProjectionStore.getState().error).toBeInstanceOf(ApiError)
  })
})

describe('a journal that no longer holds what the view was built from', () => {
  it('reports a shorter journal with the seqs, and still rebuilds the view', async () => {
    const db = freshDb()
    await catchUp(db, journalReader(history()))
    const restored = history().slice(0, 30)
    const sync = createProjectionSync(db, journalReader(restored))
    await sync.requestCatchUp()

    expect(useProjectionStore.getState().mismatch).toEqual({ kind: 'shorter', viewSeq: 43, headSeq: 30 })
    expect(await readMeta(db, 'lastSeq')).toBe(30)
    const clean = freshDb()
    await rebuild(clean, journalReader(restored))
    expect(await dump(db)).toEqual(await dump(clean))
  })

  it('reports a different entry at the same seq, and still rebuilds the view', async () => {
    const db = freshDb()
    await catchUp(db, journalReader(history(4)))
    const replaced = history(4)
    replaced[6] = { ...replaced[6]!, hash: 'f'.repeat(64) }
    const sync = createProjectionSync(db, journalReader(replaced))
    await sync.requestCatchUp()

    expect(useProjectionStore.getState().mismatch).toEqual({ kind: 'differentHash', seq: 7 })
    expect(await readMeta(db, 'lastHash')).toBe('f'.repeat(64))
  })

  it('reports a journal that shrinks between two catch-ups', async () => {
    const db = freshDb()
    await catchUp(db, journalReader(history()))
    const seen: JournalMismatch[] = []
    await catchUp(db, journalReader(history().slice(0, 5)), { onMismatch: (mismatch) => seen.push(mismatch) })
    expect(seen).toEqual([{ kind: 'shorter', viewSeq: 43, headSeq: 5 }])
  })

  it('says nothing for a journal that only grew', async () => {
    const db = freshDb()
    await catchUp(db, journalReader(history(4)))
    const sync = createProjectionSync(db, journalReader(history()))
    await sync.requestCatchUp()
    expect(useProjectionStore.getState().mismatch).toBeNull()
    expect(await readMeta(db, 'lastSeq')).toBe(43)
  })

  it('tells the agent, in Chinese and in English, to call a supervisor', async () => {
    await i18n.changeLanguage('zh-CN')
    useProjectionStore.setState({ mismatch: { kind: 'shorter', viewSeq: 43, headSeq: 30 } })
    renderWithProviders(
      <>
        <JournalMismatchNotice />
        <JournalMismatchAlert />
      </>,
    )
    // The alert on the journal screen, and the notification that stays over every screen until closed.
    const alerts = () => screen.queryAllByRole('alert').map((element) => element.textContent ?? '')
    await waitFor(() => expect(alerts()).toHaveLength(2), { timeout: 3000 })
    for (const text of alerts()) {
      expect(text).toContain('日志与本机视图不一致')
      expect(text).toContain('日志比本机视图少了 13 条记录')
      expect(text).toContain('第 43 条')
      expect(text).toContain('第 30 条')
      expect(text).toContain('请通知主管')
    }

    await i18n.changeLanguage('en')
    try {
      useProjectionStore.setState({ mismatch: { kind: 'differentHash', seq: 7 } })
      await waitFor(() => expect(alerts().filter((text) => text.includes('Journal entry 7 is not the one'))).toHaveLength(2), { timeout: 3000 })
      expect(alerts().every((text) => text.includes('Tell your supervisor'))).toBe(true)
      useProjectionStore.setState({ mismatch: { kind: 'shorter', viewSeq: 8, headSeq: 7 } })
      await waitFor(() => expect(alerts().filter((text) => text.includes('The journal has 1 entry fewer'))).toHaveLength(2), { timeout: 3000 })
    } finally {
      await i18n.changeLanguage('zh-CN')
    }
  })
})
