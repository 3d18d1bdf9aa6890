import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BrowserWindow, Menu, app, ipcMain, protocol, safeStorage, session } from 'electron'
import { systemClock } from './clock'
import { dataDirOverride } from './dataDirOverride'
import { registerContractHandlers } from './ipc/register'
import { createSenderCheck } from './ipc/senderFrame'
import { unprotectedSealer } from './keys/sealer'
import { handleAppProtocol, registerAppSchemePrivileges } from './protocol'
import { createPdfPrinter } from './print/printToPdf'
import { createSafeStorageSealer } from './safeStorageSealer'
import { appEntryUrl, trustedOrigins } from './security/appOrigin'
import { hardenWebContents } from './security/navigation'
import { denyUnlistedPermissions } from './security/permissions'
import { createSeatDeskServices } from './services'
import { applicationMenuTemplate, devToolsAllowed, mainWindowOptions } from './window'

// Wiring only: the services know nothing of Electron, and every security decision lives in its own
// module. This file connects them to the app's lifecycle, one window and the IPC contract.

const mainDir = dirname(fileURLToPath(import.meta.url))
const rendererRoot = join(mainDir, '../renderer')
const preloadPath = join(mainDir, '../preload/index.cjs')
// electron-vite sets this in `dev` only; a packaged app never trusts a dev server.
const devRendererUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const origins = trustedOrigins(devRendererUrl)
// DevTools only in `electron-vite dev`: at a locked seat they would reach the preload's API.
const devTools = devToolsAllowed(app.isPackaged, process.env)

// Before anything else: the single-instance lock is keyed on the userData folder.
const dataDir = dataDirOverride(process.argv, process.env)
if (dataDir) app.setPath('userData', dataDir)

// Privileges can only be granted before 'ready'.
registerAppSchemePrivileges(protocol)

let mainWindow: BrowserWindow | null = null

if (!app.requestSingleInstanceLock()) {
  // Two instances would append to one journal; the first one keeps the seat.
  app.quit()
} else {
  app.on('second-instance', focusMainWindow)
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, origins))
  void app.whenReady().then(start, (error: unknown) => failStart(error))
}

async function start(): Promise<void> {
  try {
    denyUnlistedPermissions(session.defaultSession)
    // The default menu's accelerators reload (Ctrl+R, Ctrl+Shift+R), open DevTools and zoom.
    const menuTemplate = applicationMenuTemplate(process.platform)
    Menu.setApplicationMenu(menuTemplate ? Menu.buildFromTemplate(menuTemplate) : null)
    handleAppProtocol(protocol, rendererRoot)
    const userData = app.getPath('userData')
    const services = await createSeatDeskServices({
      dataDir: userData,
      clock: systemClock,
      // On Linux without a keyring safeStorage is unavailable: the key is stored unprotected and the
      // seat's record says so.
      sealer: safeStorage.isEncryptionAvailable() ? createSafeStorageSealer(safeStorage) : unprotectedSealer,
      runtime: 'electron',
      version: app.getVersion(),
      // The handover book prints through the app's own print route in a hidden window.
      printPdf: createPdfPrinter({ dataDir: userData, preloadPath, entryUrl: devRendererUrl ?? appEntryUrl }),
    })
    const unregister = registerContractHandlers(ipcMain, services.dispatch, createSenderCheck(origins))
    closeServicesOnQuit(async () => {
      unregister()
      await services.close()
    })
    app.on('window-all-closed', () => {
      // macOS keeps an app running without windows; elsewhere closing the window ends the shift app.
      if (process.platform !== 'darwin') app.quit()
    })
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow()
    })
    openMainWindow()
  } catch (error) {
    failStart(error)
  }
}

function openMainWindow(): void {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, { devTools }))
  window.once('ready-to-show', () => window.show())
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null
  })
  mainWindow = window
  void window.loadURL(devRendererUrl ?? appEntryUrl)
}

function focusMainWindow(): void {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

/** Quitting waits for the journal to close, so the last fsync'd entry is the last one written. */
function closeServicesOnQuit(closeServices: () => Promise<void>): void {
  let closed = false
  app.on('will-quit', (event) => {
    if (closed) return
    event.preventDefault()
    closeServices()
      .catch((error: unknown) => console.error('Closing the services failed', error))
      .finally(() => {
        closed = true
        app.quit()
      })
  })
}

function failStart(error: unknown): void {
  console.error('SeatDesk could not start', error)
  app.exit(1)
}
