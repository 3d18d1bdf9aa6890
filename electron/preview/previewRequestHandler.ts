import { readFile } from 'node:fs/promises'
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { channelNames, type ChannelName } from '../../shared/ipc/channels'
import type { IpcResult } from '../../shared/ipc/errors'
import { mimeTypeFor, resolveRendererAsset } from '../main/rendererAssets'
import { rendererSecurityHeaders } from '../main/security/contentSecurityPolicy'
import { checkBridgeRequest, isExpectedHost } from './bridgeGuard'

// Routes one preview request: `/ipc/<channel>` to the bridge (guarded, then the services' dispatch),
// anything else to the built renderer's files. No dispatch happens unless every check passed.

export const maxBridgeBodyBytes = 1024 * 1024

export interface PreviewRoutes {
  rendererRoot: string
  token: string
  /** Read per request: the port is known only once the server listens. */
  port(): number
  dispatch(channel: string, payload: unknown): Promise<IpcResult<unknown>>
}

export function createPreviewRequestHandler(routes: PreviewRoutes): RequestListener {
  const handleRequest = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const pathname = requestPathname(request.url)
    if (pathname === '/ipc' || pathname.startsWith('/ipc/')) return handleBridge(request, response, pathname)
    if (!isExpectedHost(request.headers.host, routes.port())) {
      return sendText(response, 403, `Open the address the preview printed: http://127.0.0.1:${routes.port()}/`)
    }
    return serveStatic(request, response, pathname, routes.rendererRoot)
  }

  const handleBridge = async (request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> => {
    const verdict = checkBridgeRequest(request, { port: routes.port(), token: routes.token })
    if (!verdict.allowed) return sendJson(response, 403, { ok: false, error: { code: 'forbiddenSender' } })
    const channel = pathname.slice('/ipc/'.length)
    if (!isChannelName(channel)) return sendJson(response, 404, { ok: false, error: { code: 'unknownChannel' } })
    const body = await readBody(request, maxBridgeBodyBytes)
    if (body === 'tooLarge') {
      return sendJson(response, 413, { ok: false, error: { code: 'validation', params: { reason: 'bodyTooLarge' } } })
    }
    let payload: unknown
    try {
      payload = JSON.parse(body.toString('utf8'))
    } catch {
      return sendJson(response, 400, { ok: false, error: { code: 'validation', params: { reason: 'invalidJson' } } })
    }
    sendJson(response, 200, await routes.dispatch(channel, payload))
  }

  return (request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      console.error('Preview request failed', error)
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'internal' } })
      else response.destroy()
    })
  }
}

async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  rendererRoot: string,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed')
  const file = await resolveRendererAsset(rendererRoot, pathname)
  if (!file) return sendText(response, 404, 'Not found')
  const content = await readFile(file)
  response.writeHead(200, {
    ...rendererSecurityHeaders,
    'content-type': mimeTypeFor(file),
    'content-length': content.length,
    // Built assets carry a content hash; the page itself must always be fresh after a rebuild.
    'cache-control': file.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable',
  })
  response.end(request.method === 'HEAD' ? undefined : content)
}

/**
 * The body, or 'tooLarge' as soon as it passes `limit` (by header or by what actually arrives). The
 * rest of an oversized body is drained, not buffered, so the 413 still reaches the client.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'tooLarge'> {
  return new Promise((resolveBody, rejectBody) => {
    if (Number(request.headers['content-length'] ?? 0) > limit) {
      request.resume()
      return resolveBody('tooLarge')
    }
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      request.off('data', onData)
      request.off('end', onEnd)
      request.resume()
      resolveBody('tooLarge')
    }
    const onEnd = () => resolveBody(Buffer.concat(chunks))
    request.on('data', onData)
    request.on('end', onEnd)
    request.once('error', rejectBody)
  })
}

function requestPathname(url: string | undefined): string {
  try {
    return new URL(url ?? '/', 'http://127.0.0.1').pathname
  } catch {
    return '/'
  }
}

function isChannelName(value: string): value is ChannelName {
  return (channelNames as readonly string[]).includes(value)
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    ...rendererSecurityHeaders,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  response.end(text)
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    ...rendererSecurityHeaders,
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  })
  response.end(text)
}
