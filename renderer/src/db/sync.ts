import { create } from 'zustand'
import type { JournalEntry } from '../../../shared/journal/entry'
import { call, onJournalMayHaveChanged } from '../api/client'
import { holidayDataMeta, refreshDeadlinesForHolidayData } from '../features/tickets/data/holidayData'
import { applyEntries } from './projection'
import { db as appDb, projectionTableNames, readMeta, type SeatDeskDb } from './schema'

export type JournalPage = { entries: JournalEntry[]; headSeq: number }
export type ReadJournal = (afterSeq: number, limit: number) => Promise<JournalPage>
export type Progress = (done: number, headSeq: number) => void
/**
 * The journal no longer holds what the view was built from: it is shorter than the view
 * (`shorter`: truncated, or restored from an older backup), or the entry at the view's last seq has
 * another hash (`differentHash`: replaced or rewritten). The view is rebuilt either way, but a
 * supervisor must hear about it.
 */
export type JournalMismatch =
  | { kind: 'shorter'; viewSeq: number; headSeq: number }
  | { kind: 'differentHash'; seq: number }

const PAGE_SIZE = 500

/** Empties the view for a replay, which computes every deadline with this build's holiday tables. */
export async function clearProjection(database: SeatDeskDb): Promise<void> {
  await database.transaction('rw', projectionTableNames, async () => {
    await Promise.all(projectionTableNames.map((name) => database[name].clear()))
    await database.meta.put(holidayDataMeta())
  })
}

/**
 * Brings the view up to the journal's head, one page per transaction (a page is applied whole or
 * not at all, with `lastSeq`). With `checkLastEntry`, first makes sure the entry the view last
 * applied is still the journal's: another data folder or a restored backup means a full rebuild.
 */
export async function catchUp(
  database: SeatDeskDb,
  read: ReadJournal,
  options: { checkLastEntry?: boolean; onProgress?: Progress; onMismatch?: (mismatch: JournalMismatch) => void } = {},
): Promise<{ lastSeq: number; headSeq: number }> {
  let lastSeq = (await readMeta(database, 'lastSeq')) ?? 0
  if (options.checkLastEntry && lastSeq > 0) {
    const probe = await read(lastSeq - 1, 1)
    const lastHash = await readMeta(database, 'lastHash')
    if (probe.headSeq < lastSeq) options.onMismatch?.({ kind: 'shorter', viewSeq: lastSeq, headSeq: probe.headSeq })
    else if (probe.entries[0]?.hash !== lastHash) options.onMismatch?.({ kind: 'differentHash', seq: lastSeq })
    if (probe.headSeq < lastSeq || probe.entries[0]?.hash !== lastHash) {
      await clearProjection(database)
      lastSeq = 0
    }
  }
  for (;;) {
    const page = await read(lastSeq, PAGE_SIZE)
    if (page.headSeq < lastSeq) {
      // The journal is shorter than what the view has seen: it is not the same journal.
      options.onMismatch?.({ kind: 'shorter', viewSeq: lastSeq, headSeq: page.headSeq })
      await clearProjection(database)
      lastSeq = 0
      continue
    }
    const fresh = page.entries.filter((entry) => entry.seq > lastSeq)
    const last = fresh.at(-1)
    if (!last) {
      options.onProgress?.(lastSeq, page.headSeq)
      return { lastSeq, headSeq: page.headSeq }
    }
    await database.transaction('rw', projectionTableNames, async () => {
      await applyEntries(database, fresh)
      await database.meta.bulkPut([
        { key: 'lastSeq', value: last.seq },
        { key: 'lastHash', value: last.hash },
      ])
    })
    lastSeq = last.seq
    options.onProgress?.(lastSeq, page.headSeq)
    if (lastSeq >= page.headSeq) return { lastSeq, headSeq: page.headSeq }
  }
}

/** Clears the view and replays the whole journal, reporting entries done against the head. */
export async function rebuild(database: SeatDeskDb, read: ReadJournal, onProgress?: Progress) {
  await clearProjection(database)
  return catchUp(database, read, onProgress ? { onProgress } : {})
}

// What the journal screen shows about the view: the journal's head and a running rebuild; and, for
// the whole app, the last time the journal turned out not to hold what the view was built from.
interface ProjectionState {
  headSeq: number | null
  rebuilding: { done: number; headSeq: number } | null
  error: unknown
  mismatch: JournalMismatch | null
}
export const useProjectionStore = create<ProjectionState>(() => ({ headSeq: null, rebuilding: null, error: null, mismatch: null }))

export const readJournalFromMain: ReadJournal = (afterSeq, limit) => call('journalRead', { afterSeq, limit })

export type ProjectionSyncOptions = {
  /**
   * Whether the journal may be read now. Main answers journalRead only for a signed-in session (the
   * journal names customers), so the app passes "someone is signed in": until then no catch-up runs,
   * and one cut short by a sign-out is not an error to show.
   */
  mayRead?: () => boolean
  /** The time a holiday-data refresh computes deadlines as of. */
  now?: () => Date
}

/**
 * Runs catch-ups and rebuilds one at a time, in the order asked, against the app's database: both
 * write the view and its `lastSeq`, so two at once would apply a page twice. A catch-up requested
 * while another waits to start joins it, so a burst of calls costs at most two catch-ups. The first
 * catch-up first brings stored deadlines up to this build's holiday tables (holidayData.ts).
 */
export function createProjectionSync(database: SeatDeskDb = appDb, read: ReadJournal = readJournalFromMain, options: ProjectionSyncOptions = {}) {
  const mayRead = options.mayRead ?? (() => true)
  const now = options.now ?? (() => new Date())
  let tail: Promise<unknown> = Promise.resolve()
  let queuedCatchUp: Promise<void> | null = null
  let checkLastEntry = true
  let holidayDataChecked = false
  // Asked again before every page: a sign-out can come between two, and main would refuse the read.
  const readWhileSignedIn: ReadJournal = (afterSeq, limit) =>
    mayRead() ? read(afterSeq, limit) : Promise.reject(new Error('signed out: the view waits for the next sign-in'))

  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const result = tail.then(task)
    tail = result.catch(() => undefined)
    return result
  }

  const onMismatch = (mismatch: JournalMismatch) => useProjectionStore.setState({ mismatch })

  const checkHolidayData = async () => {
    if (holidayDataChecked) return
    await refreshDeadlinesForHolidayData(database, now().toISOString())
    holidayDataChecked = true
  }

  const runCatchUp = async () => {
    // Asked for while signed in, run after a sign-out: main would refuse the read.
    if (!mayRead()) return
    try {
      await checkHolidayData()
      const { headSeq } = await catchUp(database, readWhileSignedIn, { checkLastEntry, onMismatch })
      checkLastEntry = false
      useProjectionStore.setState({ headSeq, error: null })
    } catch (error) {
      // A refusal because the session ended meanwhile is expected; the next sign-in catches up by seq.
      if (mayRead()) useProjectionStore.setState({ error })
    }
  }

  const requestCatchUp = (): Promise<void> => {
    if (!mayRead()) return Promise.resolve()
    if (queuedCatchUp) return queuedCatchUp
    const queued = enqueue(async () => {
      // From here on a new request needs a run of its own: this one may already have read its page.
      queuedCatchUp = null
      await runCatchUp()
    })
    queuedCatchUp = queued
    return queued
  }

  /** Resolves true when the view was rebuilt; a failure is left in the store for the screen. */
  const rebuildWithProgress = (): Promise<boolean> => {
    useProjectionStore.setState({ rebuilding: { done: 0, headSeq: useProjectionStore.getState().headSeq ?? 0 }, error: null })
    return enqueue(async () => {
      try {
        const { headSeq } = await rebuild(database, readWhileSignedIn, (done, head) =>
          useProjectionStore.setState({ rebuilding: { done, headSeq: head } }),
        )
        checkLastEntry = false
        useProjectionStore.setState({ headSeq })
        return true
      } catch (error) {
        if (mayRead()) useProjectionStore.setState({ error })
        return false
      } finally {
        useProjectionStore.setState({ rebuilding: null })
      }
    })
  }

  /** Follows every call that may have written to the journal; returns the way to stop. */
  const listen = () => onJournalMayHaveChanged(() => void requestCatchUp())
  return { requestCatchUp, rebuild: rebuildWithProgress, listen }
}

export type ProjectionSync = ReturnType<typeof createProjectionSync>
