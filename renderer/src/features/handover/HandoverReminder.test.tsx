import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { installApi } from '../../api/client'
import { db } from '../../db/schema'
import { AppRoot } from '../../app/App'
import { useAppStore } from '../../app/appStore'
import { fakeApi, journalReader, ok, testSeat, testSession } from '../../testing/fakeApi'
import { renderWithProviders } from '../../testing/render'
import { projectEntries } from '../../testing/tickets'
import { seatWith, usersEntries } from '../tickets/testSeat'
import { PageDetail } from './book/PageDetail'
import { HandoverReminder } from './HandoverReminder'
import { handoverAcknowledged, handoverCorrected, handoverCountersigned, handoverSigned, samplePage } from './testHandover'

const page = samplePage({ notices: [{ itemId: 'n-1', text: '明早系统升级' }] })

describe('the sign-in reminder', () => {
  it('keeps a page addressed to me in front until it is acknowledged', async () => {
    installApi(fakeApi())
    await seatWith([handoverSigned(10, page)], 'A002')
    const user = userEvent.setup()
    renderWithProviders(<HandoverReminder employeeNo="A002" />)
    const reminder = await screen.findByRole('dialog', { name: '有交接等你接收' })
    expect(reminder).toHaveTextContent('2026-11-23 早班 · 交班人 张伟（A001） 已签字交给你')
    // Esc does not put it away.
    await user.keyboard('{Escape}')
    expect(screen.getByRole('dialog', { name: '有交接等你接收' })).toBeInTheDocument()

    await projectEntries(db, [...usersEntries(), handoverSigned(10, page), handoverAcknowledged(11)])
    await vi.waitFor(() => expect(screen.queryByRole('dialog', { name: '有交接等你接收' })).not.toBeInTheDocument())
  })

  it('is not shown to anyone else', async () => {
    installApi(fakeApi())
    await seatWith([handoverSigned(10, page)], 'A001')
    renderWithProviders(<HandoverReminder employeeNo="A001" />)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  it('a lead waives it with their number, PIN and a written reason', async () => {
    const handoverWaive = vi.fn(async () => ok(null))
    installApi(fakeApi({ handoverWaive }))
    await seatWith([handoverSigned(10, page)], 'A002')
    const user = userEvent.setup()
    renderWithProviders(<HandoverReminder employeeNo="A002" />)
    await user.click(await screen.findByRole('button', { name: '班长豁免' }))
    const dialog = await screen.findByRole('dialog', { name: '班长豁免先接收' })
    await user.type(within(dialog).getByLabelText(/^PIN/), '900009')
    await user.type(within(dialog).getByRole('textbox', { name: /原因/ }), '接班人临时去仓库')
    await user.click(within(dialog).getByRole('button', { name: '豁免' }))
    await vi.waitFor(() => expect(handoverWaive).toHaveBeenCalledWith({ pageId: 'p-1', employeeNo: 'E001', pin: '900009', reason: '接班人临时去仓库' }))
  })
})

describe('the reminder in the app', () => {
  it('is in front of the screens once the incoming agent is signed in', async () => {
    const entries = [...usersEntries(), handoverSigned(10, page)]
    installApi(
      fakeApi({
        seatStatus: async () => ok({ seat: testSeat, journal: { state: 'ok' as const, headSeq: 10, recovered: null } }),
        sessionCurrent: async () => ok(testSession({ sessionId: 's-A002', user: { employeeNo: 'A002', name: '李娜', role: 'agent' } })),
        journalRead: async ({ afterSeq, limit }) => ok(await journalReader(entries)(afterSeq, limit)),
      }),
    )
    useAppStore.setState({ boot: 'loading', seat: null, journal: null, session: null, screen: 'call' })
    renderWithProviders(<AppRoot />)
    const reminder = await screen.findByRole('dialog', { name: '有交接等你接收' }, { timeout: 5000 })
    expect(within(reminder).getByRole('button', { name: '接收交接' })).toBeInTheDocument()
  })
})

describe('a countersigned page', () => {
  it('shows the three signatures and the checkpoint, offers no edits, and lists corrections beside the page', async () => {
    const handoverCorrect = vi.fn(async () => ok({ correctionId: 'c-2' }))
    installApi(fakeApi({ handoverCorrect }))
    await seatWith([handoverSigned(10, page), handoverAcknowledged(11), handoverCountersigned(12), handoverCorrected(13, 'c-1', '通知应为后天升级')])
    const row = (await db.handoverPages.get('p-1'))!
    const user = userEvent.setup()
    renderWithProviders(<PageDetail row={row} me="A002" onClose={() => {}} />)
    const dialog = await screen.findByRole('dialog', { name: '交接页' })
    expect(within(dialog).getByText('已复核')).toBeInTheDocument()
    // Names come from the users table once it is read.
    await vi.waitFor(() => expect(dialog.querySelector('[data-signature="交班人签字"]')).toHaveTextContent('张伟（A001）'))
    expect(dialog.querySelector('[data-signature="接班人签字"]')).toHaveTextContent('李娜（A002）')
    expect(dialog.querySelector('[data-signature="班长复核"]')).toHaveTextContent('王主管（E001）')
    expect(within(dialog).getByTestId('checkpoint')).toHaveTextContent('第 11 条')
    expect(within(dialog).getByTestId('corrections')).toHaveTextContent('通知应为后天升级')
    for (const name of ['接收交接', '班长复核', '班长豁免', '继续编辑草稿']) expect(within(dialog).queryByRole('button', { name })).not.toBeInTheDocument()

    await user.click(within(dialog).getByRole('button', { name: '添加更正' }))
    const correct = await screen.findByRole('dialog', { name: '添加更正' })
    await user.type(within(correct).getByRole('textbox', { name: /工号/ }), 'A001')
    await user.type(within(correct).getByLabelText(/^PIN/), '100001')
    await user.type(within(correct).getByRole('textbox', { name: /更正内容/ }), '剩货已送回')
    await user.click(within(correct).getByRole('button', { name: '保存更正' }))
    await vi.waitFor(() => expect(handoverCorrect).toHaveBeenCalledWith({ pageId: 'p-1', employeeNo: 'A001', pin: '100001', text: '剩货已送回' }))
  })
})
