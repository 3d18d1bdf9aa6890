import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, rendererSecurityHeaders } from './contentSecurityPolicy'

function directive(name: string): string[] {
  const found = contentSecurityPolicy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([directiveName]) => directiveName === name)
  if (!found) throw new Error(`no ${name} directive`)
  return found.slice(1)
}

describe('contentSecurityPolicy', () => {
  it('lets scripts come only from the app itself', () => {
    expect(directive('script-src')).toEqual(["'self'"])
    expect(contentSecurityPolicy).not.toContain('unsafe-eval')
  })

  it('keeps unsafe-inline to styles', () => {
    const withInline = contentSecurityPolicy.split(';').filter((part) => part.includes("'unsafe-inline'"))
    expect(withInline.map((part) => part.trim().split(/\s+/)[0])).toEqual(['style-src'])
  })

  it('denies by default and forbids plugins, framing and base rewriting', () => {
    expect(directive('default-src')).toEqual(["'none'"])
    expect(directive('object-src')).toEqual(["'none'"])
    expect(directive('frame-ancestors')).toEqual(["'none'"])
    expect(directive('base-uri')).toEqual(["'none'"])
    expect(directive('connect-src')).toEqual(["'self'"])
  })

  it('is sent with nosniff on every renderer response', () => {
    expect(rendererSecurityHeaders['content-security-policy']).toBe(contentSecurityPolicy)
    expect(rendererSecurityHeaders['x-content-type-options']).toBe('nosniff')
  })
})
