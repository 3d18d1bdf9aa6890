import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { chromium, type Page } from '@playwright/test'
import { chromiumLaunchOptions } from './previewSeat'
import type { TicketBenchApi } from './ticketBenchPage'

// The ticket benchmarks' page in Debian's Chromium: ticketBenchPage.ts bundled with esbuild (the
// renderer's Dexie schema, projection and queries inside) and served through `page.route`. The
// browser runs on a profile folder the caller gives, so IndexedDB lives on disk as in the app (a
// default Playwright context is incognito-like and would hold a million tickets in memory) and a
// filled database can be kept for the next run (ticketDatabase.ts).

const repoRoot = resolve(import.meta.dirname, '../../..')
const pageUrl = 'https://tickets.bench.invalid/'

export interface TicketBenchPage {
  page: Page
  /** Calls one of the page's bench functions with JSON arguments and answers its JSON result. */
  run<K extends keyof TicketBenchApi>(name: K, ...args: Parameters<TicketBenchApi[K]>): Promise<Awaited<ReturnType<TicketBenchApi[K]>>>
  /** Closes the browser, which writes IndexedDB out to the profile. */
  close(): Promise<void>
}

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(repoRoot, 'build/bench/browser/ticketBenchPage.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  })
  const [output] = result.outputFiles
  if (!output) throw new Error('bench: the ticket page bundle is empty')
  return output.text
}

export async function openTicketBenchPage(profile: string): Promise<TicketBenchPage> {
  const script = await bundle()
  const context = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions, viewport: { width: 800, height: 600 } })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    const html = '<!doctype html><html><head><meta charset="utf-8"></head><body><script src="bench.js"></script></body></html>'
    // Cross-origin isolated, so performance.now() has 5 µs steps rather than 100 µs: the floors are
    // a fraction of a millisecond.
    const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }
    await page.route(`${pageUrl}**`, (route) => {
      const path = new URL(route.request().url()).pathname
      if (path === '/bench.js') return route.fulfill({ contentType: 'text/javascript', body: script, headers })
      return route.fulfill({ contentType: 'text/html', body: html, headers })
    })
    await page.goto(pageUrl)
    await page.waitForFunction('typeof globalThis.ticketBench === "object"')
    if (!(await page.evaluate('globalThis.crossOriginIsolated'))) throw new Error('bench: the ticket page is not cross-origin isolated')
    return {
      page,
      run: (name, ...args) =>
        page.evaluate(([fn, fnArgs]) => (globalThis as unknown as { ticketBench: Record<string, (...a: unknown[]) => unknown> }).ticketBench[fn]?.(...fnArgs), [name, args] as const) as never,
      close: () => context.close(),
    }
  } catch (error) {
    await context.close()
    throw error
  }
}
