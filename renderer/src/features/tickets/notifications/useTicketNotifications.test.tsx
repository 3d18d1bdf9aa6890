import { act, screen, waitFor } from '@testing-library/react'
import { notifications } from '@mantine/notifications'
import { Providers } from '../../../app/Providers'
import { setSession, useAppStore } from '../../../app/appStore'
import { installApi } from '../../../api/client'
import { fakeApi, testSession } from '../../../testing/fakeApi'
import { renderWithProviders } from '../../../testing/render'
import { changeLanguage } from '../../../i18n'
import { ticketEscalated, ticketOpened, transferOffered } from '../../../testing/tickets'
import { AGENTS, minutesAfterEntry, seatWith } from '../testSeat'
import { attentionNoticesStore } from '../../../ui/attentionNotices'
import { useTicketNotifications } from './useTicketNotifications'

const session = testSession({ sessionId: 's-A001', startedAt: '2026-11-23T01:00:00.000Z', user: AGENTS[0]! })

function Notifier({ sessionId = session.sessionId, active = true }: { sessionId?: string; active?: boolean }) {
  useTicketNotifications({ ...session, sessionId }, active)
  return null
}

const flush = () => act(async () => new Promise((resolve) => setTimeout(resolve, 50)))

describe('ticket notifications', () => {
  beforeEach(async () => {
    window.sessionStorage.clear()
    installApi(fakeApi())
    // The tracking inquiry opened at 01:10 is to be answered by 01:15.
    await seatWith([ticketOpened(10, { ticketId: 't-1', kind: 'trackingInquiry' })], 'A001')
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
  })
  afterEach(() => {
    vi.useRealTimers()
    act(() => notifications.clean(attentionNoticesStore))
  })

  it('tells me once when my ticket crosses into due soon and once into overdue, by the clock alone', async () => {
    vi.setSystemTime(minutesAfterEntry(10, 1))
    renderWithProviders(<Notifier />)
    await flush()
    // Four minutes left: inside the 30-minute window already.
    expect(await screen.findByText(/即将到期/)).toBeInTheDocument()
    expect(screen.queryByText(/已超时/)).not.toBeInTheDocument()

    vi.setSystemTime(minutesAfterEntry(10, 6))
    act(() => vi.advanceTimersByTime(15_000))
    await flush()
    expect(await screen.findAllByText(/工单 .* 已超时/)).toHaveLength(1)

    // Later evaluations say nothing new.
    for (let i = 0; i < 4; i++) act(() => vi.advanceTimersByTime(15_000))
    await flush()
    expect(screen.getAllByText(/工单 .* 已超时/)).toHaveLength(1)
  })

  it('a reload in the same session does not tell it again; a new session does', async () => {
    vi.setSystemTime(minutesAfterEntry(10, 30))
    const first = renderWithProviders(<Notifier />)
    expect(await screen.findAllByText(/工单 .* 已超时/)).toHaveLength(1)
    first.unmount()
    act(() => notifications.clean(attentionNoticesStore))

    const reloaded = renderWithProviders(<Notifier />)
    act(() => vi.advanceTimersByTime(15_000))
    await flush()
    expect(screen.queryByText(/已超时/)).not.toBeInTheDocument()
    reloaded.unmount()

    renderWithProviders(<Notifier sessionId="s-A001-next" />)
    expect(await screen.findAllByText(/工单 .* 已超时/)).toHaveLength(1)
  })

  it('takes the notices away when the agent signs out, so the next one never sees them', async () => {
    vi.setSystemTime(minutesAfterEntry(10, 30))
    useAppStore.setState({ session })
    renderWithProviders(<Notifier />)
    expect(await screen.findAllByText(/工单 .* 已超时/)).toHaveLength(1)
    act(() => setSession(null))
    // (It fades out.)
    await waitFor(() => expect(screen.queryByText(/已超时/)).not.toBeInTheDocument())
  })

  it('holds the notices on screen behind the lock, and shows them again on unlock', async () => {
    vi.setSystemTime(minutesAfterEntry(10, 30))
    useAppStore.setState({ session })
    renderWithProviders(<Notifier />)
    expect(await screen.findAllByText(/工单 .* 已超时/)).toHaveLength(1)
    act(() => useAppStore.setState({ session: { ...session, lockedAt: '2026-11-23T01:45:00.000Z' } }))
    expect(screen.queryByText(/已超时/)).not.toBeInTheDocument()
    act(() => useAppStore.setState({ session }))
    expect(await screen.findAllByText(/工单 .* 已超时/)).toHaveLength(1)
  })

  it('words a notice already on screen again when the language changes', async () => {
    vi.setSystemTime(minutesAfterEntry(10, 30))
    onTestFinished(() => changeLanguage('zh-CN'))
    renderWithProviders(<Notifier />)
    expect(await screen.findAllByText(/工单 .* 已超时/)).toHaveLength(1)
    act(() => changeLanguage('en'))
    expect(await screen.findByText(/Ticket .* is overdue/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Open ticket' })).toBeInTheDocument()
    expect(screen.queryByText(/已超时/)).not.toBeInTheDocument()
  })

  it('says nothing while the screen is locked, and tells it after unlock', async () => {
    vi.setSystemTime(minutesAfterEntry(10, 30))
    const view = renderWithProviders(<Notifier active={false} />)
    await flush()
    expect(screen.queryByText(/已超时/)).not.toBeInTheDocument()
    view.rerender(
      <Providers>
        <Notifier active />
      </Providers>,
    )
    expect(await screen.findAllByText(/工单 .* 已超时/)).toHaveLength(1)
  })

  it("tells me when someone else escalates my ticket, and when a transfer is offered to me", async () => {
    vi.setSystemTime(minutesAfterEntry(10, 2))
    vi.useRealTimers()
    await seatWith([
      ticketOpened(10, { ticketId: 't-1', kind: 'complaint' }),
      ticketEscalated(11, { ticketId: 't-1', to: 'supervisor', reason: '客户要求主管回电' }, { actor: 'A002' }),
      ticketOpened(12, { ticketId: 't-2', kind: 'complaint', owner: 'A002' }),
      transferOffered(13, { transferId: 'x-1', ticketIds: ['t-2'], from: 'A002', to: 'A001' }),
    ])
    renderWithProviders(<Notifier />)
    expect(await screen.findByText(/李娜（A002） 升级至主管：客户要求主管回电/)).toBeInTheDocument()
    expect(await screen.findByText('李娜（A002） 转交了 1 张工单，请接收或拒绝。')).toBeInTheDocument()
  })
})
