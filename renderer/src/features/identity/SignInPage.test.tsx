import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { installApi } from '../../api/client'
import { useAppStore } from '../../app/appStore'
import { formatClock } from '../../i18n/format'
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
      `该工号因连续输错 PIN 已锁定，请于 ${formatClock(until, 'zh-CN')} 后重试（5 分钟）`,
    )
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
