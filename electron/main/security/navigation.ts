import type { WebContents } from 'electron'
import { isTrustedUrl, type TrustedOrigin } from './appOrigin'

// A page that navigates away would keep the preload and with it the whole IPC contract, so the
// window may only ever show the app's own pages. Links to elsewhere are not opened at all: a seat
// agent's desktop app has no reason to start a browser.

export function hardenWebContents(contents: WebContents, origins: readonly TrustedOrigin[]): void {
  contents.on('will-navigate', (event) => {
    if (!isTrustedUrl(event.url, origins)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isTrustedUrl(event.url, origins)) event.preventDefault()
  })
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  // <webview> is off in webPreferences already; this also stops one being attached by other means.
  contents.on('will-attach-webview', (event) => event.preventDefault())
}
