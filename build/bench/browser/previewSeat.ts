import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
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

/**
 * How Chromium paces its frames.
 * - 'display': one frame per 60 Hz vsync, as on a screen. A key waits up to 16.7 ms for the next
 *   frame whatever the page does, so keystroke-to-frame times spread over a whole frame period.
 * - 'asap': no vsync and no frame-rate limit. A frame is drawn as soon as the page has one ready,
 *   so keystroke-to-frame time is the page's own work for the key.
 */
export type FramePacing = 'display' | 'asap'

const framePacingFlags: Record<FramePacing, string[]> = {
  display: [],
  asap: ['--disable-gpu-vsync', '--disable-frame-rate-limit'],
}

export interface PreviewSeat {
  preview: PreviewServer
  /** One bridge call from Node; throws when refused. */
  call: BridgeCall
  /** A fresh context in a Chromium pacing its frames as asked ('display' unless told). */
  newContext(options?: { frames?: FramePacing; locale?: string; timezoneId?: string }): Promise<BrowserContext>
  /**
   * Answers a call (F2) on a fresh page (context) in Chinese at 1280×800 and runs `work` on it;
   * then closes the page, hangs up and completes the call, so the next figure starts from an idle
   * call screen. `beforeLoad` runs before the app loads (clock installs).
   */
  duringCall<T>(options: { beforeLoad?: (page: Page) => Promise<void>; frames?: FramePacing }, work: (page: Page) => Promise<T>): Promise<T>
  close(): Promise<void>
}

export type BridgeCall = <K extends ChannelName>(channel: K, request: RequestOf<K>) => Promise<ResponseOf<K>>

/** Calls the preview's bridge from Node, as the page does; throws when a call is refused. */
export function bridgeCaller(preview: PreviewServer): BridgeCall {
  return async (channel, request) => {
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
}

/** `rendererRoot`: another build of the renderer than out/renderer (to compare two builds in one run). */
export async function openPreviewSeat(options: { rendererRoot?: string } = {}): Promise<PreviewSeat> {
  const dataDir = await mkdtemp(join(tmpdir(), 'seatdesk-bench-browser-'))
  const preview = await startPreviewServer({ dataDir, ...options })
  // One Chromium per pacing, launched when first asked for: the flags are per browser, not per context.
  const browsers = new Map<FramePacing, Promise<Browser>>()
  const browser = (frames: FramePacing) => {
    let launched = browsers.get(frames)
    if (!launched) {
      launched = chromium.launch({ ...chromiumLaunchOptions, args: [...chromiumLaunchOptions.args, ...framePacingFlags[frames]] })
      browsers.set(frames, launched)
    }
    return launched
  }
  const newContext: PreviewSeat['newContext'] = async ({ frames = 'display', ...options } = {}) =>
    (await browser(frames)).newContext({ viewport: { width: 1280, height: 800 }, ...options })

  const call = bridgeCaller(preview)

  const supervisor = { employeeNo: demoSupervisor.employeeNo, name: demoSupervisor.name, pin: demoSupervisor.pin }
  await call('seatSetup', { ...demoCompany, supervisor })
  await call('signIn', { employeeNo: supervisor.employeeNo, pin: supervisor.pin })
  await call('checklistConfirm', { items: confirmedChecklist, pin: supervisor.pin })

  return {
    preview,
    call,
    newContext,
    duringCall: async ({ beforeLoad, frames }, work) => {
      const context = await newContext({ frames, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
      try {
        const page = await context.newPage()
        await beforeLoad?.(page)
        await page.goto(preview.url)
        await page.getByRole('button', { name: '接听' }).waitFor()
        await page.keyboard.press('F2')
        await page.getByTestId('call-elapsed').waitFor()
        return await work(page)
      } finally {
        await context.close()
        // Only a call that is open is closed: a refusal here would hide why the work failed.
        if (await call('callCurrent', {})) {
          await call('callHangUp', {})
          await call('callComplete', { overTargetReason: null })
        }
      }
    },
    close: async () => {
      // Every browser is closed (a failed launch or close does not keep the others, the server or
      // the folder around), then the first failure is reported.
      const closed = await Promise.allSettled([...browsers.values()].map(async (launched) => (await launched).close()))
      await preview.close()
      await rm(dataDir, { recursive: true, force: true })
      const failed = closed.find((result) => result.status === 'rejected')
      if (failed) throw failed.reason
    },
  }
}
