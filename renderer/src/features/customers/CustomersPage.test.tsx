import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { installApi } from '../../api/client'
import { fail, fakeApi, ok } from '../../testing/fakeApi'
import { renderWithProviders } from '../../testing/render'
import { customerSaved, sampleDetails, ticketOpened } from '../../testing/tickets'
import { seatWith } from '../tickets/testSeat'
import CustomersPage from './CustomersPage'

const entries = [
  customerSaved(10, { phone: '+8613812345678', name: '王先生', role: 'consignee', company: '', address: '北京市海淀区中关村大街1号' }),
  customerSaved(11, { phone: '+8613900001111', name: '陈立', role: 'shipper', company: '立信电子', address: '深圳市南山区' }),
  ticketOpened(12, { ticketId: 't-1', kind: 'trackingInquiry' }),
  ticketOpened(13, { ticketId: 't-2', details: sampleDetails('overcharge', { callerPhone: '+8613900001111', customerName: '陈立' }) }),
]

const rowOf = async (name: string) => (await screen.findByRole('cell', { name })).closest('tr')!

describe('customer archive', () => {
  beforeEach(async () => {
    await seatWith(entries)
  })

  it('shows phones masked; Reveal journals it through main and only then shows the full number', async () => {
    let answer: (value: unknown) => void = () => {}
    const customerRevealPhone = vi.fn(() => new Promise((resolve) => (answer = resolve)))
    installApi(fakeApi({ customerRevealPhone: customerRevealPhone as never }))
    const user = userEvent.setup()
    renderWithProviders(<CustomersPage />)
    const row = await rowOf('王先生')
    expect(row).toHaveTextContent('138****5678')
    expect(row).not.toHaveTextContent('13812345678')

    await user.click(within(row).getByRole('button', { name: '显示完整号码 138****5678（会记入日志）' }))
    expect(customerRevealPhone).toHaveBeenCalledWith({ phone: '+8613812345678', context: 'customer', ticketId: null })
    // Nothing shown before main has written the reveal.
    expect(row).not.toHaveTextContent('13812345678')
    answer(ok({ phone: '+8613812345678' }))
    expect(await within(row).findByText('+8613812345678')).toBeInTheDocument()
    // The other row stays masked.
    expect(await rowOf('陈立')).toHaveTextContent('139****1111')
  })

  it('a refused reveal says why and keeps the number masked', async () => {
    installApi(fakeApi({ customerRevealPhone: async () => fail('journalUnavailable') }))
    const user = userEvent.setup()
    renderWithProviders(<CustomersPage />)
    const row = await rowOf('王先生')
    await user.click(within(row).getByRole('button', { name: /显示完整号码/ }))
    expect(await within(row).findByRole('alert')).toHaveTextContent('日志暂时无法写入')
    expect(row).toHaveTextContent('138****5678')
  })

  it.each([
    ['the last 4 digits', '1111', '陈立'],
    ['a full phone', '13812345678', '王先生'],
    ['the start of the name', '陈', '陈立'],
  ])('finds a customer by %s', async (_key, text, name) => {
    installApi(fakeApi())
    const user = userEvent.setup()
    renderWithProviders(<CustomersPage />)
    await rowOf('王先生')
    await user.type(screen.getByRole('searchbox', { name: '查找客户' }), text)
    await vi.waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2))
    expect(screen.getAllByRole('row')[1]).toHaveTextContent(name)
  })

  it("lists a customer's tickets, found by phone", async () => {
    installApi(fakeApi())
    const user = userEvent.setup()
    renderWithProviders(<CustomersPage />)
    await user.click(within(await screen.findByRole('group', { name: '陈立 的操作' })).getByRole('button', { name: '工单' }))
    const tickets = await screen.findByRole('table', { name: '陈立（139****1111）的工单' })
    const rows = within(tickets).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toHaveAccessibleName(/多收运费/)
  })

  it('adds a customer with the shared rules: an invalid phone is said beside the field; a valid one is saved in E.164', async () => {
    const customerSave = vi.fn(async ({ customer }: { customer: unknown }) => ok(customer as never))
    installApi(fakeApi({ customerSave }))
    const user = userEvent.setup()
    renderWithProviders(<CustomersPage />)
    await user.click(screen.getByRole('button', { name: '添加客户' }))
    const dialog = await screen.findByRole('dialog', { name: '添加客户' })
    await user.type(within(dialog).getByRole('textbox', { name: /电话/ }), '1381234')
    await user.click(within(dialog).getByRole('button', { name: '保存' }))
    expect(await within(dialog).findByText(/固话请加区号/)).toBeInTheDocument()
    expect(within(dialog).getAllByText('必填').length).toBeGreaterThanOrEqual(1)
    expect(customerSave).not.toHaveBeenCalled()

    await user.clear(within(dialog).getByRole('textbox', { name: /电话/ }))
    await user.type(within(dialog).getByRole('textbox', { name: /电话/ }), '137 0000 2222')
    await user.type(within(dialog).getByRole('textbox', { name: /姓名/ }), '刘芳')
    await user.click(within(dialog).getByRole('radio', { name: '收货人' }))
    await user.click(within(dialog).getByRole('button', { name: '保存' }))
    await vi.waitFor(() =>
      expect(customerSave).toHaveBeenCalledWith({ customer: { phone: '+8613700002222', name: '刘芳', role: 'consignee', company: '', address: '' } }),
    )
  })

  it("editing keeps the customer's phone (the archive's key) masked and unchanged", async () => {
    const customerSave = vi.fn(async ({ customer }: { customer: unknown }) => ok(customer as never))
    installApi(fakeApi({ customerSave }))
    const user = userEvent.setup()
    renderWithProviders(<CustomersPage />)
    await user.click(within(await screen.findByRole('group', { name: '王先生 的操作' })).getByRole('button', { name: '编辑' }))
    const dialog = await screen.findByRole('dialog', { name: '编辑客户 王先生' })
    expect(dialog).toHaveTextContent('138****5678')
    expect(within(dialog).queryByDisplayValue('+8613812345678')).not.toBeInTheDocument()
    await user.type(within(dialog).getByRole('textbox', { name: /公司/ }), '中关村科技')
    await user.click(within(dialog).getByRole('button', { name: '保存' }))
    await vi.waitFor(() =>
      expect(customerSave).toHaveBeenCalledWith({
        customer: { phone: '+8613812345678', name: '王先生', role: 'consignee', company: '中关村科技', address: '北京市海淀区中关村大街1号' },
      }),
    )
  })

  it('asks before Esc drops a customer being typed; an untouched form closes at once', async () => {
    installApi(fakeApi({}))
    const user = userEvent.setup()
    renderWithProviders(<CustomersPage />)
    await user.click(screen.getByRole('button', { name: '添加客户' }))
    await screen.findByRole('dialog', { name: '添加客户' })
    await user.keyboard('{Escape}')
    await vi.waitFor(() => expect(screen.queryByRole('dialog', { name: '添加客户' })).not.toBeInTheDocument())

    await user.click(screen.getByRole('button', { name: '添加客户' }))
    const dialog = await screen.findByRole('dialog', { name: '添加客户' })
    await user.type(within(dialog).getByRole('textbox', { name: /姓名/ }), '刘芳')
    await user.keyboard('{Escape}')
    await user.click(within(await screen.findByRole('dialog', { name: '放弃已填写的内容？' })).getByRole('button', { name: '取消' }))
    expect(within(screen.getByRole('dialog', { name: '添加客户' })).getByRole('textbox', { name: /姓名/ })).toHaveValue('刘芳')
    await user.keyboard('{Escape}')
    await user.click(within(await screen.findByRole('dialog', { name: '放弃已填写的内容？' })).getByRole('button', { name: '放弃' }))
    await vi.waitFor(() => expect(screen.queryByRole('dialog', { name: '添加客户' })).not.toBeInTheDocument())
  })
})
