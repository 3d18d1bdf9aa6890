import { resolve } from 'node:path'
import { build } from 'esbuild'
import type { Page } from '@playwright/test'

// The keystroke floor: an empty Mantine page — MantineProvider and one controlled, autosizing
// Textarea like the call notes field, with the same React, Mantine and production build mode as the
// app, and nothing else (no store, no timer, no scripts, no Dexie). Bundled here with esbuild and
// served to the page through `page.route`, so no server or renderer code is involved.

const repoRoot = resolve(import.meta.dirname, '../../..')
export const floorUrl = 'http://floor.bench.invalid/'
export const floorNotesLabel = 'Notes'

const entry = `
import '@mantine/core/styles.css'
import { MantineProvider, Textarea } from '@mantine/core'
import { useState } from 'react'
import { createRoot } from 'react-dom/client'

function Floor() {
  const [notes, setNotes] = useState('')
  return (
    <MantineProvider>
      <main style={{ padding: 24, maxWidth: 720 }}>
        <Textarea label="${floorNotesLabel}" value={notes} onChange={(event) => setNotes(event.currentTarget.value)} autosize minRows={3} maxRows={8} />
      </main>
    </MantineProvider>
  )
}
createRoot(document.getElementById('root')).render(<Floor />)
`

export async function serveFloorPage(page: Page): Promise<void> {
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
    if (!output) throw new Error(`bench: the floor bundle has no ${extension}`)
    return output.text
  }
  const html = '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="floor.css"></head><body><div id="root"></div><script src="floor.js"></script></body></html>'
  const files: Record<string, [string, string]> = {
    '/': ['text/html', html],
    '/floor.js': ['text/javascript', file('.js')],
    '/floor.css': ['text/css', file('.css')],
  }
  await page.route(`${floorUrl}**`, (route) => {
    const [contentType, body] = files[new URL(route.request().url()).pathname] ?? ['text/plain', 'not found']
    return route.fulfill({ contentType, body })
  })
}
