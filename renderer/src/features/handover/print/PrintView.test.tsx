import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { defaultShiftSettings, type ShiftSettings } from '../../../../../shared/domain/handover/shifts'
import { i18n } from '../../../i18n'
import { db, type HandoverPageRow } from '../../../db/schema'
import { renderWithProviders } from '../../../testing/render'
import { testSeat } from '../../../testing/fakeApi'
import { countersignedRow, handoverPage, printUsers } from './printTestPages'
import PrintView from './PrintView'

// The pages as the projection holds them, in the app's own database.
async function renderPrint(pages: HandoverPageRow[], hash = '#print?from=2026-11-24&to=2026-11-24', settings?: ShiftSettings) {
  await Promise.all([db.handoverPages.clear(), db.users.clear(), db.meta.delete('shiftSettings')])
  await Promise.all([db.handoverPages.bulkPut(pages), db.users.bulkPut(printUsers), settings && db.meta.put({ key: 'shiftSettings', value: settings })])
  return renderWithProviders(<PrintView seat={testSeat} hash={hash} />)
}

afterEach(async () => {
  // Unmounted before the language goes back, or the pages would re-render outside the test.
  cleanup()
  await i18n.changeLanguage('zh-CN')
})

describe('the handover book printed', () => {
  it('lays out a countersigned page with its tickets, people, signatures and seals, then says it is ready', async () => {
    await renderPrint([countersignedRow()])
    const page = await screen.findByRole('article', { name: '2026-11-24 早班 交接页' })
    expect(within(page).getByRole('heading', { name: '业务交接本' })).toBeInTheDocument()
    expect(within(page).getByText('佳途物流 · 分公司 BJ01 · 座席 07')).toBeInTheDocument()

    const tickets = within(page).getByRole('table', { name: '未结工单' })
    const ticketRows = within(tickets).getAllByRole('row').slice(1)
    expect(ticketRows.map((row) => within(row).getAllByRole('cell')[0]!.textContent)).toEqual(['BJ01-20261124-3', 'BJ01-20261123-1'])
    // China time, whatever the machine's zone; a day-counted deadline ends at 24:00.
    expect(within(ticketRows[0]!).getByText('2026-11-25 24:00')).toBeInTheDocument()
    expect(within(ticketRows[1]!).getByText('2026-11-25 14:30')).toBeInTheDocument()

    const goods = within(page).getByRole('table', { name: '剩货' })
    expect(within(goods).getByRole('row', { name: /JT1234567890/ })).toHaveTextContent('✓ 是')
    expect(within(goods).getByRole('row', { name: /JT5555555555/ })).toHaveTextContent('✗ 否')
    expect(within(page).getByRole('table', { name: '拒收事项' })).toHaveTextContent('剩货：JT5555555555 冷链一件冷链货物不归本班处理')

    const signatures = within(page).getByRole('table', { name: '签字' })
    expect(within(signatures).getByRole('row', { name: /交班人签字/ })).toHaveTextContent('张伟E0022026-11-24 17:30')
    expect(within(signatures).getByRole('row', { name: /接班人确认/ })).toHaveTextContent('李娜E0032026-11-24 17:35')
    expect(within(signatures).getByRole('row', { name: /班长复核/ })).toHaveTextContent('赵班长E0042026-11-24 17:40')
    expect(within(page).getByText('ab'.repeat(32))).toBeInTheDocument()
    expect(within(page).getByText(`序号 412 · ${'cd'.repeat(32)}`)).toBeInTheDocument()
    expect(within(page).getByText('冷链货物实为三件')).toBeInTheDocument()
    expect(within(page).getByText('赵班长（E004） 于 2026-11-24 19:00 更正')).toBeInTheDocument()

    await vi.waitFor(() => expect(document.body.dataset.printReady).toBe('1'))
    expect(document.title).toBe('业务交接本 2026-11-24 至 2026-11-24')
  })

  it('shows the lead’s waiver and its reason in place of the incoming agent’s acknowledgement', async () => {
    await renderPrint([
        countersignedRow({
          acknowledgedAt: null,
          refused: [],
          corrections: [],
          waived: { by: 'E004', reason: '接班人病假，由班长代为接收', at: '2026-11-24T09:36:00.000Z' },
        }),
      ])
    const page = await screen.findByRole('article')
    expect(within(page).getByRole('row', { name: /接班人确认/ })).toHaveTextContent('已由班长免除（见下）')
    expect(within(page).getByText('接班确认已免除：赵班长（E004）于 2026-11-24 17:36 签字免除，理由：接班人病假，由班长代为接收')).toBeInTheDocument()
    expect(within(page).getByRole('table', { name: '拒收事项' })).toHaveTextContent('无')
  })

  it('prints each page on its own sheet, in English when the language is English', async () => {
    await i18n.changeLanguage('en')
    const second = countersignedRow({ pageId: 'page-2', patternId: 'evening', checkpoint: null, countersignedAt: null, countersignedBy: null, state: 'acknowledged' })
    await renderPrint([second, countersignedRow()])
    const pages = await screen.findAllByRole('article')
    expect(pages.map((page) => page.getAttribute('aria-label'))).toEqual(['Handover page 2026-11-24 Morning', 'Handover page 2026-11-24 Evening'])
    expect(pages[0]).toHaveClass('handover-print-page')
    expect(within(pages[1]!).getByRole('row', { name: /Shift lead countersigned/ })).toHaveTextContent('Not signed')
    expect(within(pages[1]!).getByText('Not countersigned')).toBeInTheDocument()
  })

  it('says a range it cannot read is wrong and never reads the book or marks it ready', async () => {
    await renderPrint([countersignedRow()], '#print?from=2026-11-25&to=2026-11-24')
    expect(await screen.findByRole('alert')).toHaveTextContent('打印范围无效')
    expect(screen.queryByRole('article')).not.toBeInTheDocument()
    expect(document.body.dataset.printReady).toBeUndefined()
  })

  it('prints only the signed pages of the range, and says when there are none', async () => {
    const draft = countersignedRow({ pageId: 'draft', patternId: 'evening', state: 'draft', pageHash: null })
    const dayBefore = countersignedRow({ pageId: 'before', date: '2026-11-23' })
    const dayAfter = countersignedRow({ pageId: 'after', date: '2026-11-25' })
    await renderPrint([draft, dayBefore, dayAfter, countersignedRow()])
    expect((await screen.findAllByRole('article')).map((page) => page.getAttribute('aria-label'))).toEqual(['2026-11-24 早班 交接页'])
    cleanup()

    await renderPrint([dayBefore], '#print?from=2026-11-24&to=2026-11-24')
    expect(await screen.findByText('2026-11-24 至 2026-11-24 没有已签字的交接页。')).toBeInTheDocument()
    await vi.waitFor(() => expect(document.body.dataset.printReady).toBe('1'))
  })

  it('names each shift as it was called when its page was signed, not as a renamed pattern is called now', async () => {
    const renamed = {
      ...defaultShiftSettings,
      patterns: defaultShiftSettings.patterns.map((pattern) => (pattern.id === 'morning' ? { ...pattern, label: { 'zh-CN': '白班', en: 'Day' } } : pattern)),
    }
    const signedAsMorning = countersignedRow({ page: handoverPage({ patternLabel: { 'zh-CN': '早班', en: 'Morning' } }) })
    // Signed before pages carried their shift's name: only the settings in force can name it.
    const unnamed = countersignedRow({ pageId: 'page-2', patternId: 'evening', page: handoverPage({ pageId: 'page-2', patternId: 'evening' }) })
    await renderPrint([signedAsMorning, unnamed], undefined, renamed)
    const pages = await screen.findAllByRole('article')
    expect(pages.map((page) => page.getAttribute('aria-label'))).toEqual(['2026-11-24 早班 交接页', '2026-11-24 晚班 交接页'])
    expect(within(pages[0]!).getByText('早班')).toBeInTheDocument()
    expect(screen.queryByText('白班')).not.toBeInTheDocument()
  })

  it('prints from the toolbar', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {})
    await renderPrint([countersignedRow()])
    await screen.findByRole('article')
    await userEvent.setup().click(screen.getByRole('button', { name: '打印' }))
    expect(print).toHaveBeenCalledTimes(1)
    print.mockRestore()
  })
})
