import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, request as httpRequest, type OutgoingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { IpcResult } from '../../shared/ipc/errors'
import { contentSecurityPolicy } from '../main/security/contentSecurityPolicy'
import { createPreviewRequestHandler, maxBridgeBodyBytes } from './previewRequestHandler'

// A real http server on 127.0.0.1 around the handler, with a dispatch spy standing in for the services.
const token = 'test-token-0123456789'
const dispatch = vi.fn(async (_channel: string, _payload: unknown): Promise<IpcResult<unknown>> => ({ ok: true, value: 'answered' }))
let base: string
let server: Server
let port: number

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'seatdesk-preview-'))
  const root = join(base, 'renderer')
  await mkdir(join(root, 'assets'), { recursive: true })
  await writeFile(join(root, 'index.html'), '<!doctype html><title>preview</title>')
  await writeFile(join(root, 'assets', 'app.js'), 'export {}')
  await writeFile(join(base, 'secret.txt'), 'secret')
  server = createServer(createPreviewRequestHandler({ rendererRoot: root, token, port: () => port, dispatch }))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await rm(base, { recursive: true, force: true })
})

beforeEach(() => dispatch.mockClear())

interface Sent {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw request, so tests control Host and every other header a browser would not let them forge. */
function send(method: string, path: string, headers: OutgoingHttpHeaders = {}, body?: string | Buffer): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }),
      )
    })
    outgoing.on('error', reject)
    outgoing.end(body)
  })
}

const bridgeHeaders = (): OutgoingHttpHeaders => ({
  origin: `http://127.0.0.1:${port}`,
  'x-seatdesk-token': token,
  'content-type': 'application/json',
})
const forbidden = { ok: false, error: { code: 'forbiddenSender' } }

describe('preview bridge', () => {
  it('dispatches an allowed call and returns its result', async () => {
    const response = await send('POST', '/ipc/signIn', bridgeHeaders(), JSON.stringify({ employeeNo: 'A1', pin: '1234' }))
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body)).toEqual({ ok: true, value: 'answered' })
    expect(response.headers['cache-control']).toBe('no-store')
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('signIn', { employeeNo: 'A1', pin: '1234' })
  })

  it.each([
    ['a wrong Host (DNS rebinding)', { host: 'evil.example:80' }],
    ['localhost as Host', { host: 'localhost:PORT' }],
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['a wrong token', { 'x-seatdesk-token': 'guess' }],
    ['no token', { 'x-seatdesk-token': undefined }],
    ['a form content type', { 'content-type': 'text/plain' }],
  ])('refuses %s with 403 and no dispatch', async (_label, override) => {
    const headers: OutgoingHttpHeaders = { ...bridgeHeaders() }
    for (const [name, value] of Object.entries(override)) {
      if (value === undefined) delete headers[name]
      else headers[name] = value.replace('PORT', String(port))
    }
    const response = await send('POST', '/ipc/signIn', headers, JSON.stringify({ employeeNo: 'A1', pin: '1234' }))
    expect(response.status).toBe(403)
    expect(JSON.parse(response.body)).toEqual(forbidden)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('refuses GET on /ipc with 403 and no dispatch', async () => {
    for (const path of ['/ipc/appInfo', '/ipc', '/ipc/']) {
      const response = await send('GET', path, bridgeHeaders())
      expect(response.status, path).toBe(403)
      expect(JSON.parse(response.body)).toEqual(forbidden)
    }
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('refuses a body over the limit with 413 and no dispatch', async () => {
    const huge = JSON.stringify({ pad: 'x'.repeat(maxBridgeBodyBytes) })
    const response = await send('POST', '/ipc/signIn', bridgeHeaders(), huge)
    expect(response.status).toBe(413)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('counts a chunked body that declares no length', async () => {
    const response = await send(
      'POST',
      '/ipc/signIn',
      { ...bridgeHeaders(), 'transfer-encoding': 'chunked' },
      Buffer.alloc(maxBridgeBodyBytes + 1, 0x20),
    )
    expect(response.status).toBe(413)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('answers unknownChannel for a name outside the contract, without dispatch', async () => {
    for (const path of ['/ipc/constructor', '/ipc/__proto__', '/ipc/shutdown', '/ipc/signIn/extra']) {
      const response = await send('POST', path, bridgeHeaders(), '{}')
      expect(response.status, path).toBe(404)
      expect(JSON.parse(response.body)).toEqual({ ok: false, error: { code: 'unknownChannel' } })
    }
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('answers validation for a body that is not JSON, without dispatch', async () => {
    const response = await send('POST', '/ipc/signIn', bridgeHeaders(), '{not json')
    expect(response.status).toBe(400)
    expect(JSON.parse(response.body).error.code).toBe('validation')
    expect(dispatch).not.toHaveBeenCalled()
  })
})

describe('preview static files', () => {
  it('serves the renderer with its type, the CSP and nosniff', async () => {
    const page = await send('GET', '/?token=abc')
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>preview</title>')
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy)
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    const script = await send('GET', '/assets/app.js')
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8')
  })

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/missing.js'])(
    'answers 404 to %s',
    async (path) => {
      const response = await send('GET', path)
      expect(response.status).toBe(404)
      expect(response.body).not.toContain('secret')
    },
  )

  it('refuses a foreign Host for pages too', async () => {
    const response = await send('GET', '/', { host: 'rebound.evil.example' })
    expect(response.status).toBe(403)
  })

  it('refuses writes to static paths', async () => {
    const response = await send('POST', '/index.html', {}, 'x')
    expect(response.status).toBe(405)
    expect(dispatch).not.toHaveBeenCalled()
  })
})
