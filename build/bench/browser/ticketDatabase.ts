import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { chromiumLaunchOptions } from './previewSeat'
import type { LookupKeys } from './ticketData'
import { openTicketBenchPage } from './ticketPage'

// A million tickets take minutes to write into IndexedDB (each row feeds eighteen indexes), so the
// filled browser profile is kept in node_modules/.cache and copied for each run: the first run writes
// it, later runs start in seconds. The cache is named by a hash of everything that decides its
// content — the Dexie schema, the generator and the scenarios it draws on, the ticket rules that parse
// them, the row count and the Chromium version — so a change to any of them writes a new one (and the
// old is removed). The queries and the projection being measured are not in the hash: they are
// bundled fresh every run.

const repoRoot = resolve(import.meta.dirname, '../../..')
const cacheRoot = join(repoRoot, 'node_modules/.cache/seatdesk-bench')
const FILL_BATCH = 10_000

/** The sources the filled database is made from. */
const contentSources = [
  'renderer/src/db/schema.ts',
  'build/bench/browser/ticketData.ts',
  'build/bench/browser/ticketFill.ts',
  'electron/main/demo/demoTicketScenarios.ts',
  'electron/main/demo/demoTicketContent.ts',
  'electron/main/demo/random.ts',
  'renderer/src/features/tickets/data/ticketDeadlines.ts',
]
const contentFolders = ['shared/domain/tickets', 'shared/domain/tickets/kinds']

export interface TicketDatabase {
  /** A browser profile holding the filled database, the caller's to use and remove. */
  profile: string
  keys: LookupKeys
  /** How long writing the rows took when the cache was made. */
  fillMs: number
  reused: boolean
}

interface CacheRecord {
  count: number
  fillMs: number
  keys: LookupKeys
}

async function cacheName(count: number): Promise<string> {
  const hash = createHash('sha256')
  hash.update(`${count}\n${execFileSync(chromiumLaunchOptions.executablePath, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString()}`)
  const folders = await Promise.all(contentFolders.map(async (folder) => (await readdir(join(repoRoot, folder))).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).map((name) => `${folder}/${name}`)))
  for (const file of [...contentSources, ...folders.flat()].sort()) hash.update(`${file}\n`).update(await readFile(join(repoRoot, file)))
  return `tickets-${count}-${hash.digest('hex').slice(0, 16)}`
}

/** A copy of the cached database in `workDir`, writing the cache first when it is missing. */
export async function ticketDatabase(count: number, workDir: string): Promise<TicketDatabase> {
  const name = await cacheName(count)
  const cached = join(cacheRoot, name)
  const recordFile = join(cached, 'record.json')
  let reused = true
  if (!existsSync(recordFile)) {
    reused = false
    await mkdir(cacheRoot, { recursive: true })
    for (const stale of await readdir(cacheRoot)) if (stale.startsWith('tickets-')) await rm(join(cacheRoot, stale), { recursive: true, force: true })
    const bench = await openTicketBenchPage(join(cached, 'profile'))
    let record: CacheRecord
    try {
      const filled = await bench.run('fill', count, FILL_BATCH)
      record = { count, fillMs: filled.ms, keys: filled.keys }
    } finally {
      await bench.close()
    }
    // Written last: a run interrupted while filling leaves no record, so the next run starts over.
    await writeFile(recordFile, JSON.stringify(record))
  }
  const record = JSON.parse(await readFile(recordFile, 'utf8')) as CacheRecord
  const profile = join(workDir, 'profile')
  await cp(join(cached, 'profile'), profile, { recursive: true })
  return { profile, keys: record.keys, fillMs: record.fillMs, reused }
}
