import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { installApi } from '../../../api/client'
import { db } from '../../../db/schema'
import { fail, fakeApi, ok } from '../../../testing/fakeApi'
import { renderWithProviders } from '../../../testing/render'
import { ticketOpened, transferOffered } from '../../../testing/tickets'
import { seatWith } from '../testSeat'
import { TransfersInbox } from './TransfersInbox'

// A001 offers two of their tickets to A002, who answers in their own session.
const entries = [
  ticketOpened(10, { ticketId: 't-1', kind: 'trackingInquiry' }),
  ticketOpened(11, { ticketId: 't-2', kind: 'overcharge' }),
  transferOffered(12, { transferId: 'x-1', ticketIds: ['t-1', 't-2'], to: 'A002', reason: '下周调岗' }),
]

async function openInbox() {
  await seatWith(entries, 'A002')
  renderWithProviders(<TransfersInbox me="A002" />)
  const offer = (await screen.findByText('张伟（A001） 于', { exact: false })).closest<HTMLElement>('[data-transfer]')!
  return offer
}

describe('transfers inbox', () => {
  it('lists the offer with its tickets; Accept sends my PIN on the transfer', async () => {
    const ticketTransferAccept = vi.fn(async () => ok(null))
    installApi(fakeApi({ ticketTransferAccept }))
    const user = userEvent.setup()
    const offer = await openInbox()
    expect(offer).toHaveTextContent('转交 2 张工单给你')
    expect(offer).toHaveTextContent('原因：下周调岗')
    expect(await within(offer).findAllByRole('button', { name: /^工单 BJ01-/ })).toHaveLength(2)

    await user.click(within(offer).getByRole('button', { name: '接收' }))
    const dialog = await screen.findByRole('dialog', { name: '接收转交' })
    await user.type(within(dialog).getByLabelText(/我的 PIN/), '200002')
    await user.click(within(dialog).getByRole('button', { name: '接收' }))
    await vi.waitFor(() => expect(ticketTransferAccept).toHaveBeenCalledWith({ transferId: 'x-1', pin: '200002' }))
    await vi.waitFor(() => expect(screen.queryByRole('dialog', { name: '接收转交' })).not.toBeInTheDocument())
  })

  it('a wrong PIN shows the translated error, keeps the dialog open and changes nothing', async () => {
    const ticketTransferAccept = vi.fn(async () => fail('badCredentials', { remaining: 4 }))
    installApi(fakeApi({ ticketTransferAccept }))
    const user = userEvent.setup()
    const offer = await openInbox()
    await user.click(within(offer).getByRole('button', { name: '接收' }))
    const dialog = await screen.findByRole('dialog', { name: '接收转交' })
    const pin = within(dialog).getByLabelText(/我的 PIN/)
    await user.type(pin, '999999')
    await user.click(within(dialog).getByRole('button', { name: '接收' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('PIN 不正确，还可再试 4 次')
    expect(pin).toHaveValue('')
    expect(screen.getByRole('dialog', { name: '接收转交' })).toBeInTheDocument()
    // The tickets are still A001's and the offer still stands.
    expect((await db.tickets.get('t-1'))?.owner).toBe('A001')
    expect((await db.transfers.get('x-1'))?.state).toBe('offered')
  })

  it('an empty PIN is not sent', async () => {
    const ticketTransferAccept = vi.fn(async () => ok(null))
    installApi(fakeApi({ ticketTransferAccept }))
    const user = userEvent.setup()
    const offer = await openInbox()
    await user.click(within(offer).getByRole('button', { name: '接收' }))
    const dialog = await screen.findByRole('dialog', { name: '接收转交' })
    await user.click(within(dialog).getByRole('button', { name: '接收' }))
    expect(await within(dialog).findByText('必填')).toBeInTheDocument()
    expect(ticketTransferAccept).not.toHaveBeenCalled()
  })

  it('Decline asks for a reason and sends it', async () => {
    const ticketTransferDecline = vi.fn(async () => ok(null))
    installApi(fakeApi({ ticketTransferDecline }))
    const user = userEvent.setup()
    const offer = await openInbox()
    await user.click(within(offer).getByRole('button', { name: '拒绝' }))
    const dialog = await screen.findByRole('dialog', { name: '拒绝转交' })
    await user.click(within(dialog).getByRole('button', { name: '拒绝' }))
    expect(await within(dialog).findByText('必填')).toBeInTheDocument()
    await user.type(within(dialog).getByRole('textbox', { name: /拒绝原因/ }), '手上工单已满')
    await user.click(within(dialog).getByRole('button', { name: '拒绝' }))
    await vi.waitFor(() => expect(ticketTransferDecline).toHaveBeenCalledWith({ transferId: 'x-1', reason: '手上工单已满' }))
  })

  it("the offerer sees their pending offer and may withdraw it; it is not in their inbox", async () => {
    const ticketTransferCancel = vi.fn(async () => ok(null))
    installApi(fakeApi({ ticketTransferCancel }))
    const user = userEvent.setup()
    await seatWith(entries, 'A001')
    renderWithProviders(<TransfersInbox me="A001" />)
    expect(await screen.findByText('没有待确认的转交。')).toBeInTheDocument()
    const mine = await screen.findByRole('region', { name: '我发起、等待确认的转交' })
    await user.click(within(mine).getByRole('button', { name: '撤回转交' }))
    const confirm = await screen.findByRole('dialog', { name: '撤回转交' })
    await user.click(within(confirm).getByRole('button', { name: '撤回转交' }))
    await vi.waitFor(() => expect(ticketTransferCancel).toHaveBeenCalledWith({ transferId: 'x-1' }))
  })
})
