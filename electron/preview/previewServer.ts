import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { access } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { systemClock, type Clock } from '../main/clock'
import { unprotectedSealer } from '../main/keys/sealer'
import { createSeatDeskServices } from '../main/services'
import { ensureDemoSeat, type DemoAccount } from './demoSeat'
import { createPreviewRequestHandler } from './previewRequestHandler'

// The browser preview's lifecycle: services on a data folder, one http server on 127.0.0.1, a fresh
// token per start. The services are the very ones the Electron shell uses, with the same dispatch.

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const defaultRendererRoot = join(repoRoot, 'out/renderer')

export interface PreviewServerOptions {
  dataDir: string
  /** 0 or absent: a free port chosen by the system. */
  port?: number
  clock?: Clock
  /** Create a demo seat in `dataDir` first when the folder has none. */
  demo?: boolean
  rendererRoot?: string
}

export interface PreviewServer {
  /** The address to open, token included. */
  url: string
  token: string
  port: number
  dataDir: string
  /** The demo accounts when this start created a demo seat, else null. */
  demoAccounts: DemoAccount[] | null
  close(): Promise<void>
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const rendererRoot = options.rendererRoot ?? defaultRendererRoot
  await assertRendererBuilt(rendererRoot)
  const demoAccounts = options.demo ? await ensureDemoSeat(options.dataDir) : null
  const services = await createSeatDeskServices({
    dataDir: options.dataDir,
    clock: options.clock ?? systemClock,
    // No OS keychain is reachable from here; the seat record says 'unprotected'.
    sealer: unprotectedSealer,
    runtime: 'browserPreview',
    version: packageVersion(),
  })
  // 256 bits from the OS: the only thing between another local process or web page and the seat.
  const token = randomBytes(32).toString('base64url')
  let port = 0
  const server = createServer(
    createPreviewRequestHandler({ rendererRoot, token, port: () => port, dispatch: services.dispatch }),
  )
  try {
    await new Promise<void>((resolveListen, rejectListen) => {
      server.once('error', rejectListen)
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', rejectListen)
        resolveListen()
      })
    })
  } catch (error) {
    await services.close()
    throw error
  }
  port = (server.address() as AddressInfo).port

  let closing: Promise<void> | null = null
  const close = () => {
    closing ??= (async () => {
      const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()))
      server.closeAllConnections()
      await closed
      await services.close()
    })()
    return closing
  }

  return { url: `http://127.0.0.1:${port}/?token=${token}`, token, port, dataDir: options.dataDir, demoAccounts, close }
}

async function assertRendererBuilt(rendererRoot: string): Promise<void> {
  try {
    await access(join(rendererRoot, 'index.html'))
  } catch {
    throw new Error(`No built renderer at ${rendererRoot}: run \`npx electron-vite build\` first.`)
  }
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version?: unknown }
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0'
}
