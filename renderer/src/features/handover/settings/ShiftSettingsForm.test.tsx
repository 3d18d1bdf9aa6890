import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { defaultShiftSettings, type ShiftSettings } from '../../../../../shared/domain/handover/shifts'
import type { IpcResult } from '../../../../../shared/ipc/errors'
import { installApi } from '../../../api/client'
import { db } from '../../../db/schema'
import { fail, fakeApi, ok } from '../../../testing/fakeApi'
import { renderWithProviders } from '../../../testing/render'
import { ShiftsSettingsTab } from './ShiftsSettingsTab'

const defaults = (): ShiftSettings => structuredClone(defaultShiftSettings)

function setUp(answer?: (settings: ShiftSettings) => IpcResult<ShiftSettings>) {
  const shiftSettingsUpdate = vi.fn(async ({ settings }: { settings: ShiftSettings }) => (answer ? answer(settings) : ok(settings)))
  installApi(fakeApi({ shiftSettingsGet: async () => ok(defaults()), shiftSettingsUpdate }))
  renderWithProviders(<ShiftsSettingsTab initialDate="2026-11-25" />)
  return { user: userEvent.setup(), shiftSettingsUpdate }
}

const save = () => screen.getByRole('button', { name: '保存班次设置' })

beforeEach(async () => {
  await db.users.clear()
})

describe('shift settings', () => {
  it('saves edited patterns, a new pattern and the duty rule, and says the rule in words', async () => {
    const { user, shiftSettingsUpdate } = setUp()
    const stay = await screen.findByLabelText('晚班值班延后下班')
    expect(screen.getByText(/上早班时提前 30 分钟上班；上晚班时延后 90 分钟下班，且次日若上早班则推迟 30 分钟上班/)).toBeInTheDocument()
    await user.clear(stay)
    await user.type(stay, '120')
    expect(screen.getByText(/上晚班时延后 120 分钟下班/)).toBeInTheDocument()

    const start = screen.getByLabelText('班次 1：开始')
    await user.clear(start)
    await user.type(start, '08:00')
    await user.click(screen.getByRole('button', { name: '添加班次' }))
    await user.type(screen.getByLabelText('班次 3：名称（中文）'), '夜班')
    await user.type(screen.getByLabelText('班次 3：名称（英文）'), 'Night')
    const nightStart = screen.getByLabelText('班次 3：开始')
    await user.clear(nightStart)
    await user.type(nightStart, '22:00')
    const nightEnd = screen.getByLabelText('班次 3：结束')
    await user.clear(nightEnd)
    await user.type(nightEnd, '08:00')
    await user.click(save())

    const expected = defaults()
    expected.patterns[0]!.start = '08:00'
    expected.patterns.push({ id: 'shift-3', label: { 'zh-CN': '夜班', en: 'Night' }, start: '22:00', end: '08:00', part: 'other' })
    expected.dutyRule.eveningStayMinutes = 120
    await waitFor(() => expect(shiftSettingsUpdate).toHaveBeenCalledWith({ settings: expected }))
    expect(await screen.findByText('班次设置已保存。')).toBeInTheDocument()
  })

  it('refuses a time that is not hh:mm and a missing name, on their fields, without saving', async () => {
    const { user, shiftSettingsUpdate } = setUp()
    const end = await screen.findByLabelText('班次 2：结束')
    await user.clear(end)
    await user.type(end, '25:00')
    await user.clear(screen.getByLabelText('班次 1：名称（英文）'))
    const late = screen.getByLabelText('晚班值班后次日早班推迟上班')
    await user.clear(late)
    await user.type(late, '500')
    await user.click(save())

    expect(await screen.findByText('请输入时间（时:分，如 08:30）')).toBeInTheDocument()
    expect(screen.getByText('必填')).toBeInTheDocument()
    expect(screen.getByText('数值过大')).toBeInTheDocument()
    expect(shiftSettingsUpdate).not.toHaveBeenCalled()
    expect(end).toHaveValue('25:00')
  })

  it('shows a rule main refused on the field it names', async () => {
    const { user, shiftSettingsUpdate } = setUp(() => ({
      ok: false,
      error: { code: 'validation', issues: [{ path: 'patterns.1.start', code: 'custom', message: 'timeOfDay' }] },
    }))
    await user.click(await screen.findByRole('button', { name: '保存班次设置' }))
    await waitFor(() => expect(shiftSettingsUpdate).toHaveBeenCalledTimes(1))
    expect(await screen.findByText('请输入时间（时:分，如 08:30）')).toBeInTheDocument()
    expect(screen.getByLabelText('班次 2：开始')).toHaveAttribute('aria-invalid', 'true')
  })

  it('says why the settings could not be read', async () => {
    installApi(fakeApi({ shiftSettingsGet: async () => fail('internal') }))
    renderWithProviders(<ShiftsSettingsTab />)
    expect(await screen.findByRole('button', { name: '重试' })).toBeInTheDocument()
  })
})
