import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { channelNames, ipcChannel } from '../../shared/ipc/channels'

// The entry point wires Electron to the services. The Electron binary is not on this machine, so this
// test runs index.ts against a recording stand-in for the `electron` module and checks the wiring the
// issue asks for: single-instance lock, app:// privileges before ready, deny-by-default permissions,
// every contract channel registered once, and a window built from the hardened options.
const dataDir = mkdtempSync(join(tmpdir(), 'seatdesk-index-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

const recorded = vi.hoisted(() => ({
  gotLock: true,
  quit: 0,
  privileged: [] as unknown[],
  handled: [] as string[],
  protocolHandled: [] as string[],
  windows: [] as { options: Record<string, unknown>; url?: string }[],
  permissionHandlers: 0,
  appEvents: [] as string[],
  ready: null as null | (() => void),
  menus: [] as unknown[],
  isPackaged: true,
  /** A data folder of its own for a test that opens a working seat (the others share `dataDir`). */
  userData: null as string | null,
  handlers: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
}))

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => recorded.windows
    readonly record: { options: Record<string, unknown>; url?: string }
    constructor(options: Record<string, unknown>) {
      this.record = { options }
      recorded.windows.push(this.record)
    }
    once() {}
    on() {}
    loadURL(url: string) {
      this.record.url = url
      return Promise.resolve()
    }
    // The hidden print window: its route is ready at once and prints a stand-in PDF.
    readonly webContents = {
      executeJavaScript: () => Promise.resolve(true),
      printToPDF: () => Promise.resolve(Buffer.from('%PDF-1.7')),
    }
    isDestroyed() {
      return false
    }
    destroy() {}
  }
  const app = {
    get isPackaged() {
      return recorded.isPackaged
    },
    setPath: vi.fn(),
    getPath: () => recorded.userData ?? dataDir,
    getVersion: () => '0.0.0-test',
    requestSingleInstanceLock: () => recorded.gotLock,
    quit: () => {
      recorded.quit++
    },
    exit: vi.fn(),
    on: (event: string) => {
      recorded.appEvents.push(event)
    },
    whenReady: () => new Promise<void>((resolve) => (recorded.ready = resolve)),
  }
  return {
    app,
    BrowserWindow,
    Menu: {
      setApplicationMenu: (menu: unknown) => recorded.menus.push(menu),
      buildFromTemplate: (template: unknown) => ({ template }),
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) => {
        recorded.handled.push(channel)
        recorded.handlers.set(channel, handler)
      },
      removeHandler: vi.fn(),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.privileged.push(...schemes),
      handle: (scheme: string) => recorded.protocolHandled.push(scheme),
    },
    safeStorage: { isEncryptionAvailable: () => false },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => recorded.permissionHandlers++,
        setPermissionCheckHandler: () => recorded.permissionHandlers++,
        setDevicePermissionHandler: () => recorded.permissionHandlers++,
      },
    },
  }
})

async function settle() {
  for (let i = 0; i < 50 && recorded.windows.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20))
}

/** Runs index.ts to a ready app as `electron-vite dev` would start it (dev server URL set). */
async function startOnDevServer() {
  vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173')
  try {
    await import('./index')
    recorded.ready?.()
    await settle()
  } finally {
    vi.unstubAllEnvs()
  }
}

describe('electron/main/index.ts', () => {
  beforeEach(() => {
    vi.resetModules()
    Object.assign(recorded, { quit: 0, privileged: [], handled: [], protocolHandled: [], windows: [], appEvents: [], ready: null, menus: [], isPackaged: true })
    recorded.permissionHandlers = 0
    recorded.userData = null
    recorded.handlers = new Map()
  })

  it('quits at once when another instance holds the seat', async () => {
    recorded.gotLock = false
    await import('./index')
    expect(recorded.quit).toBe(1)
    expect(recorded.ready).toBeNull()
    expect(recorded.appEvents).not.toContain('second-instance')
  })

  it('wires a single, hardened window to every contract channel once ready', async () => {
    recorded.gotLock = true
    await import('./index')
    expect(recorded.privileged).toEqual([expect.objectContaining({ scheme: 'app' })])
    expect(recorded.appEvents).toEqual(expect.arrayContaining(['second-instance', 'web-contents-created']))
    expect(recorded.handled).toEqual([])

    recorded.ready?.()
    await settle()

    expect(recorded.permissionHandlers).toBe(3)
    expect(recorded.protocolHandled).toEqual(['app'])
    expect([...recorded.handled].sort()).toEqual(channelNames.map(ipcChannel).sort())
    expect(recorded.windows).toHaveLength(1)
    const [window] = recorded.windows
    expect(window?.url).toBe('app://seatdesk/index.html')
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      backgroundThrottling: false,
      devTools: false,
    })
  })

  it('removes the default menu (reload, DevTools and zoom accelerators) and keeps DevTools off when packaged', async () => {
    recorded.gotLock = true
    await startOnDevServer()
    // On Windows/Linux no menu at all; on macOS only the edit roles (see window.test.ts).
    expect(recorded.menus).toHaveLength(1)
    if (process.platform === 'darwin') expect(recorded.menus[0]).not.toBeNull()
    else expect(recorded.menus[0]).toBeNull()
    expect(recorded.windows[0]?.options.webPreferences).toMatchObject({ devTools: false })
  })

  it('allows DevTools only for an unpackaged app on the dev server', async () => {
    recorded.gotLock = true
    recorded.isPackaged = false
    await startOnDevServer()
    expect(recorded.windows[0]?.options.webPreferences).toMatchObject({ devTools: true })
    expect(recorded.windows[0]?.url).toBe('http://localhost:5173')
  })

  it('prints the handover book through the print route in a hidden window of the same hardened kind', async () => {
    recorded.gotLock = true
    recorded.userData = mkdtempSync(join(tmpdir(), 'seatdesk-index-print-'))
    try {
      await import('./index')
      recorded.ready?.()
      await settle()
      const fromApp = { senderFrame: { parent: null, url: 'app://seatdesk/index.html' } }
      const invoke = (channel: 'seatSetup' | 'signIn' | 'handoverPrintPdf', payload: unknown) => {
        const handler = recorded.handlers.get(ipcChannel(channel))
        if (!handler) throw new Error(`${channel} not registered`)
        return handler(fromApp, payload)
      }
      const supervisor = { employeeNo: 'S001', name: '林晓燕', pin: '246810' }
      expect(await invoke('seatSetup', { companyName: '佳途物流', branchCode: 'SZ01', seatNumber: '01', supervisor })).toMatchObject({ ok: true })
      expect(await invoke('signIn', { employeeNo: 'S001', pin: '246810' })).toMatchObject({ ok: true })

      const pdf = join(recorded.userData, 'exports', 'handover-2026-03-01-2026-03-02.pdf')
      expect(await invoke('handoverPrintPdf', { from: '2026-03-01', to: '2026-03-02' })).toEqual({ ok: true, value: { path: pdf } })
      expect(readFileSync(pdf, 'utf8')).toBe('%PDF-1.7')
      const printWindow = recorded.windows.at(-1)
      expect(recorded.windows).toHaveLength(2)
      expect(printWindow?.url).toBe('app://seatdesk/index.html#print?from=2026-03-01&to=2026-03-02')
      expect(printWindow?.options).toEqual(recorded.windows[0]?.options)
    } finally {
      rmSync(recorded.userData, { recursive: true, force: true })
    }
  }, 30_000)
})
