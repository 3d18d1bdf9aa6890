import { join } from 'node:path'
import { BrowserWindow } from 'electron'
import { writeFileAtomic } from '../keys/atomicWrite'
import { mainWindowOptions } from '../window'

// handoverPrintPdf in the Electron shell: the renderer's print route (it renders the handover pages of
// the dates and sets `document.body.dataset.printReady = "1"` when they are laid out) is loaded in a
// hidden window built from the same hardened options as the main window, printed to A4 by Chromium and
// written durably to <dataDir>/exports/. The page reads the book through the same preload API, so it
// prints exactly what the screens show.

export interface PdfPrinterOptions {
  dataDir: string
  preloadPath: string
  /** The app's entry page: app://seatdesk/index.html, or the dev server's in `electron-vite dev`. */
  entryUrl: string
  /** How long the route may take to say it is ready (default 30 s). */
  readyTimeoutMs?: number
  /** How often to ask whether it is (default 100 ms). */
  pollMs?: number
}

export type PrintRange = { from: string; to: string }

export function printRouteUrl(entryUrl: string, range: PrintRange): string {
  const query = new URLSearchParams({ from: range.from, to: range.to })
  return `${entryUrl}#print?${query.toString()}`
}

export function pdfPath(dataDir: string, range: PrintRange): string {
  return join(dataDir, 'exports', `handover-${range.from}-${range.to}.pdf`)
}

export function createPdfPrinter(options: PdfPrinterOptions): (range: PrintRange) => Promise<string> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000
  const pollMs = options.pollMs ?? 100
  return async (range) => {
    // Never shown and never given DevTools: only the options' `show: false` window is created.
    const window = new BrowserWindow(mainWindowOptions(options.preloadPath, { devTools: false }))
    try {
      await window.loadURL(printRouteUrl(options.entryUrl, range))
      await waitForPrintReady(window, readyTimeoutMs, pollMs)
      const pdf = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true })
      const path = pdfPath(options.dataDir, range)
      await writeFileAtomic(path, pdf, 0o644)
      return path
    } finally {
      if (!window.isDestroyed()) window.destroy()
    }
  }
}

async function waitForPrintReady(window: BrowserWindow, timeoutMs: number, pollMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (window.isDestroyed()) throw new Error('the print window closed before the pages were ready')
    const ready: unknown = await window.webContents.executeJavaScript('document.body?.dataset.printReady === "1"', false)
    if (ready === true) return
    if (Date.now() >= deadline) throw new Error(`the print route was not ready within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, pollMs))
  }
}
