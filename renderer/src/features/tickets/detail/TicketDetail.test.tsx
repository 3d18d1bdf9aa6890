import { act, fireEvent, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { installApi } from '../../../api/client'
import { fakeApi, ok } from '../../../testing/fakeApi'
import { renderWithProviders } from '../../../testing/render'
import { sampleDetails, ticketNoteAdded, ticketOpened, ticketStepDone } from '../../../testing/tickets'
import { chinaWallTime } from '../form/ticketDraft'
import { minutesAfterEntry, seatWith } from '../testSeat'
import { openTicket } from '../ticketsStore'
import { TicketDetailDrawer } from './TicketDetailDrawer'

const summary = { ticketId: 't-1', ticketNo: 'BJ01-20261123-0010', owner: 'A001', status: 'inProgress' as const, waitingOn: null }

async function showTicket(ticketId = 't-1') {
  openTicket(ticketId)
  renderWithProviders(<TicketDetailDrawer />)
  return screen.findByTestId('ticket-detail')
}

describe('ticket detail', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(minutesAfterEntry(10, 20))
  })
  afterEach(() => vi.useRealTimers())

  it("a non-owner sees the owner's actions disabled with the reason, and may still escalate and add a note", async () => {
    const ticketEscalate = vi.fn(async () => ok(summary))
    const ticketAddNote = vi.fn(async () => ok(summary))
    installApi(fakeApi({ ticketEscalate, ticketAddNote }))
    await seatWith([ticketOpened(10, { ticketId: 't-1' })], 'A002')
    const user = userEvent.setup()
    const detail = await showTicket()

    const status = within(detail).getByRole('group', { name: '状态' })
    for (const button of within(status).getAllByRole('button')) expect(button).toBeDisabled()
    expect(within(detail).getByRole('button', { name: '编辑内容' })).toBeDisabled()
    expect(within(detail).getByRole('button', { name: '安排回访' })).toBeDisabled()
    expect(within(detail).getByRole('button', { name: '转交' })).toBeDisabled()
    expect(await within(detail).findByRole('button', { name: '标记“回复客户”已完成' })).toBeDisabled()
    // Five minutes to answer, twenty gone.
    const answer = detail.querySelector<HTMLElement>('[data-clock="trackingInquiry.answer"]')!
    expect(answer).toHaveAttribute('data-due', 'overdue')
    expect(within(answer).getByText('已超时')).toBeInTheDocument()
    expect(within(detail).getByTestId('owner-only-reason')).toHaveTextContent('只有负责人 张伟（A001） 可以更改状态')

    await user.click(within(detail).getByRole('button', { name: '升级' }))
    const escalate = await screen.findByRole('dialog', { name: '升级工单' })
    await user.click(within(escalate).getByRole('radio', { name: '主管' }))
    await user.type(within(escalate).getByRole('textbox', { name: /升级原因/ }), '客户第三次来电催促')
    await user.click(within(escalate).getByRole('button', { name: '升级' }))
    await vi.waitFor(() => expect(ticketEscalate).toHaveBeenCalledWith({ ticketId: 't-1', to: 'supervisor', reason: '客户第三次来电催促' }))

    await user.type(within(detail).getByRole('textbox', { name: '添加备注' }), '已联系分公司查件')
    await user.click(within(detail).getByRole('button', { name: '添加备注' }))
    await vi.waitFor(() => expect(ticketAddNote).toHaveBeenCalledWith({ ticketId: 't-1', text: '已联系分公司查件' }))
  })

  it('an action dialog keeps what was typed from a stray Esc, closes alone, and sends once however often it is submitted', async () => {
    let answer!: () => void
    const answered = new Promise<void>((resolve) => (answer = resolve))
    const ticketEscalate = vi.fn(async () => {
      await answered
      return ok(summary)
    })
    installApi(fakeApi({ ticketEscalate }))
    await seatWith([ticketOpened(10, { ticketId: 't-1' })], 'A002')
    const user = userEvent.setup()
    const detail = await showTicket()

    // Untouched: Esc closes the dialog, and only the dialog.
    await user.click(within(detail).getByRole('button', { name: '升级' }))
    await screen.findByRole('dialog', { name: '升级工单' })
    await user.keyboard('{Escape}')
    await vi.waitFor(() => expect(screen.queryByRole('dialog', { name: '升级工单' })).not.toBeInTheDocument())
    expect(screen.getByTestId('ticket-detail')).toBeInTheDocument()

    // Typed in: Esc asks first; "cancel" goes back to the text.
    await user.click(within(detail).getByRole('button', { name: '升级' }))
    let escalate = await screen.findByRole('dialog', { name: '升级工单' })
    await user.type(within(escalate).getByRole('textbox', { name: /升级原因/ }), '客户第三次来电催促')
    await user.keyboard('{Escape}')
    const ask = await screen.findByRole('dialog', { name: '放弃已填写的内容？' })
    await user.click(within(ask).getByRole('button', { name: '取消' }))
    escalate = screen.getByRole('dialog', { name: '升级工单' })
    expect(within(escalate).getByRole('textbox', { name: /升级原因/ })).toHaveValue('客户第三次来电催促')
    expect(screen.getByTestId('ticket-detail')).toBeInTheDocument()

    // Submitted twice before main answers (Enter pressed again): one escalation.
    await user.click(within(escalate).getByRole('radio', { name: '主管' }))
    const form = within(escalate).getByRole('button', { name: '升级' }).closest('form')!
    fireEvent.submit(form)
    fireEvent.submit(form)
    await vi.waitFor(() => expect(ticketEscalate).toHaveBeenCalledTimes(1))
    fireEvent.submit(form)
    await act(async () => answer())
    await vi.waitFor(() => expect(screen.queryByRole('dialog', { name: '升级工单' })).not.toBeInTheDocument())
    expect(ticketEscalate).toHaveBeenCalledTimes(1)
    expect(screen.getByTestId('ticket-detail')).toBeInTheDocument()
  })

  it("the owner's status moves are enabled; a resolve main refuses names the fields still missing", async () => {
    const ticketSetStatus = vi.fn(async () => ({
      ok: false as const,
      error: { code: 'resolutionIncomplete' as const, issues: [{ path: 'goodsCheck', code: 'requiredToResolve', message: 'requiredToResolve' }] },
    }))
    installApi(fakeApi({ ticketSetStatus }))
    await seatWith([ticketOpened(10, { ticketId: 't-1' })], 'A001')
    const user = userEvent.setup()
    const detail = await showTicket()
    expect(within(detail).queryByTestId('owner-only-reason')).not.toBeInTheDocument()
    const status = within(detail).getByRole('group', { name: '状态' })
    expect(within(status).getAllByRole('button').map((button) => button.textContent)).toEqual(['转为“处理中”', '转为“等待中”', '转为“已解决”'])

    await user.click(within(status).getByRole('button', { name: '转为“已解决”' }))
    const dialog = await screen.findByRole('dialog', { name: '转为“已解决”' })
    await user.click(within(dialog).getByRole('button', { name: '转为“已解决”' }))
    expect(await within(dialog).findByTestId('resolution-gaps')).toHaveTextContent('点货结果：')
    expect(ticketSetStatus).toHaveBeenCalledWith({ ticketId: 't-1', to: 'resolved', waitingOn: null, note: '' })
  })

  it('waiting needs who it waits on before anything is sent', async () => {
    const ticketSetStatus = vi.fn(async () => ok({ ...summary, status: 'waiting' as const, waitingOn: 'branch' as const }))
    installApi(fakeApi({ ticketSetStatus }))
    await seatWith([ticketOpened(10, { ticketId: 't-1' })], 'A001')
    const user = userEvent.setup()
    const detail = await showTicket()
    await user.click(within(detail).getByRole('button', { name: '转为“等待中”' }))
    const dialog = await screen.findByRole('dialog', { name: '转为“等待中”' })
    await user.click(within(dialog).getByRole('button', { name: '转为“等待中”' }))
    expect(await within(dialog).findByText('请选择等待哪一方')).toBeInTheDocument()
    expect(ticketSetStatus).not.toHaveBeenCalled()
    await user.click(within(dialog).getByRole('radio', { name: '等待分公司' }))
    await user.click(within(dialog).getByRole('button', { name: '转为“等待中”' }))
    await vi.waitFor(() => expect(ticketSetStatus).toHaveBeenCalledWith({ ticketId: 't-1', to: 'waiting', waitingOn: 'branch', note: '' }))
  })

  it('every clock that runs for the ticket, a step marked done as done', async () => {
    installApi(fakeApi())
    // A complaint written up as a written claim runs five clocks from opening or the incident.
    const details = sampleDetails('complaint', { writtenClaim: true })
    await seatWith([ticketOpened(10, { ticketId: 't-1', details }), ticketStepDone(11, { ticketId: 't-1', clockId: 'complaint.apologyLetter' })], 'A001')
    const detail = await showTicket()
    const clocks = await within(detail).findByRole('table', { name: '处理时限' })
    const row = (id: string) => clocks.querySelector<HTMLElement>(`[data-clock="${id}"]`)!
    expect(row('complaint.apologyLetter')).toHaveAttribute('data-due', 'met')
    expect(within(row('complaint.apologyLetter')).getByText('已完成')).toBeInTheDocument()
    expect(row('complaint.preliminaryInvestigation')).toHaveAttribute('data-due', 'running')
    // The written-claim clocks run; the major-incident and beyond-authority ones do not.
    expect(row('complaint.negotiationLetter')).not.toBeNull()
    expect(row('complaint.majorIncidentReport')).toBeNull()
  })

  it('a clock that runs into a year the calendar lacks says so instead of a date', async () => {
    installApi(fakeApi())
    vi.setSystemTime(new Date('2026-12-31T03:00:00.000Z'))
    // Opened on 31 December: one working day later is in 2027, which chinese-days does not cover.
    const details = sampleDetails('complaint', { incidentAt: null })
    await seatWith([ticketOpened(10, { ticketId: 't-1', details }, { ts: '2026-12-31T02:00:00.000Z' })], 'A001')
    const detail = await showTicket()
    const clocks = await within(detail).findByRole('table', { name: '处理时限' })
    const preliminary = clocks.querySelector<HTMLElement>('[data-clock="complaint.preliminaryInvestigation"]')!
    expect(preliminary).toHaveTextContent('工作日历未包含 2027 年')
    expect(within(detail).getByText(/工作日历还没有 2027 年的节假日安排/)).toBeInTheDocument()
    // Clocks from the incident cannot start without its time.
    expect(clocks.querySelector('[data-clock="complaint.customerPaid"]')).toHaveTextContent('请先填写事发时间')
  })

  it('the timeline says who did what and when; the caller phone is masked', async () => {
    installApi(fakeApi())
    await seatWith([ticketOpened(10, { ticketId: 't-1' }), ticketNoteAdded(11, { ticketId: 't-1', text: '客户说明天再来电' }, { actor: 'A002' })], 'A001')
    const detail = await showTicket()
    const timeline = within(detail).getByRole('region', { name: '处理记录' })
    expect(await within(timeline).findByText('客户说明天再来电')).toBeInTheDocument()
    expect(within(timeline).getByText(/李娜（A002） ·/)).toBeInTheDocument()
    expect(within(timeline).getByText(/张伟（A001） ·/)).toBeInTheDocument()
    expect(within(detail).getAllByTestId('phone')[0]).toHaveTextContent('138****5678')
  })

  it("the caller's phone is revealed through main, journaled as seen on this ticket", async () => {
    const customerRevealPhone = vi.fn(async () => ok({ phone: '+8613812345678' }))
    installApi(fakeApi({ customerRevealPhone }))
    await seatWith([ticketOpened(10, { ticketId: 't-1' })], 'A002')
    const user = userEvent.setup()
    const detail = await showTicket()
    const caller = detail.querySelector<HTMLElement>('[data-field="callerPhone"]')!
    expect(caller).toHaveTextContent('138****5678')
    await user.click(within(caller).getByRole('button', { name: /显示完整号码/ }))
    expect(customerRevealPhone).toHaveBeenCalledWith({ phone: '+8613812345678', context: 'ticket', ticketId: 't-1' })
    expect(await within(caller).findByText('+8613812345678')).toBeInTheDocument()
  })

  it('the owner schedules a callback at a time still ahead; a time already gone is refused before sending', async () => {
    const ticketScheduleCallback = vi.fn(async () => ok({ callbackId: 'c-1' }))
    installApi(fakeApi({ ticketScheduleCallback }))
    await seatWith([ticketOpened(10, { ticketId: 't-1' })], 'A001')
    const user = userEvent.setup()
    const detail = await showTicket()
    await user.click(within(detail).getByRole('button', { name: '安排回访' }))
    const dialog = await screen.findByRole('dialog', { name: '安排回访' })
    const when = within(dialog).getByLabelText(/回访时间/)
    // Typed on the China clock, whatever zone this machine is in.
    const china = (date: Date) => chinaWallTime(date.toISOString())
    await user.type(when, china(minutesAfterEntry(10, 0)))
    await user.click(within(dialog).getByRole('button', { name: '安排回访' }))
    expect(await within(dialog).findByText('回访时间须晚于现在')).toBeInTheDocument()
    expect(ticketScheduleCallback).not.toHaveBeenCalled()
    await user.clear(when)
    await user.type(when, china(minutesAfterEntry(10, 60)))
    await user.click(within(dialog).getByRole('button', { name: '安排回访' }))
    await vi.waitFor(() => expect(ticketScheduleCallback).toHaveBeenCalledTimes(1))
    const [request] = ticketScheduleCallback.mock.calls[0] as unknown as [{ dueAt: string }]
    expect(request).toEqual({ ticketId: 't-1', dueAt: expect.stringMatching(/\+08:00$/), note: '' })
    expect(Date.parse(request.dueAt)).toBe(minutesAfterEntry(10, 60).getTime())
  })
})
