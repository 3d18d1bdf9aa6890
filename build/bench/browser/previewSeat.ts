import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import type { ChannelName } from '../../../shared/ipc/channels'
import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract'
import type { IpcResult } from '../../../shared/ipc/errors'
import { demoCompany, demoSupervisor } from '../../../electron/main/demo/demoAccounts'
import { confirmedChecklist } from '../../../electron/main/demo/demoDesk'
import { tokenHeader } from '../../../electron/preview/bridgeGuard'
import { startPreviewServer, type PreviewServer } from '../../../electron/preview/previewServer'

// A signed-in seat in the browser preview for the browser benchmarks: a preview server on a temporary
// data folder, set up and signed in through its own bridge (the same dispatch the UI uses, without
// the seconds of typing), and Debian's Chromium with the same flags as the e2e config.

export const chromiumLaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
}

export interface PreviewSeat {
  preview: PreviewServer
  browser: Browser
  /** One bridge call from Node; throws when refused. */
  call<K extends ChannelName>(channel: K, request: RequestOf<K>): Promise<ResponseOf<K>>
  /** A fresh page (context) in Chinese at 1280×800; `beforeLoad` runs before the app loads (clock installs). */
  openCallScreen(beforeLoad?: (page: Page) => Promise<void>): Promise<Page>
  close(): Promise<void>
}

/** `rendererRoot`: another build of the renderer than out/renderer (to compare two builds in one run). */
export async function openPreviewSeat(options: { rendererRoot?: string } = {}): Promise<PreviewSeat> {
  const dataDir = await mkdtemp(join(tmpdir(), 'seatdesk-bench-browser-'))
  const preview = await startPreviewServer({ dataDir, ...options })
  const browser = await chromium.launch(chromiumLaunchOptions)

  const call: PreviewSeat['call'] = async (channel, request) => {
    // Node's fetch sends no Origin header; Host is 127.0.0.1:port, as the bridge requires.
    const response = await fetch(`http://127.0.0.1:${preview.port}/ipc/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [tokenHeader]: preview.token },
      body: JSON.stringify(request),
    })
    const result = (await response.json()) as IpcResult<ResponseOf<typeof channel>>
    if (!result.ok) throw new Error(`bench: ${channel} was refused: ${JSON.stringify(result.error)}`)
    return result.value
  }

  const supervisor = { employeeNo: demoSupervisor.employeeNo, name: demoSupervisor.name, pin: demoSupervisor.pin }
  await call('seatSetup', { ...demoCompany, supervisor })
  await call('signIn', { employeeNo: supervisor.employeeNo, pin: supervisor.pin })
  await call('checklistConfirm', { items: confirmedChecklist, pin: supervisor.pin })

  return {
    preview,
    browser,
    call,
    openCallScreen: async (beforeLoad) => {
      const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 800 } })
      const page = await context.newPage()
      await beforeLoad?.(page)
      await page.goto(preview.url)
      await page.getByRole('button', { name: '接听' }).waitFor()
      return page
    },
    close: async () => {
      await browser.close()
      await preview.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
