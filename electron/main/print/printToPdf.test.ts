import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// The Electron binary is not on this machine: a recording stand-in for the `electron` module, as in
// index.test.ts, plays the hidden window and its web contents.
const recorded = vi.hoisted(() => ({
  windows: [] as {
    options: Record<string, unknown>
    url?: string
    destroyed: boolean
    printed: unknown[]
    readyAfter: number
    asked: number
  }[],
  readyAfter: 2,
}))

vi.mock('electron', () => {
  class BrowserWindow {
    readonly record: (typeof recorded.windows)[number]
    readonly webContents: { executeJavaScript: (code: string) => Promise<unknown>; printToPDF: (options: unknown) => Promise<Buffer> }
    constructor(options: Record<string, unknown>) {
      this.record = { options, destroyed: false, printed: [], readyAfter: recorded.readyAfter, asked: 0 }
      recorded.windows.push(this.record)
      this.webContents = {
        executeJavaScript: async (code: string) => {
          expect(code).toContain('printReady')
          this.record.asked++
          return this.record.asked > this.record.readyAfter
        },
        printToPDF: async (printOptions: unknown) => {
          this.record.printed.push(printOptions)
          return Buffer.from('%PDF-1.7 handover')
        },
      }
    }
    loadURL(url: string) {
      this.record.url = url
      return Promise.resolve()
    }
    isDestroyed() {
      return this.record.destroyed
    }
    destroy() {
      this.record.destroyed = true
    }
  }
  return { BrowserWindow }
})

const { createPdfPrinter } = await import('./printToPdf')

let dataDir: string
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'seatdesk-print-'))
  recorded.windows = []
  recorded.readyAfter = 2
})
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

const range = { from: '2026-03-01', to: '2026-03-02' }

describe('printing the handover book to PDF', () => {
  it('loads the print route in a hidden hardened window, waits until it is ready, and writes the PDF', async () => {
    const print = createPdfPrinter({ dataDir, preloadPath: '/app/preload/index.cjs', entryUrl: 'app://seatdesk/index.html', pollMs: 1 })
    const path = await print(range)

    expect(path).toBe(join(dataDir, 'exports', 'handover-2026-03-01-2026-03-02.pdf'))
    expect(await readFile(path, 'utf8')).toBe('%PDF-1.7 handover')
    expect(await readdir(join(dataDir, 'exports'))).toEqual(['handover-2026-03-01-2026-03-02.pdf'])
    const [window] = recorded.windows
    expect(recorded.windows).toHaveLength(1)
    expect(window?.url).toBe('app://seatdesk/index.html#print?from=2026-03-01&to=2026-03-02')
    expect(window?.options).toMatchObject({ show: false })
    expect(window?.options.webPreferences).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
    })
    // Printed only once the route said it was ready.
    expect(window?.asked).toBe(3)
    expect(window?.printed).toEqual([{ pageSize: 'A4', printBackground: true }])
    expect(window?.destroyed).toBe(true)
  })

  it('gives up when the route never becomes ready, writes nothing and closes the window', async () => {
    recorded.readyAfter = Number.POSITIVE_INFINITY
    const print = createPdfPrinter({ dataDir, preloadPath: '/p.cjs', entryUrl: 'app://seatdesk/index.html', readyTimeoutMs: 20, pollMs: 2 })
    await expect(print(range)).rejects.toThrow(/not ready within 20 ms/)
    expect(recorded.windows[0]?.printed).toEqual([])
    expect(recorded.windows[0]?.destroyed).toBe(true)
    await expect(readdir(join(dataDir, 'exports'))).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
