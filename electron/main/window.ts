import type { BrowserWindowConstructorOptions } from 'electron'

// The main window's options as data, so a test can hold every security switch without Electron.

export const windowTitle = '座席台 SeatDesk'

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
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
    },
  }
}
