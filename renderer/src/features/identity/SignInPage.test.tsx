import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { installApi } from '../../api/client'
import { useAppStore } from '../../app/appStore'
import { changeLanguage } from '../../i18n'
import { formatClockSeconds } from '../../i18n/format'
import { fail, fakeApi, ok, testSeat, testSession } from '../../testing/fakeApi'
import { renderWithProviders } from '../../testing/render'
import SignInPage from './SignInPage'

async function signIn(employeeNo: string, pin: string) {
  const user = userEvent.setup()
  await user.type(screen.getByLabelText('工号'), employeeNo)
  await user.type(screen.getByLabelText('PIN'), `${pin}{Enter}`)
}

describe('sign-in', () => {
  beforeEach(() => useAppStore.setState({ session: null }))

  it('shows the seat it signs in to', () => {
    installApi(fakeApi())
    renderWithProviders(<SignInPage seat={testSeat} />)
    expect(screen.getByText('佳途物流 · 分公司 BJ01 · 07 号座席')).toBeInTheDocument()
    expect(screen.getByLabelText('工号')).toHaveFocus()
  })

  it('says how many tries are left after a wrong PIN, and clears the PIN', async () => {
    installApi(fakeApi({ signIn: async () => fail('badCredentials', { remainingAttempts: 2 }) }))
    renderWithProviders(<SignInPage seat={testSeat} />)
    await signIn('E001', '1111')
    expect(await screen.findByRole('alert')).toHaveTextContent('工号或 PIN 不正确，还可再试 2 次')
    expect(screen.getByLabelText('PIN')).toHaveValue('')
  })

  it('shows a lockout as an alert with the local time to retry and the minutes left', async () => {
    const until = new Date(Date.now() + 5 * 60_000 - 1_000).toISOString()
    installApi(fakeApi({ signIn: async () => fail('userLocked', { until }) }))
    renderWithProviders(<SignInPage seat={testSeat} />)
    await signIn('E001', '1111')
    expect(await screen.findByRole('alert')).toHaveTextContent(
      `该工号因连续输错 PIN 已锁定，请于 ${formatClockSeconds(until, 'zh-CN')} 后重试（5 分钟）`,
    )
  })

  it('shows the lockout end to the second (HH:mm:ss)', async () => {
    const until = new Date(Date.now() + 3 * 60_000).toISOString()
    installApi(fakeApi({ signIn: async () => fail('userLocked', { until }) }))
    renderWithProviders(<SignInPage seat={testSeat} />)
    await signIn('E001', '1111')
    expect((await screen.findByRole('alert')).textContent).toMatch(/请于 \d{2}:\d{2}:\d{2} 后重试/)
  })

  it('says "required", not a length rule, for empty fields; PIN lengths in digits', async () => {
    const signInCall = vi.fn(async () => ok(testSession()))
    installApi(fakeApi({ signIn: signInCall }))
    const user = userEvent.setup()
    renderWithProviders(<SignInPage seat={testSeat} />)
    await user.click(screen.getByRole('button', { name: '签到' }))
    expect(await screen.findAllByText('必填')).toHaveLength(2)
    expect(screen.queryByText(/至少/)).toBeNull()
    await user.type(screen.getByLabelText('PIN'), '12{Enter}')
    expect(await screen.findByText('PIN 为 4–8 位数字')).toBeInTheDocument()
    expect(signInCall).not.toHaveBeenCalled()
  })

  it('names the PIN visibility button in the UI language', () => {
    installApi(fakeApi())
    renderWithProviders(<SignInPage seat={testSeat} />)
    expect(screen.getByRole('button', { name: '显示或隐藏 PIN' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Toggle password visibility' })).toBeNull()
  })

  it('has the language switch and the colour-scheme toggle before anyone signs in', async () => {
    installApi(fakeApi())
    const user = userEvent.setup()
    renderWithProviders(<SignInPage seat={testSeat} />)
    expect(screen.getByRole('button', { name: '切换到深色模式' })).toBeInTheDocument()
    await user.click(screen.getByText('English'))
    try {
      expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument()
      expect(screen.getByLabelText('Employee number')).toBeInTheDocument()
    } finally {
      changeLanguage('zh-CN')
    }
  })

  it('keeps the session main returns', async () => {
    const session = testSession({ checklistConfirmedAt: null })
    const signInCall = vi.fn(async () => ok(session))
    installApi(fakeApi({ signIn: signInCall }))
    renderWithProviders(<SignInPage seat={testSeat} />)
    await signIn(' E001 ', '2580')
    await vi.waitFor(() => expect(useAppStore.getState().session).toEqual(session))
    expect(signInCall).toHaveBeenCalledWith({ employeeNo: 'E001', pin: '2580' })
  })
})
