// Which page is "the app". Every trust decision in main (navigation, IPC senders) asks this one module.
// Compare protocol and host, never `URL.origin`: for a custom scheme such as `app:` the origin is the
// opaque string 'null', so two different apps would look alike.

export interface TrustedOrigin {
  /** With the trailing colon, as `URL.protocol` gives it: `app:`, `http:`. */
  readonly protocol: string
  /** Host name plus `:port` when the URL has one, as `URL.host` gives it. */
  readonly host: string
}

export const APP_SCHEME = 'app'
export const APP_HOST = 'seatdesk'
export const appOrigin: TrustedOrigin = { protocol: `${APP_SCHEME}:`, host: APP_HOST }
export const appEntryUrl = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * The origins a window may show and talk to main from: the packaged renderer always, and the
 * electron-vite dev server only when the caller says this is a development run.
 */
export function trustedOrigins(devRendererUrl: string | undefined): TrustedOrigin[] {
  const origins = [appOrigin]
  const dev = devRendererUrl ? parseUrl(devRendererUrl) : null
  if (dev && (dev.protocol === 'http:' || dev.protocol === 'https:')) origins.push({ protocol: dev.protocol, host: dev.host })
  return origins
}

export function isTrustedUrl(url: string, origins: readonly TrustedOrigin[]): boolean {
  const parsed = parseUrl(url)
  // Credentials in the URL never belong to our pages; refusing them also closes `app://seatdesk@evil/` games.
  if (!parsed || parsed.username !== '' || parsed.password !== '') return false
  return origins.some((origin) => origin.protocol === parsed.protocol && origin.host === parsed.host)
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}
