import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { trustedOrigins } from '../security/appOrigin'
import { createSenderCheck, type SenderFrame } from './senderFrame'

const topFrame = (url: string): SenderFrame => ({ parent: null, url })
const isTrusted = createSenderCheck(trustedOrigins(undefined))

describe('createSenderCheck', () => {
  it('accepts the top frame of the app', () => {
    expect(isTrusted({ senderFrame: topFrame('app://seatdesk/index.html') })).toBe(true)
  })

  it('refuses a missing or destroyed frame', () => {
    expect(isTrusted({ senderFrame: null })).toBe(false)
    expect(isTrusted({ senderFrame: undefined })).toBe(false)
  })

  it('refuses a subframe even when it shows the app', () => {
    const parent = topFrame('app://seatdesk/index.html')
    expect(isTrusted({ senderFrame: { parent, url: 'app://seatdesk/index.html' } })).toBe(false)
  })

  it('trusts the dev server only when it was named', () => {
    const dev = createSenderCheck(trustedOrigins('http://localhost:5173'))
    expect(dev({ senderFrame: topFrame('http://localhost:5173/') })).toBe(true)
    expect(isTrusted({ senderFrame: topFrame('http://localhost:5173/') })).toBe(false)
  })

  it('refuses any URL whose protocol or host is not the app', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        return !isTrusted({ senderFrame: topFrame(url) })
      }),
      { numRuns: 500 },
    )
    fc.assert(
      fc.property(
        fc.constantFrom('app', 'file', 'http', 'https', 'chrome', 'devtools', 'data', 'blob'),
        fc.domain(),
        fc.webPath(),
        (scheme, host, path) => {
          fc.pre(!(scheme === 'app' && host === 'seatdesk'))
          return !isTrusted({ senderFrame: topFrame(`${scheme}://${host}${path}`) })
        },
      ),
      { numRuns: 500 },
    )
  })
})
