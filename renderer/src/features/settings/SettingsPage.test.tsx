import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { defaultSettings } from '../../../../shared/domain/settings'
import { defaultDeadlineSettings } from '../../../../shared/domain/tickets/deadlines'
import { installApi } from '../../api/client'
import { fakeApi, ok } from '../../testing/fakeApi'
import { renderWithProviders } from '../../testing/render'
import SettingsPage from './SettingsPage'

describe('settings', () => {
  it('shows the allowed range and names an out-of-range number instead of clamping it', async () => {
    const settingsUpdate = vi.fn(async () => ok(defaultSettings))
    installApi(fakeApi({ settingsGet: async () => ok(defaultSettings), settingsUpdate }))
    const user = userEvent.setup()
    renderWithProviders(<SettingsPage />)

    const attempts = await screen.findByLabelText('连续输错 PIN 几次后锁定工号')
    expect(screen.getByText('允许范围：3–20')).toBeInTheDocument()
    await user.clear(attempts)
    await user.type(attempts, '0')
    const idle = screen.getByLabelText('无操作多久自动锁屏（分钟）')
    await user.clear(idle)
    await user.type(idle, '999')
    await user.click(screen.getByRole('button', { name: '保存设置' }))

    expect(await screen.findByText('请输入 3–20 之间的整数')).toBeInTheDocument()
    expect(screen.getByText('请输入 1–120 之间的整数')).toBeInTheDocument()
    // Kept as typed, not silently changed to 3 and 120.
    expect(attempts).toHaveValue('0')
    expect(idle).toHaveValue('999')
    expect(settingsUpdate).not.toHaveBeenCalled()
  })
})

describe('settings tabs', () => {
  it('opens the deadlines and the calendar in their own tabs and keeps what was typed when switching', async () => {
    const deadlineSettingsGet = vi.fn(async () => ok(defaultDeadlineSettings))
    installApi(fakeApi({ settingsGet: async () => ok(defaultSettings), deadlineSettingsGet, workingCalendarGet: async () => ok({ overrides: [], coveredYears: [] }) }))
    const user = userEvent.setup()
    renderWithProviders(<SettingsPage />)
    await screen.findByLabelText('连续输错 PIN 几次后锁定工号')

    await user.click(screen.getByRole('tab', { name: '工单时限' }))
    const amount = await screen.findByLabelText('查货·回复客户：时限')
    await user.clear(amount)
    await user.type(amount, '7')

    await user.click(screen.getByRole('tab', { name: '工作日历' }))
    expect(await screen.findByLabelText('年份')).toBeInTheDocument()

    await user.click(screen.getByRole('tab', { name: '工单时限' }))
    expect(screen.getByLabelText('查货·回复客户：时限')).toHaveValue('7')
  })
})
