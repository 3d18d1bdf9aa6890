import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { SessionView } from '../../../shared/ipc/contract'
import { installApi } from '../api/client'
import { defaultSettings } from '../../../shared/domain/settings'
import { fail, fakeApi, ok, testSeat, testSession } from '../testing/fakeApi'
import { renderWithProviders } from '../testing/render'
import { AppRoot } from './App'
import { useAppStore } from './appStore'

const okJournal = { state: 'ok' as const, headSeq: 0, recovered: null }

function seatWithSession(initial: SessionView | null, overrides: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    seatStatus: async () => ok({ seat: testSeat, journal: okJournal }),
    sessionCurrent: async () => ok(initial),
    settingsGet: async () => ok(defaultSettings),
    ...overrides,
  })
}

describe('app start and the lock screen', () => {
  beforeEach(() => {
    useAppStore.setState({ boot: 'loading', seat: null, journal: null, session: null, screen: 'shift' })
    window.localStorage.clear()
  })

  it('shows only the explanation when the journal is corrupt', async () => {
    installApi(
      fakeApi({
        seatStatus: async () =>
          ok({ seat: testSeat, journal: { state: 'corrupt', seq: 42, reason: 'hash mismatch', directory: '/data/seatdesk' } }),
      }),
    )
    renderWithProviders(<AppRoot />)
    const screenBox = await screen.findByTestId('journal-corrupt')
    expect(within(screenBox).getByText('第一条出错的记录：第 42 条')).toBeInTheDocument()
    expect(within(screenBox).getByText('原因：hash mismatch')).toBeInTheDocument()
    expect(within(screenBox).getByText('npm run journal -- verify "/data/seatdesk"')).toBeInTheDocument()
    expect(screen.queryByTestId('app-shell')).not.toBeInTheDocument()
  })

  it('says the background service is not answering when the bridge is down', async () => {
    installApi(fakeApi({ seatStatus: async () => fail('internal', { reason: 'unreachable' }) }))
    renderWithProviders(<AppRoot />)
    expect(await screen.findByRole('alert')).toHaveTextContent('座席台后台服务没有响应')
    expect(screen.getByRole('button', { name: '重试' })).toBeInTheDocument()
  })

  it('comes back locked after a reload while locked', async () => {
    installApi(seatWithSession(testSession({ lockedAt: '2026-11-23T02:00:00.000Z' })))
    renderWithProviders(<AppRoot />)
    const overlay = await screen.findByTestId('lock-overlay')
    expect(within(overlay).getByRole('heading', { name: '屏幕已锁定' })).toBeInTheDocument()
    expect(screen.getByTestId('app-shell')).toHaveAttribute('inert')
  })

  it('keeps what was typed underneath while locked, and unlocks with the same user’s PIN', async () => {
    const unlocked = testSession()
    const locked = testSession({ lockedAt: '2026-11-23T02:00:00.000Z' })
    const sessionUnlock = vi
      .fn()
      .mockResolvedValueOnce(fail('badCredentials', { remainingAttempts: 4 }))
      .mockResolvedValueOnce(ok(unlocked))
    const sessionLock = vi.fn(async () => ok(locked))
    installApi(seatWithSession(unlocked, { sessionLock, sessionUnlock }))
    const user = userEvent.setup()
    renderWithProviders(<AppRoot />)

    await user.click(await screen.findByRole('button', { name: '设置' }))
    const idleMinutes = await screen.findByLabelText('无操作多久自动锁屏（分钟）')
    await user.clear(idleMinutes)
    await user.type(idleMinutes, '30')

    await user.click(screen.getByRole('button', { name: '锁屏' }))
    const overlay = await screen.findByTestId('lock-overlay')
    expect(sessionLock).toHaveBeenCalledWith({ reason: 'manual' })
    expect(idleMinutes).toHaveValue('30')

    await user.type(within(overlay).getByLabelText('PIN'), '0000{Enter}')
    expect(await within(overlay).findByRole('alert')).toHaveTextContent('还可再试 4 次')
    await user.type(within(overlay).getByLabelText('PIN'), '2580')
    await user.click(within(overlay).getByRole('button', { name: '解锁' }))

    await vi.waitFor(() => expect(screen.queryByTestId('lock-overlay')).not.toBeInTheDocument())
    expect(sessionUnlock).toHaveBeenLastCalledWith({ pin: '2580' })
    expect(screen.getByLabelText('无操作多久自动锁屏（分钟）')).toBe(idleMinutes)
    expect(idleMinutes).toHaveValue('30')
  })

  it('locks by itself after the session’s idle minutes', async () => {
    const session = testSession({ idleLockMinutes: 2 })
    const sessionLock = vi.fn(async () => ok(testSession({ idleLockMinutes: 2, lockedAt: new Date().toISOString() })))
    installApi(seatWithSession(session, { sessionLock }))
    // Only the interval and the clock are faked, so Testing Library's own waiting still works.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    try {
      renderWithProviders(<AppRoot />)
      await screen.findByRole('heading', { name: '我的班次' })
      vi.advanceTimersByTime(60_000)
      expect(sessionLock).not.toHaveBeenCalled()
      vi.advanceTimersByTime(65_000)
      expect(sessionLock).toHaveBeenCalledWith({ reason: 'idle' })
    } finally {
      vi.useRealTimers()
    }
    expect(await screen.findByTestId('lock-overlay')).toBeInTheDocument()
  })

  it('signs out from the lock screen back to sign-in', async () => {
    installApi(
      seatWithSession(testSession({ lockedAt: '2026-11-23T02:00:00.000Z' }), { signOut: async () => ok(null) }),
    )
    const user = userEvent.setup()
    renderWithProviders(<AppRoot />)
    await user.click(await screen.findByRole('button', { name: '签退并换人' }))
    expect(await screen.findByRole('heading', { name: '签到' })).toBeInTheDocument()
  })
})
