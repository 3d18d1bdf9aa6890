import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { defaultShiftSettings, type RosterDay } from '../../../../../shared/domain/handover/shifts'
import { installApi } from '../../../api/client'
import { db } from '../../../db/schema'
import { fakeApi, ok } from '../../../testing/fakeApi'
import { renderWithProviders } from '../../../testing/render'
import { printUsers } from '../print/printTestPages'
import { RosterSection } from './RosterSection'

// The roster rows as the projection holds them (one per China date), in the app's own database.
async function setUp(days: RosterDay[] = []) {
  await Promise.all([db.users.clear(), db.roster.clear()])
  await db.roster.bulkPut(days)
  await db.users.bulkPut([...printUsers, { ...printUsers[1]!, employeeNo: 'E009', name: '已停用', active: 0 }])
  const rosterSet = vi.fn(async ({ day }: { day: RosterDay }) => ok(day))
  installApi(fakeApi({ rosterSet }))
  renderWithProviders(<RosterSection settings={defaultShiftSettings} initialDate="2026-11-25" />)
  return { user: userEvent.setup(), rosterSet }
}

type User = ReturnType<typeof userEvent.setup>

/**
 * Opens a Mantine combobox and returns its list. The dropdowns open through a transition jsdom never
 * finishes, and closed ones stay mounted: options are found hidden, within the list the input names.
 */
async function openList(user: User, label: string) {
  const input = screen.getByRole('combobox', { name: label })
  await user.click(input)
  await waitFor(() => expect(input).toHaveAttribute('aria-controls'))
  return within(document.getElementById(input.getAttribute('aria-controls')!)!)
}

async function choose(user: User, label: string, option: string) {
  const list = await openList(user, label)
  await user.click(await list.findByRole('option', { name: option, hidden: true }))
}

describe('the roster', () => {
  it('saves the agents, the lead of each worked shift and the duty person', async () => {
    const { user, rosterSet } = await setUp()
    await screen.findByRole('form', { name: '2026-11-25 排班' })
    await choose(user, '早班：坐席', '张伟（E002）')
    await choose(user, '早班：坐席', '李娜（E003）')
    await user.keyboard('{Escape}')
    // Only leads and supervisors lead a shift; disabled users are not offered at all.
    const leads = await openList(user, '早班：班长')
    expect(leads.queryByRole('option', { name: '张伟（E002）', hidden: true })).not.toBeInTheDocument()
    await user.click(leads.getByRole('option', { name: '赵班长（E004）', hidden: true }))
    const agents = await openList(user, '晚班：坐席')
    expect(agents.getByRole('option', { name: '张伟（E002）', hidden: true })).toBeInTheDocument()
    expect(agents.queryByRole('option', { name: /已停用/, hidden: true })).not.toBeInTheDocument()
    await user.keyboard('{Escape}')
    await choose(user, '当日值班人员', '李娜（E003）')
    await user.click(screen.getByRole('button', { name: '保存排班' }))

    await waitFor(() =>
      expect(rosterSet).toHaveBeenCalledWith({
        day: { date: '2026-11-25', shifts: [{ patternId: 'morning', agents: ['E002', 'E003'], lead: 'E004' }], duty: 'E003' },
      }),
    )
    expect(await screen.findByText('2026-11-25 的排班已保存。')).toBeInTheDocument()
  })

  it('refuses a worked shift without a lead and does not save', async () => {
    const { user, rosterSet } = await setUp()
    await screen.findByRole('form', { name: '2026-11-25 排班' })
    await choose(user, '晚班：坐席', '张伟（E002）')
    await user.keyboard('{Escape}')
    await user.click(screen.getByRole('button', { name: '保存排班' }))
    expect(await screen.findByText('必填')).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: '晚班：班长' })).toHaveAttribute('aria-invalid', 'true')
    expect(rosterSet).not.toHaveBeenCalled()
  })

  it('shows each person’s hours with the duty rule, including yesterday’s evening duty', async () => {
    await setUp([
      {
        date: '2026-11-25',
        shifts: [
          { patternId: 'morning', agents: ['E002', 'E003'], lead: 'E004' },
          { patternId: 'evening', agents: ['E001'], lead: 'E004' },
        ],
        duty: 'E001',
      },
      { date: '2026-11-24', shifts: [{ patternId: 'evening', agents: ['E003'], lead: 'E004' }], duty: 'E003' },
      // Two days before: an evening duty then no longer makes this morning late.
      { date: '2026-11-23', shifts: [{ patternId: 'evening', agents: ['E002'], lead: 'E004' }], duty: 'E002' },
    ])
    const times = await screen.findByRole('table', { name: '当日上下班时间（已按值班规则调整）' })
    expect(within(times).getByRole('row', { name: /张伟/ })).toHaveTextContent('张伟（E002）早班08:3017:30')
    expect(within(times).getByRole('row', { name: /李娜/ })).toHaveTextContent('李娜（E003）早班09:0017:30昨晚值班，推迟上班')
    expect(within(times).getByRole('row', { name: /王主管/ })).toHaveTextContent('王主管（E001）晚班13:3023:30值班，延后下班')
    // What the journal holds is what the editor starts from.
    expect(screen.getByRole('combobox', { name: '当日值班人员' })).toHaveValue('王主管（E001）')

    // Another day: its own roster, and its own day before.
    const date = screen.getByLabelText('日期')
    await userEvent.setup().clear(date)
    await userEvent.setup().type(date, '2026-11-24')
    await waitFor(() => expect(screen.getByRole('combobox', { name: '当日值班人员' })).toHaveValue('李娜（E003）'))
    expect(screen.getByRole('form', { name: '2026-11-24 排班' })).toBeInTheDocument()
  })
})
