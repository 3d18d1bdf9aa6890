import { build } from 'esbuild'
import type { Page } from '@playwright/test'
import { repoRoot } from '../benchCache'

// The floor pages: a React + Mantine entry bundled with esbuild in the same production mode as the
// app, and served to the page through `page.route`, so no server or renderer code is involved.

export interface BundledPage {
  /** Where the page is served (an .invalid host: only the route answers it). */
  url: string
  /** The page's TSX, resolved from the repository (its React, Mantine and styles). */
  entry: string
  lang: string
  /** Extra markup in <head>, before the bundle runs. */
  head?: string
}

/** Serves the bundled entry on `page` at `url` (call before `goto(url)`). */
export async function serveBundledPage(page: Page, { url, entry, lang, head = '' }: BundledPage): Promise<void> {
  const bundle = await build({
    stdin: { contents: entry, loader: 'tsx', resolveDir: repoRoot, sourcefile: 'floor.tsx' },
    bundle: true,
    write: false,
    outdir: 'floor',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  })
  const file = (extension: string) => {
    const output = bundle.outputFiles.find((candidate) => candidate.path.endsWith(extension))
    if (!output) throw new Error(`bench: the bundle for ${url} has no ${extension}`)
    return output.text
  }
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><link rel="stylesheet" href="floor.css">${head}</head><body><div id="root"></div><script src="floor.js"></script></body></html>`
  const files: Record<string, [string, string]> = {
    '/': ['text/html', html],
    '/floor.js': ['text/javascript', file('.js')],
    '/floor.css': ['text/css', file('.css')],
  }
  await page.route(`${url}**`, (route) => {
    const [contentType, body] = files[new URL(route.request().url()).pathname] ?? ['text/plain', 'not found']
    return route.fulfill({ contentType, body })
  })
}
