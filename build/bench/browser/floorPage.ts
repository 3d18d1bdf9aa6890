import type { Page } from '@playwright/test'
import { serveBundledPage } from './bundledPage'

// The keystroke floor: an empty Mantine page — MantineProvider and one controlled, autosizing
// Textarea like the call notes field, with the same React, Mantine and production build mode as the
// app, and nothing else (no store, no timer, no scripts, no Dexie). Served by bundledPage.ts.

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
  await serveBundledPage(page, { url: floorUrl, entry, lang: 'en' })
}
