import { notifications } from '@mantine/notifications'
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { installApi } from '../../api/client'
import { useAppStore } from '../../app/appStore'
import { db } from '../../db/schema'
import { callView, fakeCallService, projectSeedScripts } from '../../testing/calls'
import { fakeApi, testSeat, testSession } from '../../testing/fakeApi'
import { renderWithProviders } from '../../testing/render'
import CallPage from './CallPage'
import { useCallStore } from './callStore'
import { scriptVariables } from '../../../../shared/domain/scriptTemplate'
import { ticketDetailsSchema } from '../../../../shared/domain/tickets/kinds'
import { ticketSearchKeys } from '../../../../shared/domain/tickets/searchKeys'
import type { TicketRow, UserRow } from '../../db/schema'
import { ok } from '../../testing/fakeApi'
import { sampleDetails } from '../../testing/tickets'

const secondsAgo = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString()

/** Holds main's answers on `channel` until released: a slow save while the agent keeps pressing keys. */
function holdChannel(service: ReturnType<typeof fakeCallService>, channel: 'callMark' | 'callHangUp') {
  let release!: () => void
  let asked = 0
  const released = new Promise<void>((resolve) => (release = resolve))
  const original = service.api[channel] as (request: never) => Promise<unknown>
  ;(service.api as Record<string, unknown>)[channel] = async (request: never) => {
    asked += 1
    await released
    return original(request)
  }
  return { release, asked: () => asked }
}

/** Alt+T on the call, kind 1 (查货) by keyboard, a waybill typed: a ticket half-done over the call. */
async function typeTrackingTicket(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  await user.keyboard('{Alt>}t{/Alt}')
  const dialog = await screen.findByRole('dialog', { name: '新建工单' })
  await waitFor(() => expect(within(dialog).getByRole('combobox', { name: /^工单类型/ })).toHaveFocus())
  await user.keyboard('1{Enter}')
  await user.type(within(dialog).getByLabelText(/^运单号/), 'SF1234567890')
  return dialog
}

function start(service: ReturnType<typeof fakeCallService>) {
  installApi(fakeApi(service.api))
  const user = userEvent.setup()
  renderWithProviders(<CallPage />)
  return user
}

describe('the call screen', () => {
  beforeEach(async () => {
    useAppStore.setState({ seat: testSeat, session: testSession({ user: { employeeNo: 'A007', name: '李座席', role: 'agent' } }) })
    useCallStore.setState({ settings: null, view: undefined })
    await projectSeedScripts(db)
  })

  it('comes back after a reload with the open call and its timer running from the stored answer time', async () => {
    // The screen's clock stands still: the figures below do not depend on how long rendering takes.
    vi.useFakeTimers({ toFake: ['Date'] })
    onTestFinished(() => {
      vi.useRealTimers()
    })
    const service = fakeCallService({ open: callView({ answeredAt: secondsAgo(160), customerName: '王先生', notes: '查件' }) })
    start(service)

    const timer = await screen.findByRole('timer', { name: '处理时长' })
    expect(timer).toHaveAttribute('data-phase', 'warning')
    expect(within(timer).getByTestId('call-elapsed')).toHaveTextContent('2:40')
    expect(within(timer).getByTestId('call-remaining')).toHaveTextContent('0:20')
    expect(screen.getByTestId('call-state')).toHaveTextContent('通话中')
    expect(screen.getByLabelText('客户姓名')).toHaveValue('王先生')
    expect(screen.getByLabelText('备注（业务簿）')).toHaveValue('查件')
    // The greeting is filled from the seat and the signed-in agent.
    expect(await screen.findByText('您好，佳途物流！我是客服李座席，工号A007，很高兴为您服务！')).toBeInTheDocument()
  })

  it('takes a whole call by hotkeys alone, also while typing in a field', async () => {
    const service = fakeCallService()
    const user = start(service)
    const answer = await screen.findByRole('button', { name: '接听' })
    expect(answer).toHaveAttribute('aria-keyshortcuts', 'F2')
    await waitFor(() => expect(answer).toHaveFocus())

    await user.keyboard('{F2}')
    expect(await screen.findByRole('timer')).toHaveAttribute('data-phase', 'calm')
    expect(await screen.findByText(/我是客服李座席/)).toBeInTheDocument()

    await user.click(screen.getByLabelText('来电号码'))
    await user.keyboard('13812345678{F3}')
    await waitFor(() => expect(service.current()?.greetingSaidAt).not.toBeNull())
    expect(await screen.findByRole('button', { name: '问候语 ✓' })).toBeDisabled()

    await user.keyboard('{F4}')
    expect(await screen.findByText('整理中')).toBeInTheDocument()
    expect(await screen.findByText('打扰您了，祝您生活愉快，再见！')).toBeInTheDocument()
    // Hang-up saved the number typed before it, as E.164.
    expect(service.current()?.callerNumber).toEqual({ kind: 'mobile', stored: '+8613812345678' })

    await user.keyboard('{F6}')
    await waitFor(() => expect(service.current()?.closingSaidAt).not.toBeNull())
    await user.keyboard('{F8}')
    expect(await screen.findByText(/通话已记录，处理时长 0:0\d。/)).toBeInTheDocument()
    expect(await screen.findByRole('button', { name: '接听' })).toBeInTheDocument()
    expect(service.channels().filter((channel) => channel !== 'callScriptShown' && channel !== 'callUpdate')).toEqual([
      'callCurrent',
      'callAnswer',
      'callMark',
      'callHangUp',
      'callMark',
      'callComplete',
    ])
    expect(service.log.find((entry) => entry.channel === 'callComplete')?.request).toEqual({ overTargetReason: null })
    // Each script shown once for the call, by version.
    expect(service.log.filter((entry) => entry.channel === 'callScriptShown').map((entry) => entry.request)).toEqual([
      { script: { scriptId: 'greeting.standard', version: 1 } },
      { script: { scriptId: 'closing.standard', version: 1 } },
    ])
  })

  it('asks for the waybill number before showing a scenario script that needs it', async () => {
    const service = fakeCallService({ open: callView({ answeredAt: secondsAgo(20) }) })
    const user = start(service)
    expect(await screen.findByRole('button', { name: '回访：显示签收但未收到' })).toHaveAttribute('aria-keyshortcuts', 'Alt+2')

    await user.keyboard('{Alt>}2{/Alt}')
    const waybill = await screen.findByLabelText('运单号')
    expect(screen.queryByText(/落实运单/)).not.toBeInTheDocument()
    expect(screen.queryByText(/\{waybillNo\}/)).not.toBeInTheDocument()
    expect(service.log.some((entry) => JSON.stringify(entry.request).includes('tracking-not-received'))).toBe(false)

    await user.type(waybill, 'SD20261123{Enter}')
    expect(
      await screen.findByText('不好意思，我现在帮您落实运单SD20261123的货物到站情况，落实完之后会以短信形式回复您，打扰您了，祝您生活愉快，再见！'),
    ).toBeInTheDocument()
    await waitFor(() =>
      expect(service.log).toContainEqual({ channel: 'callScriptShown', request: { script: { scriptId: 'scenario.tracking-not-received', version: 1 } } }),
    )
  })

  it('keeps a wrong caller number on screen with its reason and never sends it', async () => {
    const service = fakeCallService({ open: callView({ answeredAt: secondsAgo(20) }) })
    const user = start(service)
    await user.type(await screen.findByLabelText('来电号码'), '88889999')
    await user.type(screen.getByLabelText('客户姓名'), '王先生')
    expect(screen.getByText('固话请加区号（如 010），未保存此号码；通话照常记录。')).toBeInTheDocument()
    await user.tab()
    await waitFor(() => expect(service.current()?.customerName).toBe('王先生'))
    expect(service.log.filter((entry) => entry.channel === 'callUpdate').map((entry) => entry.request)).toContainEqual({
      callerNumber: null,
      customerName: '王先生',
      notes: '',
    })
  })

  it('saves the notes once the agent pauses, still in the field, and not at every key', async () => {
    const service = fakeCallService({ open: callView({ answeredAt: secondsAgo(20) }) })
    const user = start(service)
    const notes = await screen.findByLabelText('备注（业务簿）')
    await user.type(notes, '客户要求18点前回电')
    const updates = () => service.log.filter((entry) => entry.channel === 'callUpdate').map((entry) => entry.request)
    expect(updates()).toEqual([])
    await waitFor(() => expect(updates()).toEqual([{ callerNumber: null, customerName: null, notes: '客户要求18点前回电' }]), { timeout: 4000 })
    expect(notes).toHaveFocus()
  })

  it('says to hang up first when F8 is pressed while still talking, and completes nothing', async () => {
    act(() => notifications.clean())
    const service = fakeCallService({ open: callView({ answeredAt: secondsAgo(20) }) })
    const user = start(service)
    await screen.findByTestId('call-state')
    await user.keyboard('{F8}')
    expect(await screen.findByText('还在通话中：先挂机（F4），再整理完成（F8）。')).toBeInTheDocument()
    expect(service.channels()).not.toContain('callComplete')
    expect(screen.getByTestId('call-state')).toHaveTextContent('通话中')
  })

  it('keeps a caller number main refused on screen through a reload, with its reason', async () => {
    const service = fakeCallService({ open: callView({ answeredAt: secondsAgo(20), customerName: '王先生' }) })
    installApi(fakeApi(service.api))
    const user = userEvent.setup()
    const before = renderWithProviders(<CallPage />)
    await user.type(await screen.findByLabelText('来电号码'), '1391234567')
    await user.type(screen.getByLabelText('备注（业务簿）'), '少一位')
    before.unmount()
    // The reload: a new screen that asks main for the open call again.
    useCallStore.setState({ view: undefined })
    renderWithProviders(<CallPage />)
    expect(await screen.findByLabelText('来电号码')).toHaveValue('1391234567')
    expect(screen.getByText(/号码无效/)).toBeInTheDocument()
    expect(screen.getByLabelText('客户姓名')).toHaveValue('王先生')
    expect(screen.getByLabelText('备注（业务簿）')).toHaveValue('少一位')
    // Main kept its number, and got the notes.
    await waitFor(() => expect(service.current()?.notes).toBe('少一位'))
    expect(service.current()?.callerNumber).toBeNull()
  })

  it('saves what was typed when the agent leaves the call screen before the pause is over', async () => {
    const service = fakeCallService({ open: callView({ answeredAt: secondsAgo(20) }) })
    installApi(fakeApi(service.api))
    const user = userEvent.setup()
    const screenView = renderWithProviders(<CallPage />)
    await user.type(await screen.findByLabelText('备注（业务簿）'), '改约明天')
    screenView.unmount()
    await waitFor(() => expect(service.current()?.notes).toBe('改约明天'))
  })

  it('offers the supervisor’s over-target reasons at wrap-up past the target and sends the one picked', async () => {
    const service = fakeCallService({ open: callView({ state: 'wrapUp', answeredAt: secondsAgo(200), hungUpAt: secondsAgo(5) }) })
    const user = start(service)
    expect((await screen.findByRole('timer')).getAttribute('data-phase')).toBe('overtime')
    await user.click(screen.getByRole('combobox', { name: '超时原因' }))
    await user.click(await screen.findByRole('option', { name: '系统缓慢', hidden: true }))
    await user.keyboard('{F8}')
    expect(await screen.findByText(/通话已记录，处理时长 3:2\d（超过目标）。/)).toBeInTheDocument()
    expect(service.log.find((entry) => entry.channel === 'callComplete')?.request).toEqual({ overTargetReason: 'system-slow' })
  })

  it('runs keys pressed while the previous step is saving, in order, and drops none (F6 then F8 in wrap-up)', async () => {
    const service = fakeCallService({ open: callView({ state: 'wrapUp', answeredAt: secondsAgo(60), hungUpAt: secondsAgo(5) }) })
    const held = holdChannel(service, 'callMark')
    const user = start(service)
    await screen.findByRole('timer')
    await user.keyboard('{F6}')
    await waitFor(() => expect(held.asked()).toBe(1))
    await user.keyboard('{F8}')
    expect(service.channels()).not.toContain('callComplete')
    held.release()
    expect(await screen.findByText(/通话已记录，处理时长 1:0\d。/)).toBeInTheDocument()
    expect(service.channels().filter((channel) => channel === 'callMark' || channel === 'callComplete')).toEqual(['callMark', 'callComplete'])
    expect(service.log.find((entry) => entry.channel === 'callComplete')).toBeDefined()
    expect(service.current()).toBeNull()
  })

  it('says so when a queued step no longer fits the call when its turn comes', async () => {
    const service = fakeCallService({ open: callView({ answeredAt: secondsAgo(20) }) })
    const held = holdChannel(service, 'callHangUp')
    const user = start(service)
    await screen.findByRole('timer')
    await user.keyboard('{F4}')
    await waitFor(() => expect(held.asked()).toBe(1))
    await user.keyboard('{F4}')
    held.release()
    expect(await screen.findByText('“挂机”未执行：轮到这一步时，通话已不在可以执行它的状态。')).toBeInTheDocument()
    expect(service.channels().filter((channel) => channel === 'callHangUp')).toHaveLength(1)
  })

  it('shows the closing while talking, so it can be marked said before hanging up', async () => {
    const service = fakeCallService({ open: callView({ answeredAt: secondsAgo(20) }) })
    const user = start(service)
    expect(await screen.findByText('打扰您了，祝您生活愉快，再见！')).toBeInTheDocument()
    expect(screen.getByTestId('call-state')).toHaveTextContent('通话中')
    await user.keyboard('{F6}')
    await waitFor(() => expect(service.current()?.closingSaidAt).not.toBeNull())
    expect(service.current()?.state).toBe('talking')
    await user.keyboard('{F4}')
    expect(await screen.findByText('整理中')).toBeInTheDocument()
    expect(screen.getByText('打扰您了，祝您生活愉快，再见！')).toBeInTheDocument()
  })

  it('checks an amount before it is spoken, and keeps a valid one as typed', async () => {
    expect(scriptVariables).toContain('amount')
    const service = fakeCallService({ open: callView({ answeredAt: secondsAgo(20) }) })
    const user = start(service)
    expect(await screen.findByRole('button', { name: '多收运费致歉' })).toHaveAttribute('aria-keyshortcuts', 'Alt+5')
    await user.keyboard('{Alt>}5{/Alt}')
    const amount = await screen.findByLabelText(/金额/)
    await waitFor(() => expect(amount).toHaveFocus())
    await user.type(amount, 'abc{Enter}')
    expect(await screen.findByText('请输入大于 0 的金额，最多两位小数（如 12 或 12.50）')).toBeInTheDocument()
    expect(screen.queryByText(/多收了您abc元/)).not.toBeInTheDocument()
    await user.clear(amount)
    await user.type(amount, '12.50{Enter}')
    expect(await screen.findByText(/非常抱歉多收了您12\.50元运费/)).toBeInTheDocument()
  })

  it('upper-cases a waybill number and refuses a malformed one', async () => {
    const service = fakeCallService({ open: callView({ answeredAt: secondsAgo(20) }) })
    const user = start(service)
    await screen.findByRole('button', { name: '回访：显示签收但未收到' })
    await user.keyboard('{Alt>}2{/Alt}')
    const waybill = await screen.findByLabelText('运单号')
    await waitFor(() => expect(waybill).toHaveFocus())
    await user.type(waybill, 'sd-1{Enter}')
    expect(await screen.findByText('运单号为 6–30 位字母或数字')).toBeInTheDocument()
    await user.clear(waybill)
    await user.type(waybill, 'sd20261123{Enter}')
    expect(await screen.findByText(/落实运单SD20261123的货物/)).toBeInTheDocument()
  })

  it('moves the focus to the caller number on answer', async () => {
    const service = fakeCallService()
    const user = start(service)
    await waitFor(() => expect(screen.getByRole('button', { name: '接听' })).toHaveFocus())
    await user.keyboard('{F2}')
    await waitFor(() => expect(screen.getByLabelText('来电号码')).toHaveFocus())
  })

  it('keeps each scenario on its key when an earlier one is retired', async () => {
    await db.scripts.update('scenario.tracking-received', { retired: 1 })
    const service = fakeCallService({ open: callView({ answeredAt: secondsAgo(20) }) })
    const user = start(service)
    expect(await screen.findByRole('button', { name: '回访：显示签收但未收到' })).toHaveAttribute('aria-keyshortcuts', 'Alt+2')
    expect(screen.getByRole('button', { name: '多收运费致歉' })).toHaveAttribute('aria-keyshortcuts', 'Alt+5')
    expect(screen.queryByRole('button', { name: '回访：已签收且已收到' })).not.toBeInTheDocument()
    // Alt+1 belonged to the retired script: it opens nothing else.
    await user.keyboard('{Alt>}1{/Alt}')
    expect(screen.queryByTestId(/^script-text-scenario\./)).not.toBeInTheDocument()
    await user.keyboard('{Alt>}4{/Alt}')
    expect(await screen.findByTestId('script-text-scenario.apology')).toBeInTheDocument()
  })
})

const agent = (employeeNo: string, name: string): UserRow => ({ employeeNo, name, role: 'agent', active: 1, addedAt: '2026-11-01T00:00:00.000Z', lockedUntil: null, pinResetAt: null })

/** A projected ticket as TicketRow describes it: a tracking inquiry from 138 1234 5678 unless told otherwise. */
function ticketRow(overrides: Partial<TicketRow> & Pick<TicketRow, 'ticketId' | 'ticketNo' | 'owner'>): TicketRow {
  const details = ticketDetailsSchema.parse(sampleDetails('trackingInquiry'))
  return {
    kind: details.kind,
    openedBy: overrides.owner,
    openedAt: '2026-11-20T02:00:00.000Z',
    openedSeq: 10,
    updatedAt: '2026-11-20T02:00:00.000Z',
    status: 'open',
    waitingOn: null,
    open: 1,
    details,
    ...ticketSearchKeys(overrides.ticketNo, details),
    callIds: ['call-earlier'],
    statusHistory: [],
    stepsDone: [],
    escalations: [],
    pendingTransferId: null,
    nextDueAt: null,
    nextDueWhat: null,
    dueProblem: null,
    pausedNow: false,
    ...overrides,
  }
}

describe('the call screen: tickets', () => {
  beforeEach(async () => {
    useAppStore.setState({ seat: testSeat, session: testSession({ user: { employeeNo: 'A007', name: '李座席', role: 'agent' } }) })
    useCallStore.setState({ settings: null, view: undefined })
    await projectSeedScripts(db)
    await db.users.bulkPut([agent('A001', '张伟'), agent('A007', '李座席')])
  })

  it('shows a repeat caller’s open tickets with kind, status and owner as soon as the number is known', async () => {
    await db.tickets.bulkPut([
      ticketRow({ ticketId: 't-1', ticketNo: 'BJ01-20261120-0001', owner: 'A001', status: 'waiting', waitingOn: 'branch' }),
      // Finished tickets are not the caller's open business.
      ticketRow({ ticketId: 't-2', ticketNo: 'BJ01-20261119-0004', owner: 'A001', status: 'closed', open: 0 }),
      // Another caller's ticket about the waybill this caller reads out.
      ticketRow({
        ticketId: 't-3',
        ticketNo: 'BJ01-20261118-0002',
        owner: 'A007',
        kind: 'damageShortage',
        details: ticketDetailsSchema.parse(sampleDetails('damageShortage')),
        callerPhone: '+8613900001111',
        phoneLast4: '1111',
        waybillNos: ['SF1234567893'],
      }),
    ])
    const service = fakeCallService({ open: callView({ answeredAt: secondsAgo(20) }) })
    const user = start(service)
    await user.type(await screen.findByLabelText('来电号码'), '138 1234 5678')

    const alert = await screen.findByTestId('repeat-caller')
    expect(alert).toHaveTextContent('该客户还有 1 张未结工单')
    const row = within(alert).getByTestId('ticket-row-BJ01-20261120-0001')
    expect(row).toHaveTextContent('查货')
    // Worded as on the tickets screen, with whom it waits on.
    expect(row).toHaveTextContent('等待分公司')
    await waitFor(() => expect(row).toHaveTextContent('张伟（A001）'))
    expect(row).toHaveTextContent('同一号码')
    expect(within(alert).queryByText('BJ01-20261119-0004')).not.toBeInTheDocument()
    // Not the agent's own: no edit here, the ticket number opens it for a note.
    expect(within(row).queryByRole('button', { name: /编辑/ })).not.toBeInTheDocument()

    await user.type(screen.getByLabelText('按运单号查未结工单'), 'sf1234567893')
    expect(await within(screen.getByTestId('repeat-caller')).findByTestId('ticket-row-BJ01-20261118-0002')).toHaveTextContent('李座席（A007）（我）')
    expect(screen.getByTestId('repeat-caller')).toHaveTextContent('该客户还有 2 张未结工单')
  })

  it('opens a new ticket with Alt+T, prefilled with the caller’s number and name, and lists the call’s tickets', async () => {
    const ticketOpen = vi.fn(async () => ok({ ticketId: 't-9', ticketNo: 'BJ01-20261125-0001', owner: 'A007', status: 'open' as const, waitingOn: null }))
    const service = fakeCallService({
      open: callView({ answeredAt: secondsAgo(20), callerNumber: { kind: 'mobile', stored: '+8613812345678' }, customerName: '王先生' }),
    })
    installApi(fakeApi({ ...service.api, ticketOpen }))
    const user = userEvent.setup()
    renderWithProviders(<CallPage />)
    expect(await screen.findByRole('button', { name: /新建工单/ })).toHaveAttribute('aria-keyshortcuts', 'Alt+T')
    expect(screen.getByText('本次通话还没有工单。')).toBeInTheDocument()

    await user.keyboard('{Alt>}t{/Alt}')
    const dialog = await screen.findByRole('dialog', { name: '新建工单' })
    expect(within(dialog).getByLabelText('来电号码')).toHaveValue('138 1234 5678')
    expect(within(dialog).getByLabelText('客户姓名')).toHaveValue('王先生')
    await waitFor(() => expect(within(dialog).getByRole('combobox', { name: /^工单类型/ })).toHaveFocus())
    await user.keyboard('1{Enter}')
    await user.type(within(dialog).getByLabelText(/^运单号/), 'SF1234567890')
    await user.keyboard('{Control>}{Enter}{/Control}')
    await waitFor(() => expect(ticketOpen).toHaveBeenCalledTimes(1))
    expect(ticketOpen.mock.calls[0]).toEqual([
      { details: { kind: 'trackingInquiry', callerPhone: '+8613812345678', customerName: '王先生', callerRole: null, waybillNo: 'SF1234567890', goodsCheck: null, note: '' } },
    ])
    expect(await screen.findByText('工单 BJ01-20261125-0001 已创建。')).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '新建工单' })).not.toBeInTheDocument())

    // The projection adds the ticket with this call's id: the call lists it, the agent may edit it.
    await db.tickets.put(ticketRow({ ticketId: 't-9', ticketNo: 'BJ01-20261125-0001', owner: 'A007', callIds: ['call-1'] }))
    const mine = await screen.findByTestId('ticket-row-BJ01-20261125-0001')
    await waitFor(() => expect(mine).toHaveTextContent('李座席（A007）（我）'))
    // The status in the tickets screen's words: a new ticket reads 新建 here too.
    expect(mine).toHaveTextContent('新建')
    // Part of this call: listed once, not as a repeat caller's other ticket.
    expect(screen.queryByTestId('repeat-caller')).not.toBeInTheDocument()
    await user.click(within(mine).getByRole('button', { name: '编辑 BJ01-20261125-0001' }))
    expect(await screen.findByRole('dialog', { name: '编辑工单 BJ01-20261125-0001' })).toBeInTheDocument()
  })

  it('a new ticket being typed on the call is there again after a reload, and saving it lets it go', async () => {
    const ticketOpen = vi.fn(async () => ok({ ticketId: 't-9', ticketNo: 'BJ01-20261125-0001', owner: 'A007', status: 'open' as const, waitingOn: null }))
    const service = fakeCallService({ open: callView({ answeredAt: secondsAgo(20), customerName: '王先生' }) })
    installApi(fakeApi({ ...service.api, ticketOpen }))
    const user = userEvent.setup()
    const before = renderWithProviders(<CallPage />)
    await screen.findByRole('button', { name: /新建工单/ })
    await typeTrackingTicket(user)
    before.unmount()
    // The reload: a new screen that asks main for the open call again.
    useCallStore.setState({ view: undefined })
    renderWithProviders(<CallPage />)
    const dialog = await screen.findByRole('dialog', { name: '新建工单' })
    expect(within(dialog).getByLabelText(/^运单号/)).toHaveValue('SF1234567890')
    expect(within(dialog).getByLabelText('客户姓名')).toHaveValue('王先生')
    // Still unsaved work: Esc asks before dropping it.
    await user.click(within(dialog).getByLabelText(/^运单号/))
    await user.keyboard('{Escape}')
    await user.click(within(await screen.findByRole('dialog', { name: '放弃这张工单？' })).getByRole('button', { name: '取消' }))
    await user.click(within(dialog).getByLabelText(/^运单号/))
    await user.keyboard('{Control>}{Enter}{/Control}')
    await waitFor(() => expect(ticketOpen).toHaveBeenCalledTimes(1))
    expect(ticketOpen.mock.calls[0]).toEqual([
      { details: { kind: 'trackingInquiry', callerPhone: null, customerName: '王先生', callerRole: null, waybillNo: 'SF1234567890', goodsCheck: null, note: '' } },
    ])
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '新建工单' })).not.toBeInTheDocument())
    expect(window.sessionStorage.getItem('seatdesk.newTicketDraft')).toBeNull()
  })

  it('another agent signing in finds nothing of the last one’s call: not the call, its details or a half-typed ticket', async () => {
    const service = fakeCallService({ open: callView({ answeredAt: secondsAgo(20), customerName: '王先生' }) })
    const user = start(service)
    await screen.findByRole('button', { name: /新建工单/ })
    await user.type(screen.getByLabelText('备注（业务簿）'), '客户地址有变')
    await typeTrackingTicket(user)
    expect(window.sessionStorage.getItem('seatdesk.newTicketDraft')).toContain('SF1234567890')

    act(() => useAppStore.setState({ session: testSession({ sessionId: 's-B', user: { employeeNo: 'A002', name: '李娜', role: 'agent' } }) }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '新建工单' })).not.toBeInTheDocument())
    expect(screen.queryByDisplayValue('客户地址有变')).not.toBeInTheDocument()
    expect(useCallStore.getState().view).toBeUndefined()
    expect(window.sessionStorage.getItem('seatdesk.newTicketDraft')).toBeNull()
    expect(window.sessionStorage.getItem('seatdesk.callDraft')).toBeNull()
  })

  const finishTicketFirst = '工单还开着：请先保存或取消工单（或关闭工单详情），再点“整理完成”。'

  it('will not complete the call while a ticket is being typed: F8 says so and the ticket stays', async () => {
    act(() => notifications.clean())
    const ticketOpen = vi.fn(async () => ok({ ticketId: 't-9', ticketNo: 'BJ01-20261125-0001', owner: 'A007', status: 'open' as const, waitingOn: null }))
    const service = fakeCallService({ open: callView({ state: 'wrapUp', answeredAt: secondsAgo(60), hungUpAt: secondsAgo(5) }) })
    installApi(fakeApi({ ...service.api, ticketOpen }))
    const user = userEvent.setup()
    renderWithProviders(<CallPage />)
    await screen.findByRole('timer')

    const dialog = await typeTrackingTicket(user)
    await user.keyboard('{F8}')
    expect(await screen.findByText(finishTicketFirst)).toBeInTheDocument()
    expect(screen.getByRole('dialog', { name: '新建工单' })).toBeInTheDocument()
    expect(within(dialog).getByLabelText(/^运单号/)).toHaveValue('SF1234567890')
    // A scenario key would open a script whose field takes the focus from the ticket: it waits.
    await user.keyboard('{Alt>}2{/Alt}')
    expect(screen.queryByTestId(/^script-text-scenario\./)).not.toBeInTheDocument()
    expect(within(dialog).getByLabelText(/^运单号/)).toHaveFocus()
    expect(service.channels()).not.toContain('callComplete')

    // Saved, the ticket is done: F8 completes the call.
    await user.keyboard('{Control>}{Enter}{/Control}')
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '新建工单' })).not.toBeInTheDocument())
    await user.keyboard('{F8}')
    expect(await screen.findByText(/通话已记录，处理时长 \d+:\d\d。/)).toBeInTheDocument()
    expect(ticketOpen).toHaveBeenCalledTimes(1)
  })

  it('will not complete the call while one of its tickets is open in the drawer', async () => {
    // The same words from the test before would still be on screen.
    act(() => notifications.clean())
    const service = fakeCallService({ open: callView({ state: 'wrapUp', answeredAt: secondsAgo(60), hungUpAt: secondsAgo(5) }) })
    installApi(fakeApi(service.api))
    await db.tickets.put(ticketRow({ ticketId: 't-1', ticketNo: 'BJ01-20261125-0002', owner: 'A007', callIds: ['call-1'] }))
    const user = userEvent.setup()
    renderWithProviders(<CallPage />)
    await user.click(await screen.findByRole('button', { name: 'BJ01-20261125-0002' }, { timeout: 5_000 }))
    // The drawer is a chunk of its own, loaded on first use.
    await screen.findByTestId('ticket-detail', {}, { timeout: 10_000 })
    await user.keyboard('{F8}')
    expect(await screen.findByText(finishTicketFirst)).toBeInTheDocument()
    expect(service.channels()).not.toContain('callComplete')
    expect(screen.getByTestId('ticket-detail')).toBeInTheDocument()
  })

  it('an F8 pressed while the hang-up is saving, before Alt+T opened a ticket, does not clear the ticket away', async () => {
    act(() => notifications.clean())
    const service = fakeCallService({ open: callView({ state: 'talking', answeredAt: secondsAgo(60) }) })
    const hangUpSaving = holdChannel(service, 'callHangUp')
    const user = start(service)
    await screen.findByRole('timer')
    // The hang-up is slow to save; wrap-up done is pressed behind it, then a ticket is opened.
    await user.keyboard('{F4}{F8}')
    const dialog = await typeTrackingTicket(user)
    hangUpSaving.release()
    expect(await screen.findByText(finishTicketFirst)).toBeInTheDocument()
    expect(await screen.findByTestId('call-state')).toHaveTextContent('整理中')
    expect(service.channels()).toContain('callHangUp')
    expect(service.channels()).not.toContain('callComplete')
    expect(screen.getByRole('dialog', { name: '新建工单' })).toBeInTheDocument()
    expect(within(dialog).getByLabelText(/^运单号/)).toHaveValue('SF1234567890')
  })
})
