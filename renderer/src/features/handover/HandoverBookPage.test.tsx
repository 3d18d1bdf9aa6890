import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { defaultShiftSettings } from '../../../../shared/domain/handover/shifts'
import { addCalendarDays, chinaDateOf } from '../../../../shared/domain/tickets/chinaTime'
import { installApi } from '../../api/client'
import { useAppStore } from '../../app/appStore'
import { ProjectionSyncContext } from '../../app/ProjectionSyncContext'
import { db } from '../../db/schema'
import type { ProjectionSync } from '../../db/sync'
import { fail, fakeApi, ok, testSession } from '../../testing/fakeApi'
import { renderWithProviders } from '../../testing/render'
import { entryOf, projectEntries, ticketOpened, transferOffered } from '../../testing/tickets'
import { seatWith, usersEntries } from '../tickets/testSeat'
import HandoverBookPage from './HandoverBookPage'
import { handoverAcknowledged, handoverDrafted, handoverSigned, samplePage } from './testHandover'

// The book on the seat of the ticket screens' tests: A001 张伟 hands over to A002 李娜, E001 王主管 leads.
const today = chinaDateOf(Date.now())
const yesterday = addCalendarDays(today, -1)
const item = (ticketId: string, ticketNo: string) => ({ ticketId, ticketNo, kind: 'trackingInquiry' as const, nextStep: '联系网点', dueAt: null })
const signedPage = samplePage({ date: yesterday, tickets: [item('t-1', 'BJ01-20261123-0010'), item('t-2', 'BJ01-20261123-0011')] })

describe('交接班: the book', () => {
  it('shows each page with its state and highlights a shift that ended without a signed page', async () => {
    installApi(fakeApi())
    await seatWith([
      handoverSigned(10, signedPage),
      handoverAcknowledged(11),
      handoverDrafted(12, samplePage({ pageId: 'p-2', date: yesterday, patternId: 'evening' })),
    ])
    renderWithProviders(<HandoverBookPage />)
    const morning = await screen.findByText('已接收')
    const morningRow = morning.closest('tr')!
    expect(morningRow).not.toHaveAttribute('data-attention')
    const eveningRow = document.querySelector<HTMLElement>(`[data-line="${yesterday}:evening"]`)!
    expect(eveningRow).toHaveTextContent('草稿')
    expect(eveningRow).toHaveAttribute('data-attention', 'unsigned')
    expect(within(eveningRow).getByText('下班未签交接')).toBeInTheDocument()
  })

  it('names a signed page’s shift as it was called when signed, after a supervisor renamed the pattern', async () => {
    installApi(fakeApi())
    const renamed = {
      ...defaultShiftSettings,
      patterns: defaultShiftSettings.patterns.map((pattern) => (pattern.id === 'morning' ? { ...pattern, label: { 'zh-CN': '白班', en: 'Day' } } : pattern)),
    }
    await seatWith([
      handoverSigned(10, { ...signedPage, patternLabel: { 'zh-CN': '早班', en: 'Morning' } }),
      entryOf(11, 'shiftSettings.changed', { settings: renamed }, { actor: 'E001' }),
      handoverDrafted(12, samplePage({ pageId: 'p-2', date: today })),
    ])
    renderWithProviders(<HandoverBookPage />)
    await vi.waitFor(() => expect(document.querySelector(`[data-line="${yesterday}:morning"]`)).toHaveTextContent('早班'))
    // A draft is not signed yet: it takes the pattern's name now.
    expect(document.querySelector(`[data-line="${today}:morning"]`)).toHaveTextContent('白班')
  })

  it('Verify says each problem in plain words, with its entry', async () => {
    const handoverVerify = vi.fn(async () =>
      ok({ ok: false, entries: 40, pages: 2, checkpoints: 1, problems: [{ code: 'journalShorterThanCheckpoint' as const, seq: 38, pageId: null, detail: 'head 37' }] }),
    )
    installApi(fakeApi({ handoverVerify }))
    await seatWith([])
    const user = userEvent.setup()
    renderWithProviders(<HandoverBookPage />)
    await user.click(await screen.findByRole('button', { name: '校验交接本' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('发现 1 个问题')
    expect(alert).toHaveTextContent('日志比复核点短，可能被截断 （第 38 条） — head 37')
  })

  it('Export (a lead’s or supervisor’s) sends the dates and shows where the file went', async () => {
    const handoverExport = vi.fn(async () => ok({ path: '/data/exports/book.ndjson', entries: 12 }))
    installApi(fakeApi({ handoverExport }))
    await seatWith([])
    useAppStore.setState({ session: testSession() })
    const user = userEvent.setup()
    renderWithProviders(<HandoverBookPage />)
    await user.click(await screen.findByRole('button', { name: '导出' }))
    expect(handoverExport).toHaveBeenCalledWith({ from: addCalendarDays(today, -6), to: today })
    expect(await screen.findByText('已导出 12 条记录到 /data/exports/book.ndjson')).toBeInTheDocument()
  })

  it('Export is not an agent’s: the button is disabled and says why', async () => {
    const handoverExport = vi.fn(async () => ok({ path: '/data/exports/book.ndjson', entries: 12 }))
    installApi(fakeApi({ handoverExport }))
    await seatWith([])
    renderWithProviders(<HandoverBookPage />)
    const button = await screen.findByRole('button', { name: '导出' })
    expect(button).toBeDisabled()
    expect(button).toHaveAccessibleDescription('导出的文件含客户电话和地址，仅班长和主管可以导出。')
    expect(screen.getByRole('button', { name: '校验交接本' })).toBeEnabled()
    expect(handoverExport).not.toHaveBeenCalled()
  })

  it('Export says main’s refusal in plain words (main decides who may export)', async () => {
    installApi(fakeApi({ handoverExport: async () => fail('leadOrSupervisorOnly') }))
    await seatWith([])
    useAppStore.setState({ session: testSession({ user: { employeeNo: 'E001', name: '王主管', role: 'shiftLead' } }) })
    const user = userEvent.setup()
    renderWithProviders(<HandoverBookPage />)
    await user.click(await screen.findByRole('button', { name: '导出' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('只有班长或主管可以进行此操作，请联系当班班长。')
    expect(screen.queryByRole('status')).not.toBeInTheDocument()
  })

  it('Print in Electron prints to PDF and shows the path', async () => {
    const handoverPrintPdf = vi.fn(async () => ok({ path: '/data/print/book.pdf' }))
    installApi(fakeApi({ appInfo: async () => ok({ version: '1', runtime: 'electron' as const }), handoverPrintPdf }))
    await seatWith([])
    const user = userEvent.setup()
    renderWithProviders(<HandoverBookPage />)
    await user.click(await screen.findByRole('button', { name: '打印' }))
    expect(await screen.findByText('已打印为 PDF：/data/print/book.pdf')).toBeInTheDocument()
  })

  it('Print in the browser preview opens the print view for the dates and prints once it is laid out', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {})
    installApi(fakeApi({ appInfo: async () => ok({ version: '1', runtime: 'browserPreview' as const }) }))
    await seatWith([])
    const user = userEvent.setup()
    renderWithProviders(<HandoverBookPage />)
    await user.click(await screen.findByRole('button', { name: '打印' }))
    await vi.waitFor(() => expect(window.location.hash).toBe(`#print?from=${addCalendarDays(today, -6)}&to=${today}`))
    expect(print).not.toHaveBeenCalled()
    document.body.dataset.printReady = '1'
    await vi.waitFor(() => expect(print).toHaveBeenCalledTimes(1))
    delete document.body.dataset.printReady
    window.location.hash = ''
    print.mockRestore()
  })
})

describe('交接班: drafting and signing', () => {
  const roster = entryOf(
    20,
    'roster.changed',
    {
      day: {
        date: today,
        shifts: [
          { patternId: 'morning', agents: ['A001'], lead: 'E001' },
          { patternId: 'evening', agents: ['A002'], lead: 'E001' },
        ],
        duty: null,
      },
    },
    { actor: 'E001' },
  )

  async function startHandover(signResult: Parameters<typeof fakeApi>[0], later: Parameters<typeof seatWith>[0] = []) {
    installApi(fakeApi(signResult))
    await seatWith([ticketOpened(10, { ticketId: 't-1', ticketNo: 'BJ01-20261123-0010' }), ticketOpened(11, { ticketId: 't-9', owner: 'A002', ticketNo: 'BJ01-20261123-0011' }), roster, ...later])
    const user = userEvent.setup()
    renderWithProviders(<HandoverBookPage />)
    await user.click(await screen.findByRole('button', { name: '开始交班' }))
    const dialog = await screen.findByRole('dialog', { name: '交班' })
    // The roster pre-selects who takes over and who leads.
    await vi.waitFor(() => expect(within(dialog).getByRole('combobox', { name: /接班人/ })).toHaveValue('李娜（A002）'))
    expect(within(dialog).getByRole('combobox', { name: /班长/ })).toHaveValue('王主管（E001）')
    await user.click(within(dialog).getByRole('button', { name: '下一步' }))
    return { user, dialog }
  }

  it('lists my open tickets only, requires their next step, and signs the page with my PIN', async () => {
    const handoverSign = vi.fn(async (_request: unknown) => ok({ pageId: 'p', pageHash: 'ab' }))
    const { user, dialog } = await startHandover({ handoverSign })
    const nextStep = await within(dialog).findByRole('textbox', { name: /BJ01-20261123-0010/ })
    expect(within(dialog).queryByText(/BJ01-20261123-0011/)).not.toBeInTheDocument()

    await user.type(within(dialog).getByLabelText(/我的 PIN/), '100001')
    await user.click(within(dialog).getByRole('button', { name: '签字交班' }))
    expect(await within(dialog).findByText('必填')).toBeInTheDocument()
    expect(handoverSign).not.toHaveBeenCalled()

    await user.type(nextStep, '明早致电网点')
    await user.click(within(dialog).getByRole('button', { name: '签字交班' }))
    await vi.waitFor(() => expect(handoverSign).toHaveBeenCalledTimes(1))
    const request = handoverSign.mock.calls[0]![0] as { page: Record<string, unknown>; pin: string }
    expect(request.pin).toBe('100001')
    expect(request.page).toMatchObject({ date: today, patternId: 'morning', outgoing: 'A001', incoming: 'A002', lead: 'E001' })
    expect(request.page.tickets).toEqual([expect.objectContaining({ ticketId: 't-1', nextStep: '明早致电网点' })])
  })

  it('says on the page which of my tickets are offered to a colleague: they will not move with it', async () => {
    const { dialog } = await startHandover({}, [transferOffered(21, { transferId: 'x-1', ticketIds: ['t-1'], to: 'E001' })])
    const nextStep = await within(dialog).findByRole('textbox', { name: /BJ01-20261123-0010/ })
    await vi.waitFor(() => expect(nextStep).toHaveAccessibleDescription(/已转交给 王主管（E001），对方尚未接受：接班人确认本页时，这张工单不随本页移交/))
  })

  it('keeps the roster’s choice when it is picked again (a required choice is never cleared by a click)', async () => {
    installApi(fakeApi())
    await seatWith([roster])
    const user = userEvent.setup()
    renderWithProviders(<HandoverBookPage />)
    await user.click(await screen.findByRole('button', { name: '开始交班' }))
    const dialog = await screen.findByRole('dialog', { name: '交班' })
    const lead = within(dialog).getByRole('combobox', { name: /班长/ })
    await vi.waitFor(() => expect(lead).toHaveValue('王主管（E001）'))
    // Mantine's dropdown opens through a transition jsdom never finishes: its options are found hidden.
    await user.click(lead)
    await vi.waitFor(() => expect(lead).toHaveAttribute('aria-controls'))
    const list = within(document.getElementById(lead.getAttribute('aria-controls')!)!)
    await user.click(await list.findByRole('option', { name: '王主管（E001）', hidden: true }))
    expect(lead).toHaveValue('王主管（E001）')
    expect(within(dialog).getByRole('button', { name: '下一步' })).toBeEnabled()
  })

  it('fills the page once the view has caught up with the journal: a ticket opened a moment ago is on it', async () => {
    installApi(fakeApi())
    await seatWith([roster])
    // The journal is one entry ahead of the view until the page asks for a catch-up.
    const requestCatchUp = vi.fn(async () => {
      await projectEntries(db, [...usersEntries(), roster, ticketOpened(21, { ticketId: 't-new', ticketNo: 'BJ01-20261123-0021' })])
    })
    const sync = { requestCatchUp, rebuild: vi.fn(), listen: vi.fn() } as unknown as ProjectionSync
    const user = userEvent.setup()
    renderWithProviders(
      <ProjectionSyncContext value={sync}>
        <HandoverBookPage />
      </ProjectionSyncContext>,
    )
    await user.click(await screen.findByRole('button', { name: '开始交班' }))
    const dialog = await screen.findByRole('dialog', { name: '交班' })
    await vi.waitFor(() => expect(within(dialog).getByRole('combobox', { name: /接班人/ })).toHaveValue('李娜（A002）'))
    await user.click(within(dialog).getByRole('button', { name: '下一步' }))
    expect(await within(dialog).findByRole('textbox', { name: /BJ01-20261123-0021/ })).toBeInTheDocument()
    expect(requestCatchUp).toHaveBeenCalled()
  })

  it('carries on a saved draft with the tickets I own now, keeping what I wrote on it', async () => {
    installApi(fakeApi())
    const draft = samplePage({ date: today, notices: [{ itemId: 'n-1', text: '明早系统升级' }] })
    // Saved before the ticket was opened: carried on, the page lists it (main would refuse it otherwise).
    await seatWith([handoverDrafted(10, draft), ticketOpened(11, { ticketId: 't-1', ticketNo: 'BJ01-20261123-0011' })])
    const user = userEvent.setup()
    renderWithProviders(<HandoverBookPage />)
    await user.click(await screen.findByRole('button', { name: /查看 .* 的交接页/ }))
    await user.click(await screen.findByRole('button', { name: '继续编辑草稿' }))
    const dialog = await screen.findByRole('dialog', { name: '交班' })
    expect(await within(dialog).findByRole('textbox', { name: /BJ01-20261123-0011/ })).toHaveValue('')
    expect(within(dialog).getByRole('textbox', { name: /通知内容/ })).toHaveValue('明早系统升级')
  })

  it('saves a draft without a PIN, with the goods and notices added', async () => {
    const handoverSaveDraft = vi.fn(async (_request: unknown) => ok({ pageId: 'p' }))
    const { user, dialog } = await startHandover({ handoverSaveDraft })
    await user.type(await within(dialog).findByRole('textbox', { name: /BJ01-20261123-0010/ }), '等回电')
    await user.click(within(dialog).getByRole('button', { name: '添加通知' }))
    await user.type(within(dialog).getByRole('textbox', { name: /通知内容/ }), '明早系统升级')
    await user.click(within(dialog).getByRole('button', { name: '保存草稿' }))
    await vi.waitFor(() => expect(handoverSaveDraft).toHaveBeenCalledTimes(1))
    const { page } = handoverSaveDraft.mock.calls[0]![0] as { page: { notices: { text: string }[]; tickets: { nextStep: string }[] } }
    expect(page.notices.map((notice) => notice.text)).toEqual(['明早系统升级'])
    expect(page.tickets.map((ticket) => ticket.nextStep)).toEqual(['等回电'])
  })

  it('says which tickets are missing when main refuses to sign', async () => {
    const handoverSign = vi.fn(async () => fail('handoverTicketMissing', { ticketNos: 'BJ01-20261123-0099' }))
    const { user, dialog } = await startHandover({ handoverSign })
    await user.type(await within(dialog).findByRole('textbox', { name: /BJ01-20261123-0010/ }), '等回电')
    await user.type(within(dialog).getByLabelText(/我的 PIN/), '100001')
    await user.click(within(dialog).getByRole('button', { name: '签字交班' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('还有你负责的未结工单没有列入交接页：BJ01-20261123-0099')
  })
})

describe('交接班: acknowledging and countersigning', () => {
  it('the incoming agent refuses one item with a reason and acknowledges with their PIN', async () => {
    const handoverAcknowledge = vi.fn(async () => ok({ movedTicketIds: ['t-1'], inTransfer: [] }))
    installApi(fakeApi({ handoverAcknowledge }))
    await seatWith([handoverSigned(10, signedPage)], 'A002')
    const user = userEvent.setup()
    renderWithProviders(<HandoverBookPage />)
    await user.click(await screen.findByRole('button', { name: /张伟（A001）/ }))
    await user.click(await screen.findByRole('button', { name: '接收交接' }))
    const dialog = await screen.findByRole('dialog', { name: '接收交接' })
    await user.click(within(dialog).getByRole('checkbox', { name: /拒收：BJ01-20261123-0011/ }))
    await user.type(within(dialog).getByRole('textbox', { name: /拒收原因：BJ01-20261123-0011/ }), '不是我的网点')
    await user.type(within(dialog).getByLabelText(/我的 PIN/), '200002')
    await user.click(within(dialog).getByRole('button', { name: '确认接收' }))
    await vi.waitFor(() =>
      expect(handoverAcknowledge).toHaveBeenCalledWith({ pageId: 'p-1', refused: [{ item: 'tickets:t-2', reason: '不是我的网点' }], remarks: '', pin: '200002' }),
    )
  })

  it('tells the incoming agent, before and after signing, that a ticket in transfer stays with the outgoing agent', async () => {
    const handoverAcknowledge = vi.fn(async () =>
      ok({ movedTicketIds: ['t-1'], inTransfer: [{ ticketId: 't-2', ticketNo: 'BJ01-20261123-0011', offeredTo: 'E001' }] }),
    )
    installApi(fakeApi({ handoverAcknowledge }))
    await seatWith(
      [
        ticketOpened(10, { ticketId: 't-1', ticketNo: 'BJ01-20261123-0010' }),
        ticketOpened(11, { ticketId: 't-2', ticketNo: 'BJ01-20261123-0011' }),
        transferOffered(12, { transferId: 'x-1', ticketIds: ['t-2'], to: 'E001' }),
        handoverSigned(13, signedPage),
      ],
      'A002',
    )
    const user = userEvent.setup()
    renderWithProviders(<HandoverBookPage />)
    await user.click(await screen.findByRole('button', { name: /张伟（A001）/ }))
    await user.click(await screen.findByRole('button', { name: '接收交接' }))
    const dialog = await screen.findByRole('dialog', { name: '接收交接' })
    const notice = await within(dialog).findByTestId('tickets-in-transfer')
    expect(notice).toHaveTextContent('转交中的工单不随本页移交')
    expect(notice).toHaveTextContent('仍由 张伟（A001） 负责，直到转交被接受、拒绝或撤回')
    expect(notice).toHaveTextContent('BJ01-20261123-0011：已申请转交给 王主管（E001）')
    expect(notice).not.toHaveTextContent('BJ01-20261123-0010')
    // Beside the ticket on the page too; the other ticket moves as usual.
    expect(dialog.querySelector('[data-item="tickets:t-2"]')).toHaveTextContent('转交中，不随本页移交')
    expect(dialog.querySelector('[data-item="tickets:t-1"]')).not.toHaveTextContent('转交中')

    await user.type(within(dialog).getByLabelText(/我的 PIN/), '200002')
    await user.click(within(dialog).getByRole('button', { name: '确认接收' }))
    expect(await screen.findByText('BJ01-20261123-0011 正在转交中，仍由 张伟（A001） 负责。若转交被拒绝或撤回，请 张伟（A001） 在下次交班时列入交接页，或重新转交。')).toBeInTheDocument()
    expect(handoverAcknowledge).toHaveBeenCalledWith({ pageId: 'p-1', refused: [], remarks: '', pin: '200002' })
  })

  it('countersigning waits for the acknowledgement, then sends the lead\'s number and PIN', async () => {
    const handoverCountersign = vi.fn(async () => ok({ checkpoint: { seq: 11, hash: 'cd' } }))
    installApi(fakeApi({ handoverCountersign }))
    await seatWith([handoverSigned(10, signedPage)])
    const user = userEvent.setup()
    const { unmount } = renderWithProviders(<HandoverBookPage />)
    await user.click(await screen.findByRole('button', { name: /查看 .* 的交接页/ }))
    expect(await screen.findByRole('button', { name: '班长复核' })).toBeDisabled()
    unmount()

    await seatWith([handoverSigned(10, signedPage), handoverAcknowledged(11)])
    renderWithProviders(<HandoverBookPage />)
    await user.click(await screen.findByRole('button', { name: /查看 .* 的交接页/ }))
    await user.click(await screen.findByRole('button', { name: '班长复核' }))
    const dialog = await screen.findByRole('dialog', { name: '班长复核' })
    expect(within(dialog).getByRole('textbox', { name: /工号/ })).toHaveValue('E001')
    await user.type(within(dialog).getByLabelText(/^PIN/), '900009')
    await user.click(within(dialog).getByRole('button', { name: '复核签字' }))
    await vi.waitFor(() => expect(handoverCountersign).toHaveBeenCalledWith({ pageId: 'p-1', employeeNo: 'E001', pin: '900009' }))
  })
})
