import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { WorkingDayCalendarSettings } from '../../../../shared/domain/tickets/workingDays'
import type { IpcResult } from '../../../../shared/ipc/errors'
import { installApi } from '../../api/client'
import { i18n } from '../../i18n'
import { fail, fakeApi, ok } from '../../testing/fakeApi'
import { renderWithProviders } from '../../testing/render'
import { WorkingCalendarSection } from './WorkingCalendarSection'

function setUp(current: WorkingDayCalendarSettings = { overrides: [], coveredYears: [] }, answer?: (settings: WorkingDayCalendarSettings) => IpcResult<WorkingDayCalendarSettings>) {
  const workingCalendarUpdate = vi.fn(async ({ settings }: { settings: WorkingDayCalendarSettings }) => (answer ? answer(settings) : ok(settings)))
  installApi(fakeApi({ workingCalendarGet: async () => ok(current), workingCalendarUpdate }))
  const user = userEvent.setup()
  renderWithProviders(<WorkingCalendarSection />)
  return { user, workingCalendarUpdate }
}

/** The year and month shown; the year is typed so the test does not depend on today's date. */
async function showMonth(user: ReturnType<typeof userEvent.setup>, year: number, month: number) {
  const yearInput = await screen.findByLabelText('年份')
  await user.clear(yearInput)
  await user.type(yearInput, String(year))
  await user.click(screen.getByRole('radio', { name: `${month}月` }))
}

const day = (name: string | RegExp) => screen.getByRole('button', { name })
const save = () => screen.getByRole('button', { name: '保存工作日历' })

describe('working-day calendar', () => {
  it('shows 2026’s National Day off and its adjusted working Saturday, told apart from weekends and weekdays', async () => {
    const { user } = setUp()
    await showMonth(user, 2026, 10)
    expect(day('2026年10月1日星期四：法定节假日（休息）')).toHaveTextContent('休')
    expect(day('2026年10月7日星期三：法定节假日（休息）')).toBeInTheDocument()
    // chinese-days 1.5.7: Saturday 10 October 2026 is worked in exchange for the holiday.
    expect(day('2026年10月10日星期六：调休上班日（工作）')).toHaveTextContent('班')
    expect(day('2026年10月11日星期日：周末（休息）')).toBeInTheDocument()
    expect(day('2026年10月12日星期一：工作日')).toBeInTheDocument()
    expect(screen.getByText('已收录官方安排')).toBeInTheDocument()
    expect(screen.queryByRole('switch')).not.toBeInTheDocument()

    await user.click(screen.getByRole('radio', { name: '9月' }))
    expect(day('2026年9月20日星期日：调休上班日（工作）')).toBeInTheDocument()
  })

  it('adds a company day off from the grid and sends it on save', async () => {
    const { user, workingCalendarUpdate } = setUp()
    await showMonth(user, 2026, 10)
    await user.click(day('2026年10月9日星期五：工作日'))
    expect(screen.getByLabelText(/^日期/)).toHaveValue('2026-10-09')
    await user.type(screen.getByLabelText('说明'), '司庆日')
    await user.click(screen.getByRole('button', { name: '添加到日历' }))

    // Marked as the company's, not as an official holiday.
    expect(day('2026年10月9日星期五：公司休息日（司庆日）')).toHaveTextContent('司休')
    const table = screen.getByRole('table', { name: '2026 年的公司安排' })
    expect(within(table).getByText('司庆日')).toBeInTheDocument()
    expect(screen.getByText('有未保存的修改。')).toBeInTheDocument()

    await user.click(save())
    await waitFor(() =>
      expect(workingCalendarUpdate).toHaveBeenCalledWith({ settings: { overrides: [{ date: '2026-10-09', kind: 'holiday', note: '司庆日' }], coveredYears: [] } }),
    )
    expect(await screen.findByText('工作日历已保存。')).toBeInTheDocument()
    expect(screen.queryByText('有未保存的修改。')).not.toBeInTheDocument()
  })

  it('adds an extra working day typed as a date, and removes a company day', async () => {
    const { user, workingCalendarUpdate } = setUp({ overrides: [{ date: '2026-05-20', kind: 'holiday', note: '' }], coveredYears: [] })
    await showMonth(user, 2026, 1)
    await user.type(screen.getByLabelText(/^日期/), '2026-11-28')
    await user.selectOptions(screen.getByLabelText('安排'), '公司加班工作日')
    await user.click(screen.getByRole('button', { name: '添加到日历' }))
    // The view follows the new day to its month.
    expect(day('2026年11月28日星期六：公司加班工作日')).toHaveTextContent('司班')

    await user.click(screen.getByRole('button', { name: '删除 2026-05-20 的公司安排' }))
    await user.click(save())
    await waitFor(() =>
      expect(workingCalendarUpdate).toHaveBeenCalledWith({ settings: { overrides: [{ date: '2026-11-28', kind: 'workingDay', note: '' }], coveredYears: [] } }),
    )
  })

  it('refuses a second company day on the same date, and a date left empty', async () => {
    const { user, workingCalendarUpdate } = setUp({ overrides: [{ date: '2026-10-09', kind: 'holiday', note: '司庆日' }], coveredYears: [] })
    await showMonth(user, 2026, 10)
    await user.click(screen.getByRole('button', { name: '添加到日历' }))
    expect(await screen.findByText('必填')).toBeInTheDocument()

    await user.click(day('2026年10月9日星期五：公司休息日（司庆日）'))
    await user.selectOptions(screen.getByLabelText('安排'), '公司加班工作日')
    await user.click(screen.getByRole('button', { name: '添加到日历' }))
    expect(await screen.findByText('该日期已有公司安排（公司休息日），请先在下方删除')).toBeInTheDocument()
    expect(within(screen.getByRole('table', { name: '2026 年的公司安排' })).getAllByRole('row')).toHaveLength(2) // header + one
    expect(screen.queryByText('有未保存的修改。')).not.toBeInTheDocument()
    expect(workingCalendarUpdate).not.toHaveBeenCalled()
  })

  it('says 2027 is not covered and lets a supervisor declare it complete', async () => {
    const { user, workingCalendarUpdate } = setUp({ overrides: [{ date: '2027-01-01', kind: 'holiday', note: '元旦' }], coveredYears: [] })
    await showMonth(user, 2027, 1)
    expect(screen.getByText('2027 年未覆盖')).toBeInTheDocument()
    expect(screen.getByText(/时限计算不会猜测/)).toBeInTheDocument()
    // An override alone does not make the year covered.
    const complete = screen.getByRole('switch', { name: /^2027 年的放假和调休安排已全部录入/ })
    expect(complete).not.toBeChecked()
    expect(day('2027年1月1日星期五：公司休息日（元旦）')).toBeInTheDocument()

    await user.click(complete)
    expect(screen.getByText('2027 年已由主管标记为完整')).toBeInTheDocument()
    await user.click(save())
    await waitFor(() =>
      expect(workingCalendarUpdate).toHaveBeenCalledWith({ settings: { overrides: [{ date: '2027-01-01', kind: 'holiday', note: '元旦' }], coveredYears: [2027] } }),
    )
  })

  it('keeps the unsaved calendar when main refuses, and reverts on request', async () => {
    const { user, workingCalendarUpdate } = setUp({ overrides: [], coveredYears: [] }, () => fail('notAllowed'))
    await showMonth(user, 2027, 3)
    await user.click(screen.getByRole('switch', { name: /^2027 年的放假和调休安排已全部录入/ }))
    await user.click(save())
    expect(await screen.findByText('当前角色无权进行此操作，请联系主管。')).toBeInTheDocument()
    expect(workingCalendarUpdate).toHaveBeenCalledTimes(1)
    expect(screen.getByRole('switch', { name: /^2027 年的放假和调休安排已全部录入/ })).toBeChecked()
    expect(screen.getByText('有未保存的修改。')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: '撤销未保存的修改' }))
    expect(screen.getByRole('switch', { name: /^2027 年的放假和调休安排已全部录入/ })).not.toBeChecked()
  })

  it('reads in English, days named in English, nothing left untranslated', async () => {
    await i18n.changeLanguage('en')
    try {
      const { user } = setUp({ overrides: [{ date: '2027-10-08', kind: 'workingDay', note: '' }], coveredYears: [] })
      const yearInput = await screen.findByLabelText('Year')
      await user.clear(yearInput)
      await user.type(yearInput, '2027')
      await user.click(screen.getByRole('radio', { name: 'Oct' }))
      expect(screen.getByText('2027 is not covered')).toBeInTheDocument()
      expect(screen.getByRole('button', { name: 'Friday, October 8, 2027: Company extra working day' })).toBeInTheDocument()
      expect(screen.getByRole('table', { name: 'Company days in 2027' })).toBeInTheDocument()
      expect(document.body.textContent).not.toMatch(/\{\{|deadlines\./)
    } finally {
      // Unmounted first, so the switch back re-renders nothing outside the test.
      cleanup()
      await i18n.changeLanguage('zh-CN')
    }
  })
})
