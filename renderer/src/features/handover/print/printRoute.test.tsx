import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { AppRoot } from '../../../app/App'
import { useAppStore } from '../../../app/appStore'
import { installApi } from '../../../api/client'
import { db } from '../../../db/schema'
import { fakeApi, journalEntry, journalReader, ok, seatGenesis, testSeat, testSession } from '../../../testing/fakeApi'
import { renderWithProviders } from '../../../testing/render'
import { printHash, printRangeOf } from './printRoute'

describe('the print route', () => {
  it('reads a range of China dates from the hash, and nothing else', () => {
    expect(printRangeOf('#print?from=2026-11-01&to=2026-11-30')).toEqual({ from: '2026-11-01', to: '2026-11-30' })
    expect(printRangeOf(printHash({ from: '2026-11-24', to: '2026-11-24' }))).toEqual({ from: '2026-11-24', to: '2026-11-24' })
    expect(printRangeOf('#print?from=2026-11-30&to=2026-11-01')).toBeNull()
    expect(printRangeOf('#print?from=2026-02-30&to=2026-03-01')).toBeNull()
    expect(printRangeOf('#print?from=2026-11-01')).toBeNull()
    expect(printRangeOf('#tickets')).toBeNull()
  })
})

describe('the app at #print?', () => {
  const okJournal = { state: 'ok' as const, headSeq: 0, recovered: null }

  beforeEach(async () => {
    useAppStore.setState({ boot: 'loading', seat: null, journal: null, session: null, screen: 'shift' })
    await Promise.all(db.tables.map((table) => table.clear()))
    window.location.hash = '#print?from=2026-11-24&to=2026-11-24'
  })
  afterEach(() => {
    window.location.hash = ''
  })

  it('shows only the book, caught up with the journal, to a signed-in session', async () => {
    const entries = [...seatGenesis(), journalEntry(3, 'user.added', { employeeNo: 'E002', name: '张伟', role: 'agent', publicKey: 'a2V5' })]
    const read = journalReader(entries)
    installApi(
      fakeApi({
        seatStatus: async () => ok({ seat: testSeat, journal: okJournal }),
        sessionCurrent: async () => ok(testSession()),
        journalRead: async ({ afterSeq, limit }) => ok(await read(afterSeq, limit)),
      }),
    )
    renderWithProviders(<AppRoot />)
    expect(await screen.findByRole('toolbar', { name: '打印工具栏' })).toBeInTheDocument()
    expect(await screen.findByText('2026-11-24 至 2026-11-24 没有已签字的交接页。')).toBeInTheDocument()
    expect(screen.queryByTestId('app-shell')).not.toBeInTheDocument()
    // The view read the journal before it printed.
    expect(await db.users.get('E002')).toMatchObject({ name: '张伟' })
  })

  it('keeps the book behind the lock screen: nothing of it while locked, the pages again after the PIN', async () => {
    const read = journalReader([...seatGenesis()])
    const sessionUnlock = vi.fn(async () => ok(testSession()))
    installApi(
      fakeApi({
        seatStatus: async () => ok({ seat: testSeat, journal: okJournal }),
        sessionCurrent: async () => ok(testSession({ lockedAt: '2026-11-23T02:00:00.000Z' })),
        journalRead: async ({ afterSeq, limit }) => ok(await read(afterSeq, limit)),
        sessionUnlock,
      }),
    )
    const user = userEvent.setup()
    renderWithProviders(<AppRoot />)
    const overlay = await screen.findByTestId('lock-overlay')
    expect(within(overlay).getByRole('heading', { name: '屏幕已锁定' })).toBeInTheDocument()
    expect(screen.queryByRole('toolbar', { name: '打印工具栏' })).not.toBeInTheDocument()
    expect(screen.queryByText(/没有已签字的交接页/)).not.toBeInTheDocument()
    expect(document.body.dataset.printReady).toBeUndefined()

    await user.type(within(overlay).getByLabelText('PIN'), '2580{Enter}')
    expect(await screen.findByText('2026-11-24 至 2026-11-24 没有已签字的交接页。')).toBeInTheDocument()
    expect(sessionUnlock).toHaveBeenCalledWith({ pin: '2580' })
    expect(screen.queryByTestId('lock-overlay')).not.toBeInTheDocument()
    await vi.waitFor(() => expect(document.body.dataset.printReady).toBe('1'))

    // Locked again (from another screen, or idle): the pages go, and main's PDF would wait for them.
    act(() => useAppStore.setState({ session: testSession({ lockedAt: '2026-11-23T03:00:00.000Z' }) }))
    expect(await screen.findByTestId('lock-overlay')).toBeInTheDocument()
    expect(screen.queryByRole('toolbar', { name: '打印工具栏' })).not.toBeInTheDocument()
    expect(document.body.dataset.printReady).toBeUndefined()
  })

  it('locks the print view by itself after the session’s idle minutes', async () => {
    const sessionLock = vi.fn(async () => ok(testSession({ idleLockMinutes: 2, lockedAt: new Date().toISOString() })))
    installApi(
      fakeApi({
        seatStatus: async () => ok({ seat: testSeat, journal: okJournal }),
        sessionCurrent: async () => ok(testSession({ idleLockMinutes: 2 })),
        journalRead: async () => ok({ entries: [], headSeq: 0 }),
        sessionLock,
      }),
    )
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    try {
      renderWithProviders(<AppRoot />)
      await screen.findByRole('toolbar', { name: '打印工具栏' })
      vi.advanceTimersByTime(125_000)
      expect(sessionLock).toHaveBeenCalledWith({ reason: 'idle' })
    } finally {
      vi.useRealTimers()
    }
    expect(await screen.findByTestId('lock-overlay')).toBeInTheDocument()
    expect(screen.queryByRole('toolbar', { name: '打印工具栏' })).not.toBeInTheDocument()
  })

  it('asks for a sign-in first: the journal is read only with a session', async () => {
    installApi(fakeApi({ seatStatus: async () => ok({ seat: testSeat, journal: okJournal }), sessionCurrent: async () => ok(null) }))
    renderWithProviders(<AppRoot />)
    expect(await screen.findByRole('button', { name: '签到' })).toBeInTheDocument()
    expect(screen.queryByRole('toolbar', { name: '打印工具栏' })).not.toBeInTheDocument()
  })
})
