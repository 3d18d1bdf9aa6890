import { screen, within } from '@testing-library/react'
import { installApi } from '../../api/client'
import { i18n } from '../../i18n'
import { fakeApi } from '../../testing/fakeApi'
import { renderWithProviders } from '../../testing/render'
import { sampleDetails, ticketOpened } from '../../testing/tickets'
import { findTickets as realFindTickets } from './data/ticketQueries'
import { seatWith } from './testSeat'
import TicketsPage from './TicketsPage'
import { emptySearch, useTicketsScreen } from './ticketsStore'

// A search that stops at the scan cap needs more tickets than a test seat holds: here the page's
// search is the real one with its cap cut to a single row.
vi.mock('./data/ticketQueries', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./data/ticketQueries')>()
  return {
    ...actual,
    findTickets: (...[db, criteria, limit]: Parameters<typeof realFindTickets>) => actual.findTickets(db, criteria, limit, 1),
  }
})

// A001's newest ticket is a complaint; older ones of A001's and of the complaints follow.
const entries = [
  ticketOpened(10, { ticketId: 't-old-complaint', details: sampleDetails('complaint') }),
  ticketOpened(11, { ticketId: 't-other-complaint', owner: 'A002', details: sampleDetails('complaint') }),
  ticketOpened(12, { ticketId: 't-tracking', kind: 'trackingInquiry' }),
  ticketOpened(13, { ticketId: 't-new-complaint', details: sampleDetails('complaint') }),
]

describe('tickets screen: a search that stopped reading', () => {
  beforeEach(async () => {
    installApi(fakeApi())
    await seatWith(entries)
    useTicketsScreen.setState({ search: { ...emptySearch, owner: 'A001', kind: 'complaint' } })
  })

  it('shows what it found and asks for a narrower search, in Chinese and in English', async () => {
    renderWithProviders(<TicketsPage />)
    await screen.findByText('找到 1 张工单', undefined, { timeout: 5_000 })
    expect(within(screen.getByRole('table', { name: '查找结果' })).getAllByRole('row')).toHaveLength(2)
    expect(screen.getByRole('status')).toHaveTextContent('已查看最新的 20,000 张工单，没有找到更多符合条件的；更早的工单可能也符合。请加上日期范围、类型、状态或负责人缩小查找。')

    await i18n.changeLanguage('en')
    try {
      expect(await screen.findByRole('status')).toHaveTextContent('Checked the newest 20,000 tickets without finding more matches')
    } finally {
      await i18n.changeLanguage('zh-CN')
    }
  })

  it('says nothing of the kind when the search read all it had to', async () => {
    useTicketsScreen.setState({ search: { ...emptySearch, owner: 'A002' } })
    renderWithProviders(<TicketsPage />)
    await screen.findByText('找到 1 张工单', undefined, { timeout: 5_000 })
    expect(screen.queryByRole('status')).not.toBeInTheDocument()
  })
})
