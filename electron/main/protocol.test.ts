import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Protocol } from 'electron'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handleAppProtocol, registerAppSchemePrivileges, serveRendererRequest } from './protocol'
import { contentSecurityPolicy } from './security/contentSecurityPolicy'

let base: string
let root: string

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'seatdesk-protocol-'))
  root = join(base, 'renderer')
  await mkdir(root)
  await writeFile(join(root, 'index.html'), '<!doctype html><title>t</title>')
  await writeFile(join(base, 'outside.txt'), 'secret')
})

afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

describe('app:// protocol', () => {
  it('registers app as a standard, secure, fetch-capable scheme', () => {
    const registered: unknown[] = []
    registerAppSchemePrivileges({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) })
    expect(registered).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
  })

  it('handles the app scheme with the renderer server', async () => {
    const handlers = new Map<string, (request: Request) => Response | Promise<Response>>()
    handleAppProtocol({ handle: (scheme, handler) => handlers.set(scheme, handler) } as Pick<Protocol, 'handle'>, root)
    const response = await handlers.get('app')?.(new Request('app://seatdesk/index.html'))
    expect(response?.status).toBe(200)
  })

  it('serves a renderer file with its type and the CSP', async () => {
    const response = await serveRendererRequest(new Request('app://seatdesk/index.html'), root)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toContain('<title>t</title>')
  })

  it('sends the CSP on refusals too', async () => {
    const response = await serveRendererRequest(new Request('app://seatdesk/missing.js'), root)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
  })

  it.each(['app://seatdesk/%2e%2e/outside.txt', 'app://seatdesk/..%2Foutside.txt', 'app://other-host/index.html'])(
    'refuses %s',
    async (url) => {
      const response = await serveRendererRequest(new Request(url), root)
      expect(response.status).toBe(404)
      expect(await response.text()).toBe('')
    },
  )

  it('refuses writes', async () => {
    const response = await serveRendererRequest(new Request('app://seatdesk/index.html', { method: 'POST', body: 'x' }), root)
    expect(response.status).toBe(405)
  })
})
