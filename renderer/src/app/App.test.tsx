import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { SessionView } from '../../../shared/ipc/contract'
import { installApi } from '../api/client'
import { defaultSettings } from '../../../shared/domain/settings'
import { fail, fakeApi, ok, testSeat, testSession } from '../testing/fakeApi'
import { renderWithProviders } from '../testing/render'
import { AppRoot } from './App'
import { setSession, useAppStore } from './appStore'
import { useCallStore } from '../features/call/callStore'
import { callView } from '../testing/calls'

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
    useCallStore.setState({ view: undefined })
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
    // The focus goes back to the field being typed in.
    await vi.waitFor(() => expect(idleMinutes).toHaveFocus())
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

  it('signs out from the lock screen back to sign-in, without a PIN but after asking once', async () => {
    const signOut = vi.fn(async () => ok(null))
    installApi(seatWithSession(testSession({ lockedAt: '2026-11-23T02:00:00.000Z' }), { signOut }))
    const user = userEvent.setup()
    renderWithProviders(<AppRoot />)
    const lock = await screen.findByRole('dialog', { name: '屏幕已锁定' })
    await user.click(within(lock).getByRole('button', { name: '签退并换人' }))
    expect(signOut).not.toHaveBeenCalled()
    expect(within(lock).getByText(/将结束 王主管（E001）的班次/)).toBeInTheDocument()

    // "返回" goes back to the PIN; asking again and confirming signs out.
    await user.click(within(lock).getByRole('button', { name: '返回' }))
    expect(within(lock).getByLabelText('PIN')).toBeInTheDocument()
    expect(signOut).not.toHaveBeenCalled()
    await user.click(within(lock).getByRole('button', { name: '签退并换人' }))
    await user.click(within(lock).getByRole('button', { name: '签退并换人' }))
    expect(await screen.findByRole('heading', { name: '签到' })).toBeInTheDocument()
    expect(signOut).toHaveBeenCalledTimes(1)
  })

  it('says "wrong PIN" (not "wrong employee number or PIN") on the lock screen', async () => {
    installApi(
      seatWithSession(testSession({ lockedAt: '2026-11-23T02:00:00.000Z' }), {
        sessionUnlock: async () => fail('badCredentials', { remainingAttempts: 2 }),
      }),
    )
    const user = userEvent.setup()
    renderWithProviders(<AppRoot />)
    const lock = await screen.findByRole('dialog', { name: '屏幕已锁定' })
    await user.type(within(lock).getByLabelText('PIN'), '1111{Enter}')
    const alert = await within(lock).findByRole('alert')
    expect(alert).toHaveTextContent('PIN 不正确，还可再试 2 次，之后该工号将被锁定。')
    expect(alert).not.toHaveTextContent('工号或 PIN')
  })
})

describe('the header', () => {
  const longCompany = '深圳市前海佳途国际物流供应链管理有限公司华南分拨中心'

  beforeEach(() => {
    useAppStore.setState({ boot: 'loading', seat: null, journal: null, session: null, screen: 'shift' })
    useCallStore.setState({ view: undefined })
    window.localStorage.clear()
  })

  it('lets only the seat text give way: ellipsis with the full text as its title; the actions never shrink', async () => {
    installApi(
      seatWithSession(testSession(), { seatStatus: async () => ok({ seat: { ...testSeat, companyName: longCompany }, journal: okJournal }) }),
    )
    renderWithProviders(<AppRoot />)
    const banner = await screen.findByRole('banner')
    const seatText = await within(banner).findByTitle(`${longCompany} · 分公司 BJ01 · 07 号座席`)
    expect(seatText).toHaveAttribute('data-truncate', 'end')
    expect(seatText).toHaveTextContent(longCompany)
    expect(within(banner).getByText('座席台 SeatDesk')).toHaveStyle({ whiteSpace: 'nowrap', flexShrink: '0' })
    expect(within(banner).getByTestId('header-seat')).toHaveStyle({ minWidth: '0rem' })
    const actions = within(banner).getByTestId('header-actions')
    expect(actions).toHaveStyle({ flexShrink: '0' })
    for (const name of ['锁屏', '签退']) expect(within(actions).getByRole('button', { name })).toBeInTheDocument()
    expect(within(actions).getByRole('radiogroup', { name: '界面语言' })).toBeInTheDocument()
  })

  it('asks before signing out; Cancel keeps the shift', async () => {
    const signOut = vi.fn(async () => ok(null))
    installApi(seatWithSession(testSession(), { signOut }))
    const user = userEvent.setup()
    renderWithProviders(<AppRoot />)
    // The app's header (a modal's title bar is a <header> too).
    const banner = await screen.findByRole('banner')
    await user.click(await within(banner).findByRole('button', { name: '签退' }))
    const confirm = await screen.findByRole('dialog', { name: '确认签退' })
    expect(confirm).toHaveTextContent('王主管（E001）的班次将结束')
    await user.click(within(confirm).getByRole('button', { name: '取消' }))
    expect(signOut).not.toHaveBeenCalled()
    expect(useAppStore.getState().session).not.toBeNull()

    await user.click(within(banner).getByRole('button', { name: '签退' }))
    await user.click(within(await screen.findByRole('dialog', { name: '确认签退' })).getByRole('button', { name: '签退' }))
    expect(await screen.findByRole('heading', { name: '签到' })).toBeInTheDocument()
    expect(signOut).toHaveBeenCalledTimes(1)
  })

  it('says up front that an open call blocks signing out, and offers no confirm', async () => {
    const signOut = vi.fn(async () => ok(null))
    installApi(seatWithSession(testSession(), { signOut }))
    useCallStore.setState({ view: callView() })
    const user = userEvent.setup()
    renderWithProviders(<AppRoot />)
    const banner = await screen.findByRole('banner')
    await user.click(await within(banner).findByRole('button', { name: '签退' }))
    const confirm = await screen.findByRole('dialog', { name: '确认签退' })
    expect(confirm).toHaveTextContent('还有一通电话未完成')
    expect(within(confirm).getByRole('button', { name: '签退' })).toBeDisabled()
    expect(signOut).not.toHaveBeenCalled()
  })

  it('warns on the lock screen that signing out closes and records the open call', async () => {
    installApi(seatWithSession(testSession({ lockedAt: '2026-11-23T02:00:00.000Z' }), { signOut: async () => ok(null) }))
    useCallStore.setState({ view: callView() })
    const user = userEvent.setup()
    renderWithProviders(<AppRoot />)
    const lock = await screen.findByTestId('lock-overlay')
    await user.click(within(lock).getByRole('button', { name: '签退并换人' }))
    expect(within(lock).getByRole('alert')).toHaveTextContent('当前未完成的通话将被结束并记录')
  })
})

describe('the journal view before and after sign-in', () => {
  beforeEach(() => {
    useAppStore.setState({ boot: 'loading', seat: null, journal: null, session: null, screen: 'shift' })
    useCallStore.setState({ view: undefined })
  })

  it('reads the journal only once someone is signed in (it names customers), then catches up', async () => {
    const journalRead = vi.fn(async () => ok({ entries: [], headSeq: 0 }))
    installApi(seatWithSession(null, { journalRead }))
    renderWithProviders(<AppRoot />)
    await screen.findByRole('button', { name: '签到' })
    // Let any catch-up the start might have asked for run.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(journalRead).not.toHaveBeenCalled()

    act(() => setSession(testSession()))
    await waitFor(() => expect(journalRead).toHaveBeenCalled())
  })
})
