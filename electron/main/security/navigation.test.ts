import { EventEmitter } from 'node:events'
import type { WebContents } from 'electron'
import { describe, expect, it } from 'vitest'
import { trustedOrigins } from './appOrigin'
import { hardenWebContents } from './navigation'

// A WebContents stand-in: an event emitter plus the window-open handler slot.
class FakeWebContents extends EventEmitter {
  windowOpenHandler: (() => unknown) | null = null
  setWindowOpenHandler(handler: () => unknown): void {
    this.windowOpenHandler = handler
  }
  /** Emits like Electron does and says whether a listener prevented the default. */
  attempt(eventName: string, url: string): boolean {
    let prevented = false
    this.emit(eventName, { url, preventDefault: () => (prevented = true) })
    return prevented
  }
}

function hardened(devUrl?: string): FakeWebContents {
  const contents = new FakeWebContents()
  hardenWebContents(contents as unknown as WebContents, trustedOrigins(devUrl))
  return contents
}

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-redirect'])('%s to another origin is prevented', (eventName) => {
    const contents = hardened()
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other-host/', 'http://127.0.0.1:3000/']) {
      expect(contents.attempt(eventName, url), url).toBe(true)
    }
  })

  it.each(['will-navigate', 'will-redirect'])('%s within the app is allowed', (eventName) => {
    expect(hardened().attempt(eventName, 'app://seatdesk/index.html')).toBe(false)
    expect(hardened('http://localhost:5173').attempt(eventName, 'http://localhost:5173/')).toBe(false)
  })

  it('denies every new window', () => {
    const contents = hardened()
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' })
  })

  it('prevents attaching a webview', () => {
    expect(hardened().attempt('will-attach-webview', 'app://seatdesk/index.html')).toBe(true)
  })
})
