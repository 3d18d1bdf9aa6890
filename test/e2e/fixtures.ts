import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron, test as base, type ElectronApplication } from '@playwright/test'
import type { Clock } from '../../electron/main/clock'
import { appEntryUrl } from '../../electron/main/security/appOrigin'
import { ensureDemoSeat, type DemoAccount } from '../../electron/preview/demoSeat'
import { startPreviewServer } from '../../electron/preview/previewServer'

// Every spec runs against a fresh seat: its own temporary data folder and its own server (or app).
// By default that is the browser preview, started in-process. With SEATDESK_E2E_ELECTRON=1 and an
// Electron binary on disk, the same specs drive the real app (`page` is then its window).

const repoRoot = resolve(import.meta.dirname, '../..')
const useElectron = process.env.SEATDESK_E2E_ELECTRON === '1'

export type Runtime = 'browserPreview' | 'electron'

export interface SeatDesk {
  runtime: Runtime
  dataDir: string
  /** The preview's address with its token; null under Electron. */
  url: string | null
  /** The preview's bridge token; null under Electron. */
  token: string | null
  /** Set when the test asked for `demo: true`. */
  demoAccounts: DemoAccount[] | null
  /** Shows the app's start page. Install `page.clock` before calling it to control the page's time. */
  open(): Promise<void>
  /**
   * Stops the preview and starts a new one on the same data folder and port, as an app restart
   * would (the same origin keeps the page's Dexie projection, as the desktop app's app:// does). The
   * token is new: `open()` again to load the page with it. Browser preview only.
   */
  restart(): Promise<void>
  /**
   * The preview's clock, when the test set `serverTime`: it runs from that instant at real speed and
   * `advance` jumps it, as `page.clock.fastForward` does for the page. Null under Electron.
   */
  serverClock: ShiftedClock | null
}

/** Runs at real speed from a chosen instant; `advance` jumps it forward. */
export interface ShiftedClock extends Clock {
  advance(ms: number): void
}

function shiftedClock(start: string): ShiftedClock {
  const realStart = Date.now()
  const startMs = Date.parse(start)
  let jumped = 0
  return {
    now: () => new Date(startMs + (Date.now() - realStart) + jumped),
    advance: (ms) => {
      jumped += ms
    },
  }
}

interface Options {
  /** Start on a demo seat instead of an empty one: `test.use({ demo: true })`. */
  demo: boolean
  /**
   * Start the preview's clock at this instant (ISO with offset) instead of the system time, for
   * deadlines that depend on the date (a holiday week). Pair it with `page.clock.install({ time })`.
   */
  serverTime: string | null
}

interface Fixtures {
  dataDir: string
  /** Under Electron the demo seat is written before the app starts (the preview writes its own). */
  electronDemoAccounts: DemoAccount[] | null
  electronApp: ElectronApplication | null
  seatDesk: SeatDesk
}

/** The Electron binary's path when one is installed (require('electron') throws when it is not). */
export function electronBinary(): string | null {
  try {
    const path: unknown = createRequire(import.meta.url)('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

export const test = base.extend<Options & Fixtures>({
  demo: [false, { option: true }],
  serverTime: [null, { option: true }],

  // Playwright reads a fixture's dependencies from this destructuring; this one has none.
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'seatdesk-e2e-'))
    await use(dataDir)
    await rm(dataDir, { recursive: true, force: true })
  },

  electronDemoAccounts: async ({ dataDir, demo }, use) => {
    await use(useElectron && demo ? await ensureDemoSeat(dataDir) : null)
  },

  electronApp: async ({ dataDir, electronDemoAccounts: _seeded }, use) => {
    if (!useElectron) return use(null)
    const executablePath = electronBinary()
    if (!executablePath) throw new Error('SEATDESK_E2E_ELECTRON=1 but no Electron binary is installed.')
    const app = await _electron.launch({
      executablePath,
      args: [join(repoRoot, 'out/main/index.js'), `--user-data-dir=${dataDir}`],
      cwd: repoRoot,
    })
    await use(app)
    await app.close()
  },

  page: async ({ page, electronApp }, use) => {
    await use(electronApp ? await electronApp.firstWindow() : page)
  },

  seatDesk: async ({ dataDir, demo, serverTime, electronApp, electronDemoAccounts, page }, use) => {
    if (electronApp) {
      return use({
        runtime: 'electron',
        dataDir,
        url: null,
        token: null,
        demoAccounts: electronDemoAccounts,
        open: async () => {
          await page.goto(appEntryUrl)
        },
        restart: () => Promise.reject(new Error('restart() is for the browser preview; relaunch the Electron app instead')),
        serverClock: null,
      })
    }
    const serverClock = serverTime === null ? null : shiftedClock(serverTime)
    const clockOption = serverClock ? { clock: serverClock } : {}
    let preview = await startPreviewServer({ dataDir, demo, ...clockOption })
    await use({
      runtime: 'browserPreview',
      dataDir,
      get url() {
        return preview.url
      },
      get token() {
        return preview.token
      },
      demoAccounts: preview.demoAccounts,
      open: async () => {
        await page.goto(preview.url)
      },
      restart: async () => {
        await preview.close()
        preview = await startPreviewServer({ dataDir, port: preview.port, ...clockOption })
      },
      serverClock,
    })
    await preview.close()
  },
})

export { expect } from '@playwright/test'
