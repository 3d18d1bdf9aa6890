import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { formatTicketNo } from '../../../../shared/domain/tickets/lifecycle'
import { installApi } from '../../api/client'
import { journalEntry, fakeApi } from '../../testing/fakeApi'
import { renderWithProviders } from '../../testing/render'
import { sampleDetails, TEST_BRANCH, ticketOpened } from '../../testing/tickets'
import { minutesAfterEntry, seatWith } from './testSeat'
import TicketsPage from './TicketsPage'
import { useTicketsScreen } from './ticketsStore'

// Three tickets: a tracking inquiry of A001's (5-minute clock), an overcharge of A002's (2 hours) and a
// complaint of A001's (working days), each with its own caller, waybill and name.
const tracking = ticketOpened(10, { ticketId: 't-tracking', kind: 'trackingInquiry' })
const overcharge = ticketOpened(11, {
  ticketId: 't-overcharge',
  owner: 'A002',
  details: sampleDetails('overcharge', { callerPhone: '+8613999998888', customerName: '赵女士' }),
})
const complaint = ticketOpened(12, {
  ticketId: 't-complaint',
  details: sampleDetails('complaint', { callerPhone: '+8613700001111', customerName: '孙先生' }),
})
const numberOf = (seq: number) => formatTicketNo(TEST_BRANCH, journalEntry(seq, 'x', null).ts, seq)

async function searchFor(text: string) {
  const user = userEvent.setup()
  renderWithProviders(<TicketsPage />)
  const box = await screen.findByRole('searchbox', { name: '查找' })
  await user.type(box, text)
  return { user, box }
}

/** The ticket numbers in the results table, once the search has answered with `count` rows. */
async function resultNumbers(count: number): Promise<string[]> {
  // Generous: the search waits for typing to pause (debounce), and the test machine is shared.
  await screen.findByText(`找到 ${count} 张工单`, undefined, { timeout: 5_000 })
  const table = screen.getByRole('table', { name: '查找结果' })
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent ?? '')
}

describe('tickets screen', () => {
  beforeEach(async () => {
    // Only the wall clock is set: Dexie's timers keep running.
    vi.useFakeTimers({ toFake: ['Date'] })
    // 02:50Z: the tracking inquiry (due 01:15) is overdue; the overcharge (due 03:11) is due within 30 minutes.
    vi.setSystemTime(minutesAfterEntry(11, 99))
    installApi(fakeApi())
    await seatWith([tracking, overcharge, complaint])
  })
  afterEach(() => vi.useRealTimers())

  it.each([
    ['a ticket number', numberOf(11), [numberOf(11)]],
    ['a waybill number, in lower case', 'sf1234567896', [numberOf(12)]],
    ['a full phone number', '138 1234 5678', [numberOf(10)]],
    ['the last 4 digits of a phone', '1111', [numberOf(12)]],
    ["the start of a customer's name", '赵', [numberOf(11)]],
  ])('finds tickets by %s', async (_key, text, expected) => {
    await searchFor(text)
    expect(await resultNumbers(expected.length)).toEqual(expected)
  })

  it('lists every ticket newest first before anything is typed, with owners by name and phones masked', async () => {
    renderWithProviders(<TicketsPage />)
    expect(await resultNumbers(3)).toEqual([numberOf(12), numberOf(11), numberOf(10)])
    const overchargeRow = screen.getByRole('row', { name: `工单 ${numberOf(11)}（多收运费）` })
    expect(overchargeRow).toHaveTextContent('李娜（A002）')
    expect(overchargeRow).toHaveTextContent('139****8888')
    expect(overchargeRow).not.toHaveTextContent('13999998888')
  })

  it('an overdue row stands out in red with a badge, a due-soon one in orange, a running one not at all', async () => {
    renderWithProviders(<TicketsPage />)
    await resultNumbers(3)
    const overdue = screen.getByRole('row', { name: `工单 ${numberOf(10)}（查货）` })
    expect(overdue).toHaveAttribute('data-due', 'overdue')
    expect(overdue.style.backgroundColor || overdue.getAttribute('style')).toContain('red')
    expect(within(overdue).getByText('已超时')).toBeInTheDocument()
    const dueSoon = screen.getByRole('row', { name: `工单 ${numberOf(11)}（多收运费）` })
    expect(dueSoon).toHaveAttribute('data-due', 'dueSoon')
    expect(within(dueSoon).getByText('即将到期')).toBeInTheDocument()
    const running = screen.getByRole('row', { name: `工单 ${numberOf(12)}（投诉）` })
    expect(running).toHaveAttribute('data-due', 'running')
    expect(within(running).queryByText('已超时')).not.toBeInTheDocument()
  })

  it('"my due tickets" shows only mine, overdue apart from due soon; "all overdue" shows everyone\'s', async () => {
    const user = userEvent.setup()
    renderWithProviders(<TicketsPage />)
    await user.click(await screen.findByRole('tab', { name: /我的到期工单/ }))
    const myOverdue = await screen.findByRole('table', { name: '我的超时工单' })
    expect(within(myOverdue).getAllByRole('row')).toHaveLength(2)
    expect(within(myOverdue).getByRole('row', { name: `工单 ${numberOf(10)}（查货）` })).toHaveAttribute('data-due', 'overdue')
    // The overcharge due soon is A002's, not mine.
    expect(screen.getByText('没有即将到期的工单。')).toBeInTheDocument()

    await user.click(screen.getByRole('tab', { name: /全部超时工单/ }))
    const all = await screen.findByRole('table', { name: '全部超时工单' })
    expect(within(all).getAllByRole('row').slice(1).map((row) => row.getAttribute('aria-label'))).toEqual([`工单 ${numberOf(10)}（查货）`])
  })

  it('keyboard: / focuses the search, the arrows walk the rows and Enter opens a ticket', async () => {
    const user = userEvent.setup()
    renderWithProviders(<TicketsPage />)
    await resultNumbers(3)
    await user.click(screen.getByRole('tab', { name: /转交给我/ }))
    await user.keyboard('/')
    const box = await screen.findByRole('searchbox', { name: '查找' })
    await vi.waitFor(() => expect(box).toHaveFocus())
    await user.keyboard('{ArrowDown}')
    expect(screen.getByRole('row', { name: `工单 ${numberOf(12)}（投诉）` })).toHaveFocus()
    await user.keyboard('{ArrowDown}{Enter}')
    expect(useTicketsScreen.getState().openTicketId).toBe('t-overcharge')
    const drawer = await screen.findByRole('dialog', { name: '工单详情' })
    expect(await within(drawer).findByRole('heading', { name: numberOf(11) })).toBeInTheDocument()
  })

  it('Ctrl+F focuses the search even from another field; Enter on a lookup that names one ticket opens it', async () => {
    const user = userEvent.setup()
    renderWithProviders(<TicketsPage />)
    await resultNumbers(3)
    await user.click(screen.getByLabelText('开单日期从'))
    await user.keyboard('{Control>}f{/Control}')
    const box = screen.getByRole('searchbox', { name: '查找' })
    await vi.waitFor(() => expect(box).toHaveFocus())
    await user.type(box, 'SF1234567890')
    await resultNumbers(1)
    await user.keyboard('{Enter}')
    expect(useTicketsScreen.getState().openTicketId).toBe('t-tracking')
  })

  it('a note typed and not yet added is not dropped by Esc: the drawer asks, and closes at once when nothing is typed', async () => {
    const user = userEvent.setup()
    renderWithProviders(<TicketsPage />)
    await resultNumbers(3)
    await user.click(screen.getByRole('row', { name: `工单 ${numberOf(11)}（多收运费）` }))
    const drawer = await screen.findByRole('dialog', { name: '工单详情' })
    const note = await within(drawer).findByRole('textbox', { name: '添加备注' })
    await user.type(note, '客户说下午再来电')
    await user.keyboard('{Escape}')
    const question = await screen.findByRole('dialog', { name: '放弃这条备注？' })
    // Esc answers the question (keep typing), and the drawer stays with the note in it.
    await user.keyboard('{Escape}')
    await vi.waitFor(() => expect(screen.queryByRole('dialog', { name: '放弃这条备注？' })).not.toBeInTheDocument())
    expect(question).not.toBeInTheDocument()
    expect(screen.getByRole('dialog', { name: '工单详情' })).toBeInTheDocument()
    expect(within(drawer).getByRole('textbox', { name: '添加备注' })).toHaveValue('客户说下午再来电')
    // The close button asks too; "放弃备注" closes the ticket.
    await user.click(within(drawer).getByRole('button', { name: '关闭' }))
    await user.click(within(await screen.findByRole('dialog', { name: '放弃这条备注？' })).getByRole('button', { name: '放弃备注' }))
    await vi.waitFor(() => expect(useTicketsScreen.getState().openTicketId).toBeNull())
    await vi.waitFor(() => expect(screen.queryByRole('dialog', { name: '放弃这条备注？' })).not.toBeInTheDocument())
    // With nothing typed, Esc closes the ticket at once.
    await user.click(screen.getByRole('row', { name: `工单 ${numberOf(11)}（多收运费）` }))
    await screen.findByRole('dialog', { name: '工单详情' })
    await user.keyboard('{Escape}')
    await vi.waitFor(() => expect(useTicketsScreen.getState().openTicketId).toBeNull())
    expect(screen.queryByRole('dialog', { name: '放弃这条备注？' })).not.toBeInTheDocument()
  })
})
