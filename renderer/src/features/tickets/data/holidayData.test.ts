import type { PublicHolidaySource } from '../../../../../shared/domain/tickets/publicHolidays'
import { openSeatDeskDb, readMeta, type SeatDeskDb, type TicketRow } from '../../../db/schema'
import { catchUp, createProjectionSync } from '../../../db/sync'
import { journalReader } from '../../../testing/fakeApi'
import { sampleDetails, ticketOpened } from '../../../testing/tickets'
import { refreshDeadlinesForHolidayData, shippedHolidayFingerprint } from './holidayData'

// The app's holiday tables change only with an app update. Here chinese-days stands behind a switch:
// the "old build" has the library as it is (no 2027), the "new build" adds a 2027 notice.
const tables = vi.hoisted(() => ({ current: 'old' as 'old' | 'new' }))

vi.mock('../../../../../shared/domain/tickets/publicHolidays', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../../shared/domain/tickets/publicHolidays')>()
  const library = actual.createChineseDaysSource()
  // 元旦 2027 falls on a Friday: Friday to Sunday off.
  const notice2027 = actual.publicHolidaysFromTable({ holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] })
  const newBuild: PublicHolidaySource = {
    isYearCovered: (year) => library.isYearCovered(year) || notice2027.isYearCovered(year),
    lookup: (date) => library.lookup(date) ?? notice2027.lookup(date),
  }
  const switched: PublicHolidaySource = {
    isYearCovered: (year) => (tables.current === 'new' ? newBuild : library).isYearCovered(year),
    lookup: (date) => (tables.current === 'new' ? newBuild : library).lookup(date),
  }
  return { ...actual, chineseDaysSource: () => switched }
})

const { chineseDaysSource, publicHolidayFingerprint } = await import('../../../../../shared/domain/tickets/publicHolidays')

let dbCount = 0
const freshDb = () => openSeatDeskDb(`holiday-data-test-${++dbCount}`)
const fingerprintOf = (build: 'old' | 'new') => {
  const before = tables.current
  tables.current = build
  try {
    return publicHolidayFingerprint(chineseDaysSource())
  } finally {
    tables.current = before
  }
}

// A complaint opened on the last day of 2026 about the day before (its clocks count working days: into
// 2027), and an overcharge whose 2-hour clock no calendar touches.
const entries = [
  ticketOpened(
    1,
    { ticketId: 't-complaint', details: sampleDetails('complaint', { incidentAt: '2026-12-30T02:00:00.000Z' }) },
    { ts: '2026-12-31T02:00:00.000Z' },
  ),
  ticketOpened(2, { ticketId: 't-overcharge', kind: 'overcharge' }, { ts: '2026-12-31T03:00:00.000Z' }),
]
const now = '2027-01-02T04:00:00.000Z'
const deadlineOf = (row: TicketRow | undefined) => row && { nextDueAt: row.nextDueAt, nextDueWhat: row.nextDueWhat, dueProblem: row.dueProblem, pausedNow: row.pausedNow }

/** The view as the old build left it: built from the journal with its tables, and saying so. */
async function builtByOldBuild(): Promise<SeatDeskDb> {
  tables.current = 'old'
  const db = freshDb()
  await catchUp(db, journalReader(entries))
  await db.meta.put({ key: 'holidayData', value: fingerprintOf('old') })
  return db
}

/** The view a new build replays from scratch: what the refreshed one must equal. */
async function replayedByNewBuild(): Promise<SeatDeskDb> {
  tables.current = 'new'
  const db = freshDb()
  await catchUp(db, journalReader(entries))
  return db
}

afterEach(() => {
  tables.current = 'old'
})

describe('deadlines when the app ships other holiday tables', () => {
  it('tells the two builds apart by their fingerprints', () => {
    expect(fingerprintOf('old')).not.toBe(fingerprintOf('new'))
    expect(fingerprintOf('old')).toMatch(/^2004-2026:/)
    expect(fingerprintOf('new')).toMatch(/^2004-2027:/)
  })

  it('recomputes open tickets once the tables differ, to what a replay with the new ones gives', async () => {
    const db = await builtByOldBuild()
    expect((await db.tickets.get('t-complaint'))?.dueProblem).toMatchObject({ reason: 'calendarNotCovered', year: 2027 })

    // Same tables: nothing is read or written again.
    expect(await refreshDeadlinesForHolidayData(db, now, fingerprintOf('old'))).toEqual({ state: 'current' })
    expect((await db.tickets.get('t-complaint'))?.dueProblem).toMatchObject({ reason: 'calendarNotCovered', year: 2027 })

    const clean = await replayedByNewBuild()
    const updated = await refreshDeadlinesForHolidayData(db, now, fingerprintOf('new'))
    // Only the complaint's deadline moves: the overcharge's does not depend on the calendar.
    expect(updated).toEqual({ state: 'recomputed', changed: 1 })
    const complaint = await db.tickets.get('t-complaint')
    expect(complaint?.dueProblem).toBeNull()
    // One working day after Thursday 31 December: Monday 4 January 2027, after the three days off.
    expect(complaint?.nextDueAt?.slice(0, 10)).toBe('2027-01-04')
    expect(deadlineOf(complaint)).toEqual(deadlineOf(await clean.tickets.get('t-complaint')))
    expect(deadlineOf(await db.tickets.get('t-overcharge'))).toEqual(deadlineOf(await clean.tickets.get('t-overcharge')))
    expect(await readMeta(db, 'holidayData')).toBe(fingerprintOf('new'))
    // And only once.
    expect(await refreshDeadlinesForHolidayData(db, now, fingerprintOf('new'))).toEqual({ state: 'current' })
  })

  it('recomputes a view that never recorded its tables (built before this check existed)', async () => {
    const db = await builtByOldBuild()
    await db.meta.delete('holidayData')
    tables.current = 'new'
    expect(await refreshDeadlinesForHolidayData(db, now, fingerprintOf('new'))).toEqual({ state: 'recomputed', changed: 1 })
  })

  it('only records the tables on an empty view: the replay computes with them', async () => {
    const db = freshDb()
    expect(await refreshDeadlinesForHolidayData(db, now, 'some-tables')).toEqual({ state: 'stamped' })
    expect(await readMeta(db, 'holidayData')).toBe('some-tables')
  })

  // The only test here that asks for this build's fingerprint (it is computed once per run): the
  // build it sees is the new one.
  it('the projection sync checks on its first catch-up, as of the time it starts', async () => {
    const db = await builtByOldBuild()
    tables.current = 'new'
    const read = vi.fn(journalReader(entries))
    const sync = createProjectionSync(db, read, { now: () => new Date(now) })
    await sync.requestCatchUp()
    expect(shippedHolidayFingerprint()).toBe(fingerprintOf('new'))
    expect(await readMeta(db, 'holidayData')).toBe(fingerprintOf('new'))
    expect((await db.tickets.get('t-complaint'))?.nextDueAt?.slice(0, 10)).toBe('2027-01-04')

    // Checked once per start: a later catch-up leaves the rows to the journal.
    await db.tickets.update('t-complaint', { nextDueAt: null })
    await db.meta.delete('holidayData')
    await sync.requestCatchUp()
    expect((await db.tickets.get('t-complaint'))?.nextDueAt).toBeNull()
    expect(read).toHaveBeenCalled()
  })
})
