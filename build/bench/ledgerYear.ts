import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { manualClock } from '../../electron/main/clock'
import { createDemoSeat } from '../../electron/main/demo/createDemoSeat'

// A year of one seat's journal for the ledger figures (issue 5): the demo generator's history, about
// 200,000 entries over 365 days with two countersigned handover pages a day. Writing it takes a few
// minutes, so the data folder is kept in node_modules/.cache/seatdesk-bench/ and copied for each run
// (the preview signs in, which appends). Its name is a hash of what decides its content — the demo
// generator, the journal's entry kinds and the domain schemas its payloads follow, and the options
// below — so a change to any of them writes it again (and the old one is removed).

const repoRoot = resolve(import.meta.dirname, '../..')
const cacheRoot = join(repoRoot, 'node_modules/.cache/seatdesk-bench')
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

async function sourcesOf(folder: string): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(join(repoRoot, folder), { withFileTypes: true })) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) found.push(...(await sourcesOf(path)))
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) found.push(path)
  }
  return found
}

async function cacheName(): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify(LEDGER_YEAR))
  const files = (await Promise.all(contentFolders.map(sourcesOf))).flat().sort()
  for (const file of files) hash.update(`${file}\n`).update(await readFile(join(repoRoot, file)))
  return `${CACHE_PREFIX}${LEDGER_YEAR.entries}-${hash.digest('hex').slice(0, 16)}`
}

/** A copy of the cached year in `workDir`, writing the cache first when it is missing (or `rewrite`). */
export async function ledgerYear(workDir: string, options: { rewrite?: boolean } = {}): Promise<LedgerYear> {
  const name = await cacheName()
  const cached = join(cacheRoot, name)
  const recordFile = join(cached, 'record.json')
  let reused = true
  if (options.rewrite || !existsSync(recordFile)) {
    reused = false
    await mkdir(cacheRoot, { recursive: true })
    for (const stale of await readdir(cacheRoot)) if (stale.startsWith(CACHE_PREFIX)) await rm(join(cacheRoot, stale), { recursive: true, force: true })
    const writing = join(cacheRoot, `${name}.writing`)
    await rm(writing, { recursive: true, force: true })
    await mkdir(writing, { recursive: true })
    const started = performance.now()
    const demo = await createDemoSeat({
      dataDir: join(writing, 'seat'),
      entries: LEDGER_YEAR.entries,
      days: LEDGER_YEAR.days,
      seed: LEDGER_YEAR.seed,
      clock: manualClock(LEDGER_YEAR.now),
    })
    const record: CacheRecord = { entries: demo.entries, generateMs: performance.now() - started }
    // Written last, then moved into place: an interrupted run leaves no record, and the next starts over.
    await writeFile(join(writing, 'record.json'), JSON.stringify(record))
    await rename(writing, cached)
  }
  const record = JSON.parse(await readFile(recordFile, 'utf8')) as CacheRecord
  const dataDir = join(workDir, 'seat')
  await cp(join(cached, 'seat'), dataDir, { recursive: true })
  return { cacheName: name, dataDir, entries: record.entries, generateMs: record.generateMs, reused }
}
