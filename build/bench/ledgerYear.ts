import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import { manualClock } from '../../electron/main/clock'
import { createDemoSeat } from '../../electron/main/demo/createDemoSeat'
import { benchCache, contentHash, sourcesUnder } from './benchCache'

// A year of one seat's journal for the ledger figures (issue 5): the demo generator's history, about
// 200,000 entries over 365 days with two countersigned handover pages a day. Writing it takes a few
// minutes, so the data folder is kept in node_modules/.cache/seatdesk-bench/ and copied for each run
// (the preview signs in, which appends). Its name is a hash of what decides its content — the demo
// generator, the journal's entry kinds and the domain schemas its payloads follow, and the options
// below — so a change to any of them writes it again (and the old one is removed).

const CACHE_PREFIX = 'ledger-year-'

export const LEDGER_YEAR = {
  entries: 200_000,
  days: 365,
  /** "Now" of the generated year: fixed, so the cache does not age with the calendar. */
  now: '2026-11-20T04:00:00.000Z',
  seed: 20_260_101,
} as const

/** Folders whose sources decide the year's entries (their .ts files, tests excluded, recursively). */
const contentFolders = ['electron/main/demo', 'shared/journal', 'shared/domain']

export interface LedgerYear {
  /** Names the cached year: caches built from it (the browser view) include it in their own names. */
  cacheName: string
  /** A copy of the cached seat data folder in the caller's work folder. */
  dataDir: string
  entries: number
  /** How long writing it took when the cache was made. */
  generateMs: number
  reused: boolean
}

interface CacheRecord {
  entries: number
  generateMs: number
}

/** A copy of the cached year in `workDir`, writing the cache first when it is missing (or `rewrite`). */
export async function ledgerYear(workDir: string, options: { rewrite?: boolean } = {}): Promise<LedgerYear> {
  const files = (await Promise.all(contentFolders.map(sourcesUnder))).flat()
  const name = `${LEDGER_YEAR.entries}-${await contentHash(JSON.stringify(LEDGER_YEAR), files)}`
  const cached = await benchCache(
    CACHE_PREFIX,
    name,
    async (folder): Promise<CacheRecord> => {
      const started = performance.now()
      const demo = await createDemoSeat({
        dataDir: join(folder, 'seat'),
        entries: LEDGER_YEAR.entries,
        days: LEDGER_YEAR.days,
        seed: LEDGER_YEAR.seed,
        clock: manualClock(LEDGER_YEAR.now),
      })
      return { entries: demo.entries, generateMs: performance.now() - started }
    },
    options,
  )
  const dataDir = join(workDir, 'seat')
  await cp(join(cached.folder, 'seat'), dataDir, { recursive: true })
  return { cacheName: `${CACHE_PREFIX}${name}`, dataDir, entries: cached.record.entries, generateMs: cached.record.generateMs, reused: cached.reused }
}
