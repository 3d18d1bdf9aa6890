import { channelNames } from '../../../shared/ipc/channels'
import type { SeatDeskApi } from '../../../shared/ipc/contract'
import type { IpcResult } from '../../../shared/ipc/errors'

// The browser preview has no preload: the preview server exposes the same contract over HTTP on
// 127.0.0.1, guarded by a per-start token it prints in the address (`/?token=…`).
const TOKEN_KEY = 'seatdesk.bridgeToken'

/** Reads the token from `?token=` and keeps it for the tab, so a reload without the query still works. */
export function bridgeToken(location: Pick<Location, 'search'>, storage: Storage): string | null {
  const fromQuery = new URLSearchParams(location.search).get('token')
  if (fromQuery) {
    storage.setItem(TOKEN_KEY, fromQuery)
    return fromQuery
  }
  return storage.getItem(TOKEN_KEY)
}

const unreachable: IpcResult<never> = { ok: false, error: { code: 'internal', params: { reason: 'unreachable' } } }

export function createBridgeApi(token: string | null, fetchImpl: typeof fetch = fetch): SeatDeskApi {
  const post = async (channel: string, request: unknown): Promise<IpcResult<unknown>> => {
    try {
      const response = await fetchImpl(`./ipc/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-seatdesk-token': token ?? '' },
        body: JSON.stringify(request),
      })
      const body: unknown = await response.json()
      if (body && typeof body === 'object' && 'ok' in body) return body as IpcResult<unknown>
      return unreachable
    } catch {
      return unreachable
    }
  }
  return Object.fromEntries(
    channelNames.map((channel) => [channel, (request: unknown) => post(channel, request)]),
  ) as SeatDeskApi
}
