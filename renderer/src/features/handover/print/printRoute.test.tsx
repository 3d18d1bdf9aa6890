import { screen } from '@testing-library/react'
import { AppRoot } from '../../../app/App'
import { useAppStore } from '../../../app/appStore'
import { installApi } from '../../../api/client'
import { db } from '../../../db/schema'
import { fakeApi, journalEntry, journalReader, ok, seatGenesis, testSeat, testSession } from '../../../testing/fakeApi'
import { renderWithProviders } from '../../../testing/render'
import { printHash, printRangeOf } from './printRoute'

describe('the print route', () => {
  it('reads a range of China dates from the hash, and nothing else', () => {
    expect(printRangeOf('#print?from=2026-11-01&to=2026-11-30')).toEqual({ from: '2026-11-01', to: '2026-11-30' })
    expect(printRangeOf(printHash({ from: '2026-11-24', to: '2026-11-24' }))).toEqual({ from: '2026-11-24', to: '2026-11-24' })
    expect(printRangeOf('#print?from=2026-11-30&to=2026-11-01')).toBeNull()
    expect(printRangeOf('#print?from=2026-02-30&to=2026-03-01')).toBeNull()
    expect(printRangeOf('#print?from=2026-11-01')).toBeNull()
    expect(printRangeOf('#tickets')).toBeNull()
  })
})

describe('the app at #print?', () => {
  const okJournal = { state: 'ok' as const, headSeq: 0, recovered: null }

  beforeEach(async () => {
    useAppStore.setState({ boot: 'loading', seat: null, journal: null, session: null, screen: 'shift' })
    await Promise.all(db.tables.map((table) => table.clear()))
    window.location.hash = '#print?from=2026-11-24&to=2026-11-24'
  })
  afterEach(() => {
    window.location.hash = ''
  })

  it('shows only the book, caught up with the journal, to a signed-in session', async () => {
    const entries = [...seatGenesis(), journalEntry(3, 'user.added', { employeeNo: 'E002', name: '张伟', role: 'agent', publicKey: 'a2V5' })]
    const read = journalReader(entries)
    installApi(
      fakeApi({
        seatStatus: async () => ok({ seat: testSeat, journal: okJournal }),
        sessionCurrent: async () => ok(testSession()),
        journalRead: async ({ afterSeq, limit }) => ok(await read(afterSeq, limit)),
      }),
    )
    renderWithProviders(<AppRoot />)
    expect(await screen.findByRole('toolbar', { name: '打印工具栏' })).toBeInTheDocument()
    expect(await screen.findByText('2026-11-24 至 2026-11-24 没有已签字的交接页。')).toBeInTheDocument()
    expect(screen.queryByTestId('app-shell')).not.toBeInTheDocument()
    // The view read the journal before it printed.
    expect(await db.users.get('E002')).toMatchObject({ name: '张伟' })
  })

  it('asks for a sign-in first: the journal is read only with a session', async () => {
    installApi(fakeApi({ seatStatus: async () => ok({ seat: testSeat, journal: okJournal }), sessionCurrent: async () => ok(null) }))
    renderWithProviders(<AppRoot />)
    expect(await screen.findByRole('button', { name: '签到' })).toBeInTheDocument()
    expect(screen.queryByRole('toolbar', { name: '打印工具栏' })).not.toBeInTheDocument()
  })
})
