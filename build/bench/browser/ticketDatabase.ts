import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import { benchCache, chromiumVersion, contentHash, sourcesUnder } from '../benchCache'
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
const contentFolder = 'shared/domain/tickets'

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
  const preamble = `${count}\n${chromiumVersion(chromiumLaunchOptions.executablePath)}`
  return `${count}-${await contentHash(preamble, [...contentSources, ...(await sourcesUnder(contentFolder))])}`
}

/** A copy of the cached database in `workDir`, writing the cache first when it is missing. */
export async function ticketDatabase(count: number, workDir: string): Promise<TicketDatabase> {
  const cached = await benchCache('tickets-', await cacheName(count), async (folder): Promise<CacheRecord> => {
    const bench = await openTicketBenchPage(join(folder, 'profile'))
    try {
      const filled = await bench.run('fill', count, FILL_BATCH)
      return { count, fillMs: filled.ms, keys: filled.keys }
    } finally {
      await bench.close()
    }
  })
  const profile = join(workDir, 'profile')
  await cp(join(cached.folder, 'profile'), profile, { recursive: true })
  return { profile, keys: cached.record.keys, fillMs: cached.record.fillMs, reused: cached.reused }
}
