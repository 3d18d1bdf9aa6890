import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from '@playwright/test'
import { demoStaff } from '../../../electron/main/demo/demoAccounts'
import { confirmedChecklist } from '../../../electron/main/demo/demoDesk'
import { startPreviewServer, type PreviewServer } from '../../../electron/preview/previewServer'
import { benchCache, chromiumVersion, contentHash, repoRoot, sourcesUnder } from '../benchCache'
import { LEDGER_YEAR, type LedgerYear } from '../ledgerYear'
import { bridgeCaller, chromiumLaunchOptions, type BridgeCall } from './previewSeat'

// The year of journal in the browser preview, with the renderer's view of it built: how an agent
// meets the seat on a normal day. The first projection of ~200,000 entries takes minutes in the
// preview (its own catch-up through journalRead, 500 entries a transaction), so the data folder and
// the Chromium profile holding the built view are kept together in node_modules/.cache and copied
// for each run; the page then catches up only the sign-in of this run. IndexedDB belongs to an
// origin, so the preview listens on a fixed port. The cache's name is a hash of the year's own
// cache name, the renderer's Dexie schema and projection steps, the Chromium version and the port.

const CACHE_PREFIX = 'ledger-view-'
/** The preview's port: the cached view lives in http://127.0.0.1:<port>'s IndexedDB. */
export const LEDGER_VIEW_PORT = 47_615
/** Who looks at the book: an agent at the seat (checklist confirmed, so the navigation shows). */
export const bookReader = demoStaff[2] as (typeof demoStaff)[number]
const projectionSources = ['renderer/src/db', 'renderer/src/features']
const PROJECTION_POLL_MS = 2_000

/** "Now" of the year's history (the evening before it is its last): where the page's and the preview's clocks stand. */
const yearNow = Date.parse(LEDGER_YEAR.now)

export interface LedgerViewSeat {
  preview: PreviewServer
  context: BrowserContext
  /** The app, signed in as `bookReader`, its view caught up with the journal. */
  page: Page
  headSeq: number
  /** How long the first projection of the year took when the cache was made. */
  projectionMs: number
  reused: boolean
  call: BridgeCall
  close(): Promise<void>
}

interface CacheRecord {
  projectionMs: number
}

/**
 * The page's clock stands at the year's "now" (plus the time since the run started), so the book
 * opens on the year's last week. Only Date moves: timers, frames and performance.now are untouched.
 */
function shiftedDateScript(offsetMs: number): string {
  return `(() => {
    const offset = ${offsetMs}
    const RealDate = Date
    const now = () => RealDate.now() + offset
    globalThis.Date = new Proxy(RealDate, {
      construct: (target, args) => (args.length === 0 ? new target(now()) : new target(...args)),
      apply: () => new RealDate(now()).toString(),
      get: (target, key) => (key === 'now' ? now : Reflect.get(target, key)),
    })
  })()`
}

/** The view's content: the renderer's Dexie schema (renderer/src/db) and each feature's projection steps (…/data). */
async function projectionFiles(): Promise<string[]> {
  const files = (await Promise.all(projectionSources.map(sourcesUnder))).flat()
  return files.filter((file) => file.startsWith('renderer/src/db/') || /\/data\/[^/]+$/.test(file))
}

async function cacheName(year: LedgerYear): Promise<string> {
  const preamble = `${year.cacheName}\n${chromiumVersion(chromiumLaunchOptions.executablePath)}\n${LEDGER_VIEW_PORT}\n${bookReader.employeeNo}\n`
  return contentHash(preamble, await projectionFiles())
}

/**
 * Starts the preview on `dataDir` and opens the app in Chromium with `profile`, signed in as the book
 * reader, and waits until the view has caught up with the journal.
 */
async function openSeat(dataDir: string, profile: string, rendererRoot: string): Promise<LedgerViewSeat & { caughtUpMs: number }> {
  const offset = yearNow - Date.now()
  const preview = await startPreviewServer({ dataDir, rendererRoot, port: LEDGER_VIEW_PORT, clock: { now: () => new Date(Date.now() + offset) } })
  const call = bridgeCaller(preview)
  let context: BrowserContext | null = null
  try {
    await call('signIn', { employeeNo: bookReader.employeeNo, pin: bookReader.pin })
    await call('checklistConfirm', { items: confirmedChecklist, pin: bookReader.pin })
    const { headSeq } = await call('journalRead', { afterSeq: 0, limit: 1 })
    context = await chromium.launchPersistentContext(profile, {
      ...chromiumLaunchOptions,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1280, height: 800 },
    })
    await context.addInitScript(shiftedDateScript(offset))
    const page = context.pages()[0] ?? (await context.newPage())
    const started = performance.now()
    await page.goto(preview.url)
    await page.getByRole('button', { name: '接听' }).waitFor({ timeout: 120_000 })
    while ((await viewSeq(page)) < headSeq) await page.waitForTimeout(PROJECTION_POLL_MS)
    const opened = context
    return {
      preview,
      context: opened,
      page,
      headSeq,
      caughtUpMs: performance.now() - started,
      projectionMs: 0,
      reused: true,
      call,
      close: async () => {
        await opened.close()
        await preview.close()
      },
    }
  } catch (error) {
    await context?.close()
    await preview.close()
    throw error
  }
}

/** The seq the renderer's view has applied, read from its IndexedDB without Dexie (0 before it has one). */
function viewSeq(page: Page): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const request = indexedDB.open('seatdesk')
    request.onerror = () => resolve(0)
    request.onsuccess = () => {
      const database = request.result
      if (!database.objectStoreNames.contains('meta')) {
        database.close()
        return resolve(0)
      }
      const read = database.transaction('meta').objectStore('meta').get('lastSeq')
      read.onsuccess = () => {
        database.close()
        resolve(read.result?.value ?? 0)
      }
      read.onerror = () => {
        database.close()
        resolve(0)
      }
    }
  })`) as Promise<number>
}

/**
 * The year in the preview with its view built, from the cache (written first when missing: the
 * year's data folder signed into, and the profile whose view replayed all of it).
 */
export async function openLedgerView(year: LedgerYear, workDir: string): Promise<LedgerViewSeat> {
  // A copy of the built renderer: a build running beside the bench must not swap files under it.
  const rendererRoot = join(workDir, 'renderer')
  await cp(join(repoRoot, 'out/renderer'), rendererRoot, { recursive: true })
  const cached = await benchCache(CACHE_PREFIX, await cacheName(year), async (folder): Promise<CacheRecord> => {
    await cp(year.dataDir, join(folder, 'seat'), { recursive: true })
    const seat = await openSeat(join(folder, 'seat'), join(folder, 'profile'), rendererRoot)
    // Signed out before the services close: a session left open would come back locked.
    await seat.call('signOut', {})
    await seat.close()
    return { projectionMs: seat.caughtUpMs }
  })
  await cp(join(cached.folder, 'seat'), join(workDir, 'view-seat'), { recursive: true })
  await cp(join(cached.folder, 'profile'), join(workDir, 'view-profile'), { recursive: true })
  const seat = await openSeat(join(workDir, 'view-seat'), join(workDir, 'view-profile'), rendererRoot)
  return { ...seat, projectionMs: cached.record.projectionMs, reused: cached.reused }
}
