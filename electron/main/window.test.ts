import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { applicationMenuTemplate, devToolsAllowed, mainWindowOptions, windowTitle } from './window'

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

describe('developer tools', () => {
  it('are off unless asked for', () => {
    expect(mainWindowOptions('/p.cjs').webPreferences?.devTools).toBe(false)
    expect(mainWindowOptions('/p.cjs', { devTools: false }).webPreferences?.devTools).toBe(false)
    expect(mainWindowOptions('/p.cjs', { devTools: true }).webPreferences?.devTools).toBe(true)
  })

  it('are allowed only for an unpackaged app on the dev server', () => {
    expect(devToolsAllowed(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBe(true)
    expect(devToolsAllowed(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBe(false)
    expect(devToolsAllowed(false, {})).toBe(false)
    expect(devToolsAllowed(false, { ELECTRON_RENDERER_URL: '' })).toBe(false)
    expect(devToolsAllowed(true, {})).toBe(false)
  })
})

describe('applicationMenuTemplate', () => {
  const roles = (items: MenuItemConstructorOptions[]): string[] =>
    items.flatMap((item) => [
      ...(item.role ? [item.role] : []),
      ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
    ])

  it('has no menu on Windows and Linux (their copy/paste shortcuts need none)', () => {
    expect(applicationMenuTemplate('win32')).toBeNull()
    expect(applicationMenuTemplate('linux')).toBeNull()
  })

  it('keeps only the edit roles and the app menu on macOS: no reload, DevTools or zoom', () => {
    const template = applicationMenuTemplate('darwin')
    expect(template).not.toBeNull()
    const all = roles(template ?? [])
    expect(all).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll', 'undo', 'redo']))
    for (const role of [
      'reload',
      'forceReload',
      'toggleDevTools',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
      'viewMenu',
      'windowMenu',
      'editMenu',
      'fileMenu',
      'appMenu',
    ]) {
      expect(all).not.toContain(role)
    }
    expect(JSON.stringify(template)).not.toMatch(/accelerator/i)
  })
})
