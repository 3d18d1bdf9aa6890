import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron'

// The main window's options as data, so a test can hold every security switch without Electron.

export const windowTitle = '座席台 SeatDesk'

export interface MainWindowFlags {
  /**
   * Whether the developer tools can be opened. Only an unpackaged app run by `electron-vite dev`
   * (see `devToolsAllowed`): at a locked seat the DevTools console would call the preload's API
   * and read the page under the lock overlay.
   */
  devTools: boolean
}

/**
 * The rule for DevTools: on for development only, i.e. an unpackaged app served by the dev server
 * (electron-vite sets ELECTRON_RENDERER_URL in `dev` only). `electron-vite preview` and every
 * packaged build run with them off.
 */
export function devToolsAllowed(isPackaged: boolean, env: Record<string, string | undefined>): boolean {
  return !isPackaged && !!env.ELECTRON_RENDERER_URL
}

export function mainWindowOptions(
  preloadPath: string,
  flags: MainWindowFlags = { devTools: false },
): BrowserWindowConstructorOptions {
  return {
    title: windowTitle,
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    // Shown on 'ready-to-show' so the agent never sees an empty white frame.
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // The 3-minute handling timer and the idle lock must keep running while the window is hidden
      // behind the telephony client.
      backgroundThrottling: false,
      spellcheck: false,
      devTools: flags.devTools,
    },
  }
}

/**
 * The application menu, or null for none. Electron's default menu carries accelerators for reload
 * (Ctrl+R), force reload (Ctrl+Shift+R), DevTools (Ctrl+Shift+I) and zoom (Ctrl+0/+/-): a reload
 * mid-call loses the screen, so the default menu is replaced. On Windows and Linux there is no
 * menu at all: Ctrl+C/V/X/A/Z in a text field are Chromium's own editing shortcuts and keep working
 * without one. On macOS ⌘C/⌘V reach a text field only through menu items with the edit roles, so
 * the menu there is the app menu (hide/quit) and an Edit menu with those roles and nothing else.
 */
export function applicationMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null
  return [
    {
      label: windowTitle,
      submenu: [{ role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { role: 'selectAll' },
      ],
    },
  ]
}
