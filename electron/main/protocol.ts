import { readFile } from 'node:fs/promises'
import type { Protocol } from 'electron'
import { APP_HOST, APP_SCHEME } from './security/appOrigin'
import { rendererSecurityHeaders } from './security/contentSecurityPolicy'
import { mimeTypeFor, resolveRendererAsset } from './rendererAssets'

// The packaged renderer is served from app://seatdesk/ rather than file://, so it has a real origin
// (IndexedDB, module scripts, CSP 'self') and only files inside out/renderer can ever be read.

/** Must run before the app is ready: privileges cannot be granted later. */
export function registerAppSchemePrivileges(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererRequest(request, rendererRoot))
}

export async function serveRendererRequest(request: Request, rendererRoot: string): Promise<Response> {
  const url = new URL(request.url)
  if (url.host !== APP_HOST) return refusal(404)
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405)
  const file = await resolveRendererAsset(rendererRoot, url.pathname)
  if (!file) return refusal(404)
  const body = request.method === 'HEAD' ? null : await readFile(file)
  return new Response(body, { status: 200, headers: { ...rendererSecurityHeaders, 'content-type': mimeTypeFor(file) } })
}

function refusal(status: number): Response {
  return new Response(null, { status, headers: { ...rendererSecurityHeaders } })
}
