import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { ticketDetailsSchema, ticketKinds, type TicketKind } from '../../../../../shared/domain/tickets/kinds'
import type { RequestOf, TicketSummary } from '../../../../../shared/ipc/contract'
import type { AppErrorPayload, IpcResult } from '../../../../../shared/ipc/errors'
import { installApi } from '../../../api/client'
import { fakeApi, ok } from '../../../testing/fakeApi'
import { renderWithProviders } from '../../../testing/render'
import { sampleDetails } from '../../../testing/tickets'
import { TicketFormModal, type TicketFormModalProps } from './TicketFormModal'

const summary: TicketSummary = { ticketId: 't-1', ticketNo: 'BJ01-20261125-0007', owner: 'A007', status: 'open', waitingOn: null }

/** main's ticket service as the form sees it: each request logged, answered `answer` (ok by default). */
function ticketService(answer: () => IpcResult<TicketSummary> = () => ok(summary)) {
  const opened: RequestOf<'ticketOpen'>[] = []
  const updated: RequestOf<'ticketUpdate'>[] = []
  installApi(
    fakeApi({
      ticketOpen: async (request) => {
        opened.push(request)
        return answer()
      },
      ticketUpdate: async (request) => {
        updated.push(request)
        return answer()
      },
    }),
  )
  return { opened, updated }
}

function open(props: Partial<TicketFormModalProps> = {}) {
  const onClose = vi.fn()
  const user = userEvent.setup()
  renderWithProviders(<TicketFormModal opened onClose={onClose} {...props} />)
  return { user, onClose }
}

const fromCall = (kind: TicketKind | null) => ({ kind, callerPhone: '+8613812345678', customerName: '王先生' })

/** The field an agent sees labelled so (a required field's label ends with its asterisk). */
const field = (label: string) => screen.getByLabelText(new RegExp(`^${label}( \\*)?$`))
const summaryOfErrors = () => screen.findByTestId('ticket-form-errors')

/** Types a whole value at once, as an IME commits it (a keystroke at a time is slow in jsdom). */
async function fill(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, text: string) {
  await user.click(input)
  await user.paste(text)
}

/** Picks an option of a Select from its own list (every Select keeps one in the page). */
async function pick(user: ReturnType<typeof userEvent.setup>, combobox: HTMLElement, option: string) {
  await user.click(combobox)
  await waitFor(() => expect(combobox).toHaveAttribute('aria-controls'))
  const listbox = document.getElementById(combobox.getAttribute('aria-controls')!)!
  await user.click(within(listbox).getByRole('option', { name: option, hidden: true }))
}

describe('the ticket form refuses a ticket with a required field missing and names the field', () => {
  // Per kind: a required field left empty, and what the summary says of it.
  const firstMissing: Record<TicketKind, string> = {
    trackingInquiry: '运单号：必填',
    consultation: '咨询内容：必填',
    orderPickup: '发货人姓名：必填',
    dataChange: '运单号：必填',
    overcharge: '实收运费：必填',
    damageShortage: '情况描述：必填',
    misroutedGoods: '应收货人电话：必填',
    complaint: '投诉内容：必填',
    claim: '损失金额：必填',
    businessLead: '所属网点区域：必填',
    returnVisit: '客户意见：必填',
  }
  it('covers every kind', () => expect(Object.keys(firstMissing).sort()).toEqual([...ticketKinds].sort()))

  it.each(ticketKinds.map((kind) => [kind, firstMissing[kind]] as const))('%s', async (kind, expected) => {
    const service = ticketService()
    const { user } = open({ initial: fromCall(kind) })
    await user.click(await screen.findByRole('button', { name: '创建工单' }))
    const errors = await summaryOfErrors()
    expect(errors).toHaveTextContent(expected)
    const [label] = expected.split('：') as [string]
    const input = field(label)
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription(expect.stringContaining('必填'))
    expect(service.opened).toEqual([])
  })
})

describe('the ticket form', () => {
  it('opens with the kind picker focused; a number and Enter pick the kind and move to its first field', async () => {
    ticketService()
    const { user } = open({ initial: fromCall(null) })
    const picker = await screen.findByRole('combobox', { name: /^工单类型/ })
    await waitFor(() => expect(picker).toHaveFocus())
    expect(field('来电号码')).toHaveValue('138 1234 5678')
    expect(field('客户姓名')).toHaveValue('王先生')
    await user.keyboard('5{Enter}')
    expect(picker).toHaveValue('5 多收运费')
    await waitFor(() => expect(field('运单号')).toHaveFocus())
    expect(field('实收运费')).toBeInTheDocument()
  })

  it('takes a plain Enter in the kind picker with nothing highlighted as no save at all', async () => {
    const service = ticketService()
    const { user } = open({ initial: fromCall(null) })
    const picker = await screen.findByRole('combobox', { name: /^工单类型/ })
    await waitFor(() => expect(picker).toHaveFocus())
    // The option list is open and matches nothing (an Enter pressed before it shows a match is the same).
    await user.keyboard('xyz')
    await waitFor(() => expect(picker).toHaveAttribute('aria-expanded', 'true'))
    await user.keyboard('{Enter}')
    // No half-typed ticket was checked: no error summary, no refusal on the kind; the agent types on.
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(screen.queryByTestId('ticket-form-errors')).not.toBeInTheDocument()
    expect(picker).not.toHaveAttribute('aria-invalid', 'true')
    await user.keyboard('{Backspace>3/}5{Enter}')
    expect(picker).toHaveValue('5 多收运费')
    expect(service.opened).toHaveLength(0)
  })

  it('types money in 元 and saves it in fen; Ctrl+Enter saves from any field', async () => {
    const service = ticketService()
    const { user, onClose } = open({ initial: fromCall('overcharge') })
    await user.type(field('运单号'), 'sf776655443322')
    expect(field('运单号')).toHaveValue('SF776655443322')
    await user.type(field('实收运费'), '180.5')
    await user.type(field('应收运费'), '150')
    await user.click(screen.getByRole('checkbox', { name: '已向客户致歉' }))
    await user.keyboard('{Control>}{Enter}{/Control}')
    await waitFor(() => expect(service.opened).toHaveLength(1))
    expect(service.opened[0]).toEqual({
      details: {
        kind: 'overcharge',
        callerPhone: '+8613812345678',
        customerName: '王先生',
        callerRole: null,
        waybillNo: 'SF776655443322',
        chargedFen: 18050,
        correctFen: 15000,
        explanation: '',
        apologised: true,
      },
    })
    expect(await screen.findByText('工单 BJ01-20261125-0007 已创建。')).toBeInTheDocument()
    expect(onClose).toHaveBeenCalled()
  })

  it('says why an amount is refused: not an amount, or not an overcharge', async () => {
    const service = ticketService()
    const { user } = open({ initial: fromCall('overcharge') })
    await fill(user, field('运单号'), 'SF776655443322')
    await user.type(field('实收运费'), '12.345')
    await user.type(field('应收运费'), '15')
    await user.keyboard('{Control>}{Enter}{/Control}')
    expect(await summaryOfErrors()).toHaveTextContent('实收运费：请输入金额（元），最多两位小数')
    await user.clear(field('实收运费'))
    await user.type(field('实收运费'), '12')
    await user.keyboard('{Control>}{Enter}{/Control}')
    expect(await summaryOfErrors()).toHaveTextContent('实收运费：实收运费须高于应收运费才是多收')
    expect(field('实收运费')).toHaveFocus()
    expect(service.opened).toEqual([])
  })

  it('lists data changes with old and new values suited to each field; rows can be added and removed', async () => {
    const service = ticketService()
    const { user } = open({ initial: fromCall('dataChange') })
    await fill(user, field('运单号'), 'DB2026030200017')
    const first = screen.getByRole('group', { name: '变更 1' })
    expect(within(first).getByRole('combobox', { name: /^变更项目/ })).toHaveValue('代收款')
    await user.type(within(first).getByLabelText(/^原值/), '1200')
    await user.type(within(first).getByLabelText(/^新值/), '980')

    // A second row takes the next field not listed yet; switched to phone hold, it offers on/off.
    await user.click(screen.getByRole('button', { name: '添加变更项' }))
    const second = screen.getByRole('group', { name: '变更 2' })
    expect(within(second).getByRole('combobox', { name: /^变更项目/ })).toHaveValue('运费')
    await pick(user, within(second).getByRole('combobox', { name: /^变更项目/ }), '电话控货')
    expect(within(second).getAllByRole('radio', { name: '控货' })).toHaveLength(2)

    // A third row for the address, then the first removed.
    await user.click(screen.getByRole('button', { name: '添加变更项' }))
    const third = screen.getByRole('group', { name: '变更 3' })
    await pick(user, within(third).getByRole('combobox', { name: /^变更项目/ }), '地址')
    await fill(user, within(third).getByLabelText(/^原值/), '成都市武侯区科华北路65号')
    await fill(user, within(third).getByLabelText(/^新值/), '成都市武侯区科华北路65号')
    await user.keyboard('{Control>}{Enter}{/Control}')
    expect(await summaryOfErrors()).toHaveTextContent('变更 3 · 新值：新值与原值相同')
    await user.clear(within(third).getByLabelText(/^新值/))
    await fill(user, within(third).getByLabelText(/^新值/), '成都市锦江区红星路三段1号')

    await user.click(screen.getByRole('button', { name: '删除变更 1' }))
    expect(screen.queryByRole('group', { name: '变更 3' })).not.toBeInTheDocument()
    await user.keyboard('{Control>}{Enter}{/Control}')
    // Who asked for the change was left out: the focus goes there.
    expect(await summaryOfErrors()).toHaveTextContent('变更申请人：请选择')
    const requestedBy = screen.getByRole('radiogroup', { name: /^变更申请人/ })
    expect(within(requestedBy).getAllByRole('radio')[0]).toHaveFocus()
    await user.click(within(requestedBy).getByRole('radio', { name: '发货人' }))
    await user.keyboard('{Control>}{Enter}{/Control}')
    await waitFor(() => expect(service.opened).toHaveLength(1))
    expect(service.opened[0]?.details).toMatchObject({
      kind: 'dataChange',
      waybillNo: 'DB2026030200017',
      requestedBy: 'shipper',
      branchNotified: 'notYet',
      changes: [
        { field: 'phoneHold', oldValue: false, newValue: true },
        { field: 'address', oldValue: '成都市武侯区科华北路65号', newValue: '成都市锦江区红星路三段1号' },
      ],
    })
  })

  it('puts main’s reasons on the fields and keeps everything typed', async () => {
    const refusal: AppErrorPayload = {
      code: 'ticketInvalid',
      issues: [{ path: 'details.correctFen', code: 'custom', message: 'chargedNotAboveCorrect' }],
    }
    const service = ticketService(() => ({ ok: false, error: refusal }))
    const { user, onClose } = open({ initial: fromCall('overcharge') })
    await fill(user, field('运单号'), 'SF776655443322')
    await user.type(field('实收运费'), '45')
    await user.type(field('应收运费'), '32')
    await user.click(screen.getByRole('button', { name: '创建工单' }))
    await waitFor(() => expect(service.opened).toHaveLength(1))
    expect(await screen.findByText('工单内容不符合要求，未保存。请按提示修改。')).toBeInTheDocument()
    expect(field('应收运费')).toHaveAttribute('aria-invalid', 'true')
    expect(field('应收运费')).toHaveAccessibleDescription(expect.stringContaining('实收运费须高于应收运费才是多收'))
    expect(await summaryOfErrors()).toHaveTextContent('应收运费：实收运费须高于应收运费才是多收')
    expect(field('运单号')).toHaveValue('SF776655443322')
    expect(field('实收运费')).toHaveValue('45')
    expect(onClose).not.toHaveBeenCalled()
  })

  it('names the field of a contract check from main, by its path under details', async () => {
    ticketService(() => ({ ok: false, error: { code: 'validation', issues: [{ path: 'details.shipper.phone', code: 'custom', message: 'phoneNeedsAreaCode' }] } }))
    const { user } = open({ ticket: { ticketId: 't-9', ticketNo: 'BJ01-20261124-0003', details: ticketDetailsSchema.parse(sampleDetails('orderPickup')) } })
    await user.click(await screen.findByRole('button', { name: '保存修改' }))
    expect(await summaryOfErrors()).toHaveTextContent('发货人电话：固话请加区号（如 010）')
    expect(field('发货人电话')).toHaveFocus()
  })

  it('edits a saved ticket: its values shown, its kind fixed, saved with ticketUpdate', async () => {
    const service = ticketService()
    const details = ticketDetailsSchema.parse(sampleDetails('overcharge'))
    const { user } = open({ ticket: { ticketId: 't-9', ticketNo: 'BJ01-20261124-0003', details } })
    expect(await screen.findByRole('dialog', { name: '编辑工单 BJ01-20261124-0003' })).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: /^工单类型/ })).toBeDisabled()
    expect(field('实收运费')).toHaveValue('45.00')
    expect(field('来电号码')).toHaveValue('138 1234 5678')
    await user.click(screen.getByRole('checkbox', { name: '已向客户致歉' }))
    await user.keyboard('{Control>}{Enter}{/Control}')
    await waitFor(() => expect(service.updated).toHaveLength(1))
    expect(service.updated[0]).toEqual({ ticketId: 't-9', details: { ...details, apologised: true } })
    expect(await screen.findByText('工单 BJ01-20261125-0007 已保存。')).toBeInTheDocument()
  })

  it('Esc cancels an untouched form at once, and asks before discarding a typed one', async () => {
    ticketService()
    const { user, onClose } = open({ initial: fromCall('trackingInquiry') })
    await waitFor(() => expect(field('运单号')).toHaveFocus())
    await user.keyboard('{Escape}')
    expect(onClose).toHaveBeenCalledTimes(1)

    onClose.mockClear()
    await fill(user, field('运单号'), 'SF1234567890')
    await user.keyboard('{Escape}')
    const confirm = await screen.findByRole('dialog', { name: '放弃这张工单？' })
    await user.click(within(confirm).getByRole('button', { name: '取消' }))
    expect(onClose).not.toHaveBeenCalled()
    expect(field('运单号')).toHaveValue('SF1234567890')
    await user.keyboard('{Escape}')
    await user.click(within(await screen.findByRole('dialog', { name: '放弃这张工单？' })).getByRole('button', { name: '放弃' }))
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it('opens one ticket however often Ctrl+Enter is pressed while it saves, or held down', async () => {
    let answer!: () => void
    const answered = new Promise<void>((resolve) => (answer = resolve))
    const service = ticketService()
    installApi(
      fakeApi({
        ticketOpen: async (request) => {
          service.opened.push(request)
          await answered
          return ok(summary)
        },
      }),
    )
    const { user, onClose } = open({ initial: fromCall('trackingInquiry') })
    await fill(user, field('运单号'), 'SF1234567890')
    // Held down: the key repeats. Then pressed again while main is still writing the first.
    await user.keyboard('{Control>}{Enter>3}{/Control}')
    await user.keyboard('{Control>}{Enter}{/Control}')
    await user.click(screen.getByRole('button', { name: '创建工单' }))
    await waitFor(() => expect(service.opened).toHaveLength(1))
    answer()
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1))
    // Saved: the form is done (it is closing), another press writes nothing.
    await user.keyboard('{Control>}{Enter}{/Control}')
    expect(service.opened).toHaveLength(1)
  })

  it('lets a refused ticket be saved again', async () => {
    let refuse = true
    const service = ticketService(() => (refuse ? { ok: false, error: { code: 'internal' } } : ok(summary)))
    const { user, onClose } = open({ initial: fromCall('trackingInquiry') })
    await fill(user, field('运单号'), 'SF1234567890')
    await user.keyboard('{Control>}{Enter}{/Control}')
    await waitFor(() => expect(service.opened).toHaveLength(1))
    expect(onClose).not.toHaveBeenCalled()
    refuse = false
    await user.keyboard('{Control>}{Enter}{/Control}')
    await waitFor(() => expect(service.opened).toHaveLength(2))
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1))
  })

  it('gives back what was typed under a kind when the agent switches to another and back', async () => {
    ticketService()
    const { user } = open({ initial: fromCall('trackingInquiry') })
    await fill(user, field('运单号'), 'SF1234567890')
    await user.click(screen.getByRole('radio', { name: '点货有' }))
    await fill(user, field('备注'), '到站未派')
    const picker = screen.getByRole('combobox', { name: /^工单类型/ })
    await pick(user, picker, '6 货损货差')
    // Damage has no note and no "goods found": gone from the screen, not from the form.
    expect(screen.queryByLabelText(/^备注/)).not.toBeInTheDocument()
    expect(field('运单号')).toHaveValue('SF1234567890')
    await fill(user, field('情况描述'), '外箱破损')
    await pick(user, picker, '1 查货')
    expect(field('备注')).toHaveValue('到站未派')
    expect(screen.getByRole('radio', { name: '点货有' })).toBeChecked()
    await pick(user, picker, '6 货损货差')
    expect(field('情况描述')).toHaveValue('外箱破损')
  })

  it('saves "later" fields left blank as null', async () => {
    const service = ticketService()
    const { user } = open({ initial: fromCall('complaint') })
    await user.click(screen.getByRole('radio', { name: '客户投诉' }))
    await fill(user, field('投诉内容'), '送货员未送货上门却要求加收送货费')
    await user.keyboard('{Control>}{Enter}{/Control}')
    await waitFor(() => expect(service.opened).toHaveLength(1))
    expect(service.opened[0]?.details).toMatchObject({ source: 'customer', waybillNo: null, incidentAt: null, responsibility: null, remedy: null, customerSatisfied: null })
  })
})
