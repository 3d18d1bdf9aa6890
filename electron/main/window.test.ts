import { describe, expect, it } from 'vitest'
import { mainWindowOptions, windowTitle } from './window'

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs')
  const web = options.webPreferences ?? {}

  it('isolates the page from Node and from the preload', () => {
    expect(web.contextIsolation).toBe(true)
    expect(web.sandbox).toBe(true)
    expect(web.nodeIntegration).toBe(false)
    expect(web.nodeIntegrationInWorker).toBe(false)
    expect(web.nodeIntegrationInSubFrames).toBe(false)
  })

  it('keeps the web security model on', () => {
    expect(web.webSecurity).toBe(true)
    expect(web.allowRunningInsecureContent).toBe(false)
    expect(web.webviewTag).toBe(false)
  })

  it('keeps timers running in the background and does not spellcheck', () => {
    expect(web.backgroundThrottling).toBe(false)
    expect(web.spellcheck).toBe(false)
  })

  it('loads the given CommonJS preload', () => {
    expect(web.preload).toBe('/app/out/preload/index.cjs')
  })

  it('is titled and sized for a seat screen', () => {
    expect(options.title).toBe(windowTitle)
    expect(windowTitle).toContain('座席台')
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0)
    expect(options.minWidth).toBeGreaterThanOrEqual(1024)
  })
})
