import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { defaultDeadlineSettings, type DeadlineSettings } from '../../../../shared/domain/tickets/deadlines'
import type { IpcResult } from '../../../../shared/ipc/errors'
import { installApi } from '../../api/client'
import { i18n } from '../../i18n'
import { fail, fakeApi, ok } from '../../testing/fakeApi'
import { renderWithProviders } from '../../testing/render'
import { DeadlineSettingsSection } from './DeadlineSettingsSection'

const defaults = (): DeadlineSettings => structuredClone(defaultDeadlineSettings)

function setUp(current: DeadlineSettings = defaults(), answer?: (settings: DeadlineSettings) => IpcResult<DeadlineSettings>) {
  const deadlineSettingsUpdate = vi.fn(async ({ settings }: { settings: DeadlineSettings }) => (answer ? answer(settings) : ok(settings)))
  installApi(fakeApi({ deadlineSettingsGet: async () => ok(current), deadlineSettingsUpdate }))
  const user = userEvent.setup()
  renderWithProviders(<DeadlineSettingsSection />)
  return { user, deadlineSettingsUpdate }
}

const save = () => screen.getByRole('button', { name: '保存时限设置' })

describe('deadline settings', () => {
  it('saves an edited amount, unit and pause switch as the whole settings', async () => {
    const { user, deadlineSettingsUpdate } = setUp()
    const amount = await screen.findByLabelText('查货·回复客户：时限')
    expect(amount).toHaveValue('5')
    await user.clear(amount)
    await user.type(amount, '15')
    await user.selectOptions(screen.getByLabelText('查货·回复客户：单位'), '小时')
    await user.click(screen.getByLabelText('多收运费·处理完毕并致歉：等待客户时暂停'))
    expect(screen.getByText('有未保存的修改。')).toBeInTheDocument()
    await user.click(save())

    const expected = defaults()
    expected.clocks = expected.clocks.map((clock) =>
      clock.id === 'trackingInquiry.answer'
        ? { ...clock, amount: 15, unit: 'hours' }
        : clock.id === 'overcharge.settle'
          ? { ...clock, pauseWhileWaitingOnCustomer: true }
          : clock,
    )
    await waitFor(() => expect(deadlineSettingsUpdate).toHaveBeenCalledWith({ settings: expected }))
    expect(await screen.findByText('时限设置已保存。')).toBeInTheDocument()
    // Saved is the new starting point: nothing left to revert.
    expect(screen.getByRole('button', { name: '撤销未保存的修改' })).toBeDisabled()
    expect(screen.queryByText('有未保存的修改。')).not.toBeInTheDocument()
  })

  it('names an invalid amount or label on its field in Chinese and does not save', async () => {
    const { user, deadlineSettingsUpdate } = setUp()
    const hours = await screen.findByLabelText('多收运费·处理完毕并致歉：时限')
    await user.clear(hours)
    await user.type(hours, '0')
    const days = screen.getByLabelText('投诉·客户赔付：时限')
    await user.clear(days)
    await user.type(days, '20000')
    await user.clear(screen.getByLabelText('理赔·报保险公司：名称（中文）'))
    // 0 calendar days is allowed: "the same day".
    expect(screen.getByLabelText('数据变更·当日通知分公司：时限')).toHaveValue('0')
    await user.click(save())

    expect(await screen.findByText('须大于 0（只有“自然日”可以为 0，表示当日）')).toBeInTheDocument()
    expect(screen.getByText('不能大于 10000')).toBeInTheDocument()
    expect(screen.getByText('必填')).toBeInTheDocument()
    expect(screen.getByText('有内容填写不符合要求，请按提示修改。')).toBeInTheDocument()
    expect(screen.getAllByText(/须大于 0/)).toHaveLength(1)
    expect(deadlineSettingsUpdate).not.toHaveBeenCalled()
    // Kept as typed, not clamped.
    expect(hours).toHaveValue('0')
    expect(days).toHaveValue('20000')
  })

  it('restores the defaults after a confirmation, to be saved like any edit', async () => {
    const current = defaults()
    current.clocks[0] = { ...current.clocks[0]!, amount: 30 }
    current.clocks.push({ ...current.clocks[1]!, id: 'dataChange.extra', label: { 'zh-CN': '额外', en: 'Extra' } })
    current.regulatorRule = { enabled: true, replyBeforeAppealDays: 10, forwardedAppealAnswerDays: 20 }
    const { user, deadlineSettingsUpdate } = setUp(current)
    expect(await screen.findByLabelText('查货·回复客户：时限')).toHaveValue('30')

    await user.click(screen.getByRole('button', { name: '恢复默认时限' }))
    const dialog = await screen.findByRole('dialog', { name: '恢复默认时限？' })
    await user.click(within(dialog).getByRole('button', { name: '恢复默认' }))
    expect(screen.getByLabelText('查货·回复客户：时限')).toHaveValue('5')
    expect(screen.queryByLabelText('数据变更·额外：时限')).not.toBeInTheDocument()
    expect(deadlineSettingsUpdate).not.toHaveBeenCalled()

    await user.click(save())
    await waitFor(() => expect(deadlineSettingsUpdate).toHaveBeenCalledWith({ settings: defaultDeadlineSettings }))
  })

  it('adds a clock with an id made from its kind and English name, and removes one after a confirmation', async () => {
    const { user, deadlineSettingsUpdate } = setUp()
    await screen.findByLabelText('查货·回复客户：时限')

    await user.click(screen.getByRole('button', { name: '添加时限' }))
    const dialog = await screen.findByRole('dialog', { name: '添加时限' })
    await user.selectOptions(within(dialog).getByLabelText('工单类型'), '货损货差')
    await user.click(within(dialog).getByRole('button', { name: '添加' }))
    expect(await within(dialog).findAllByText('必填')).toHaveLength(2)
    await user.type(within(dialog).getByLabelText(/名称（中文）/), '报财务')
    await user.type(within(dialog).getByLabelText(/名称（英文）/), 'Report to finance!')
    await user.click(within(dialog).getByRole('button', { name: '添加' }))
    const amount = await screen.findByLabelText('货损货差·报财务：时限')
    await user.clear(amount)
    await user.type(amount, '3')
    // Damage tickets carry an incident time; overcharges do not.
    expect(within(screen.getByLabelText('货损货差·报财务：起算')).getByRole('option', { name: '自事故发生起' })).toBeEnabled()
    expect(within(screen.getByLabelText('多收运费·处理完毕并致歉：起算')).getByRole('option', { name: '自事故发生起' })).toBeDisabled()

    await user.click(screen.getByRole('button', { name: '删除时限“前期调查取证”' }))
    const confirm = await screen.findByRole('dialog', { name: '删除时限？' })
    expect(within(confirm).getByText(/“理赔”工单的时限“前期调查取证”/)).toBeInTheDocument()
    await user.click(within(confirm).getByRole('button', { name: '删除' }))
    expect(screen.queryByLabelText('理赔·前期调查取证：时限')).not.toBeInTheDocument()

    await user.click(save())
    await waitFor(() => expect(deadlineSettingsUpdate).toHaveBeenCalledTimes(1))
    const sent = deadlineSettingsUpdate.mock.calls[0]![0].settings
    expect(sent.clocks.map((clock) => clock.id)).not.toContain('claim.preliminaryInvestigation')
    expect(sent.clocks.at(-1)).toEqual({
      id: 'damageShortage.report-to-finance',
      kind: 'damageShortage',
      label: { 'zh-CN': '报财务', en: 'Report to finance!' },
      amount: 3,
      unit: 'workingDays',
      from: 'opened',
      when: 'always',
      pauseWhileWaitingOnCustomer: false,
    })
  })

  it('offers only the conditions a kind can meet', async () => {
    setUp()
    const conditions = (label: string) => within(screen.getByLabelText(label)).getAllByRole('option').map((option) => option.textContent)
    await screen.findByLabelText('多收运费·处理完毕并致歉：适用条件')
    expect(conditions('多收运费·处理完毕并致歉：适用条件')).toEqual(['所有工单'])
    expect(conditions('理赔·报保险公司：适用条件')).toEqual(['所有工单', '超出分公司权限时'])
    expect(conditions('投诉·前期调查：适用条件')).toEqual(['所有工单', '客户书面索赔时', '重大事故时', '超出分公司权限时', '邮政管理部门转办时'])
  })

  it('switches the regulator rule on with its day counts, the explanation following the numbers', async () => {
    const { user, deadlineSettingsUpdate } = setUp()
    expect(await screen.findByText(/客户投诉后 7 日内未获答复，可向邮政管理部门（12305）申诉；对邮政管理部门转办的申诉，须在 15 日内答复/)).toBeInTheDocument()
    expect(screen.getByText(/请以邮政管理部门现行规定为准/)).toBeInTheDocument()
    await user.click(screen.getByLabelText('为投诉工单计算申诉时限'))
    const appeal = screen.getByLabelText('答复期限（客户可申诉前，自然日）')
    await user.clear(appeal)
    await user.type(appeal, '5')
    expect(screen.getByText(/客户投诉后 5 日内未获答复/)).toBeInTheDocument()
    const forwarded = screen.getByLabelText('转办申诉答复期限（自然日）')
    await user.clear(forwarded)
    await user.type(forwarded, '61')
    await user.click(save())
    expect(await screen.findByText('不能大于 60')).toBeInTheDocument()
    expect(deadlineSettingsUpdate).not.toHaveBeenCalled()

    await user.clear(forwarded)
    await user.type(forwarded, '10')
    await user.click(save())
    await waitFor(() =>
      expect(deadlineSettingsUpdate).toHaveBeenCalledWith({
        settings: { ...defaults(), regulatorRule: { enabled: true, replyBeforeAppealDays: 5, forwardedAppealAnswerDays: 10 } },
      }),
    )
  })

  it('keeps everything typed when main refuses, and shows main’s own rule on its field', async () => {
    let answer: IpcResult<DeadlineSettings> = fail('journalUnavailable')
    const { user, deadlineSettingsUpdate } = setUp(defaults(), () => answer)
    const amount = await screen.findByLabelText('查货·回复客户：时限')
    await user.clear(amount)
    await user.type(amount, '8')
    await user.click(save())
    expect(await screen.findByText(/日志暂时无法写入，操作未保存/)).toBeInTheDocument()
    expect(amount).toHaveValue('8')
    expect(screen.getByRole('button', { name: '撤销未保存的修改' })).toBeEnabled()

    answer = { ok: false, error: { code: 'validation', issues: [{ path: 'settings.clocks.0.amount', code: 'custom', message: 'amountPositive' }] } }
    await user.click(save())
    expect(await screen.findByText('须大于 0（只有“自然日”可以为 0，表示当日）')).toBeInTheDocument()
    expect(deadlineSettingsUpdate).toHaveBeenCalledTimes(2)

    await user.click(screen.getByRole('button', { name: '撤销未保存的修改' }))
    expect(amount).toHaveValue('5')
  })

  it('says why the clocks could not be loaded and loads them on retry', async () => {
    let attempt = 0
    installApi(fakeApi({ deadlineSettingsGet: async () => (++attempt === 1 ? fail('notAllowed') : ok(defaults())) }))
    const user = userEvent.setup()
    renderWithProviders(<DeadlineSettingsSection />)
    expect(await screen.findByText('当前角色无权进行此操作，请联系主管。')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '重试' }))
    expect(await screen.findByLabelText('查货·回复客户：时限')).toHaveValue('5')
  })

  it('reads in English with every message translated', async () => {
    await i18n.changeLanguage('en')
    try {
      const { user } = setUp()
      const amount = await screen.findByLabelText('Tracking inquiry · Answer the customer: Limit')
      await user.clear(amount)
      await user.click(screen.getByRole('button', { name: 'Save deadlines' }))
      expect(await screen.findByText('Required')).toBeInTheDocument()
      expect(screen.getByText(/may appeal to the postal regulator \(12305\)/)).toBeInTheDocument()
      expect(document.body.textContent).not.toMatch(/\{\{|deadlines\./)
    } finally {
      // Unmounted first, so the switch back re-renders nothing outside the test.
      cleanup()
      await i18n.changeLanguage('zh-CN')
    }
  })
})
