import { describe, expect, it } from 'vitest'
import { appEntryUrl, appOrigin, isTrustedUrl, trustedOrigins } from './appOrigin'

describe('isTrustedUrl', () => {
  const packaged = trustedOrigins(undefined)

  it('trusts the app protocol on the app host', () => {
    expect(isTrustedUrl(appEntryUrl, packaged)).toBe(true)
    expect(isTrustedUrl('app://seatdesk/assets/index.js?x=1#y', packaged)).toBe(true)
  })

  it.each([
    'app://other-host/index.html',
    'app://seatdesk.evil/index.html',
    'app://seatdesk:8080/index.html',
    'app://user:pw@seatdesk/index.html',
    'app://seatdesk@evil/index.html',
    'file:///app/out/renderer/index.html',
    'https://evil.example/',
    'http://127.0.0.1:5173/',
    'http://seatdesk/',
    'javascript:alert(1)',
    'about:blank',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isTrustedUrl(url, packaged)).toBe(false)
  })

  it('trusts the dev server only when one is named, by protocol, host and port', () => {
    const dev = trustedOrigins('http://localhost:5173/')
    expect(dev).toContainEqual(appOrigin)
    expect(isTrustedUrl('http://localhost:5173/index.html', dev)).toBe(true)
    expect(isTrustedUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isTrustedUrl('https://localhost:5173/', dev)).toBe(false)
    expect(isTrustedUrl('http://localhost:5173/', packaged)).toBe(false)
  })

  it('ignores a dev renderer URL that is not http(s)', () => {
    expect(trustedOrigins('file:///tmp/index.html')).toEqual([appOrigin])
    expect(trustedOrigins('garbage')).toEqual([appOrigin])
  })
})
