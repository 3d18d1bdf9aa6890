import type { IncomingHttpHeaders } from 'node:http'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkBridgeRequest, sameSecret } from './bridgeGuard'

const expected = { port: 41234, token: 'run-token-abc' }
const goodHeaders: IncomingHttpHeaders = {
  host: '127.0.0.1:41234',
  origin: 'http://127.0.0.1:41234',
  'x-seatdesk-token': 'run-token-abc',
  'content-type': 'application/json',
}
const check = (headers: IncomingHttpHeaders, method = 'POST') => checkBridgeRequest({ method, headers }, expected)

describe('checkBridgeRequest', () => {
  it('allows the page this server handed out', () => {
    expect(check(goodHeaders)).toEqual({ allowed: true })
    expect(check({ ...goodHeaders, 'content-type': 'Application/JSON; charset=utf-8' })).toEqual({ allowed: true })
    const { origin: _origin, ...withoutOrigin } = goodHeaders
    expect(check(withoutOrigin)).toEqual({ allowed: true })
  })

  it.each([
    ['GET', 'method'],
    ['PUT', 'method'],
    ['OPTIONS', 'method'],
  ])('refuses method %s', (method, reason) => {
    expect(check(goodHeaders, method)).toEqual({ allowed: false, reason })
  })

  it.each(['localhost:41234', 'evil.example:41234', '127.0.0.1:41235', '127.0.0.1', '[::1]:41234', '127.0.0.1:41234.evil'])(
    'refuses Host %s (DNS rebinding)',
    (host) => {
      expect(check({ ...goodHeaders, host })).toEqual({ allowed: false, reason: 'host' })
    },
  )

  it('refuses a missing Host', () => {
    const { host: _host, ...withoutHost } = goodHeaders
    expect(check(withoutHost)).toEqual({ allowed: false, reason: 'host' })
  })

  it.each(['https://evil.example', 'http://localhost:41234', 'http://127.0.0.1:41235', 'null', 'http://127.0.0.1'])(
    'refuses Origin %s',
    (origin) => {
      expect(check({ ...goodHeaders, origin })).toEqual({ allowed: false, reason: 'origin' })
    },
  )

  it('refuses a missing, empty or wrong token', () => {
    const { 'x-seatdesk-token': _token, ...withoutToken } = goodHeaders
    expect(check(withoutToken)).toEqual({ allowed: false, reason: 'token' })
    expect(check({ ...goodHeaders, 'x-seatdesk-token': '' })).toEqual({ allowed: false, reason: 'token' })
    expect(check({ ...goodHeaders, 'x-seatdesk-token': 'run-token-abd' })).toEqual({ allowed: false, reason: 'token' })
    expect(check({ ...goodHeaders, 'x-seatdesk-token': 'run-token-abc ' })).toEqual({ allowed: false, reason: 'token' })
  })

  it('refuses any generated wrong token', () => {
    fc.assert(
      fc.property(fc.string(), (token) => {
        fc.pre(token !== expected.token)
        return !check({ ...goodHeaders, 'x-seatdesk-token': token }).allowed
      }),
      { numRuns: 300 },
    )
  })

  it.each([undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses content-type %s (what a cross-site form can send)',
    (contentType) => {
      expect(check({ ...goodHeaders, 'content-type': contentType })).toEqual({ allowed: false, reason: 'contentType' })
    },
  )
})

describe('sameSecret', () => {
  it('compares tokens of any length without throwing', () => {
    expect(sameSecret('a', 'a')).toBe(true)
    expect(sameSecret('a', 'ab')).toBe(false)
    expect(sameSecret('', 'ab')).toBe(false)
  })
})
