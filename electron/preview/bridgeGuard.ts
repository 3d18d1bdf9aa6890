import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'

// The browser preview's stand-in for the sender-frame check: a bridge call must come from the page
// this server handed out, on this address, carrying this run's token. Anything else is refused before
// the body is even read.

export const tokenHeader = 'x-seatdesk-token'

export interface BridgeExpectation {
  /** The port the server listens on, which makes the only acceptable Host and Origin. */
  readonly port: number
  readonly token: string
}

export type BridgeVerdict = { allowed: true } | { allowed: false; reason: BridgeRefusal }
export type BridgeRefusal = 'method' | 'host' | 'origin' | 'token' | 'contentType'

export function checkBridgeRequest(
  request: { readonly method?: string | undefined; readonly headers: IncomingHttpHeaders },
  expected: BridgeExpectation,
): BridgeVerdict {
  const { headers } = request
  if (request.method !== 'POST') return refuse('method')
  // DNS rebinding: a hostile name that resolves to 127.0.0.1 still sends its own name as Host.
  if (!isExpectedHost(headers.host, expected.port)) return refuse('host')
  // Browsers send Origin on every cross-site POST; a same-origin page sends ours or none.
  if (headers.origin !== undefined && headers.origin !== `http://127.0.0.1:${expected.port}`) return refuse('origin')
  const token = headers[tokenHeader]
  if (typeof token !== 'string' || !sameSecret(token, expected.token)) return refuse('token')
  // A cross-site form can only send simple content types; requiring JSON forces a CORS preflight,
  // which this server never answers.
  if (mediaType(headers['content-type']) !== 'application/json') return refuse('contentType')
  return { allowed: true }
}

export function isExpectedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}`
}

/** Compares digests so neither the length nor the content of the token leaks through timing. */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest()
  return timingSafeEqual(digest(given), digest(expected))
}

function mediaType(contentType: string | undefined): string | null {
  return contentType ? (contentType.split(';')[0] ?? '').trim().toLowerCase() : null
}

function refuse(reason: BridgeRefusal): BridgeVerdict {
  return { allowed: false, reason }
}
