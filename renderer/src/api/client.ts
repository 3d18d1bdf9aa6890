import type { ChannelName } from '../../../shared/ipc/channels'
import type { RequestOf, ResponseOf, SeatDeskApi } from '../../../shared/ipc/contract'
import type { AppErrorPayload, ErrorCode, IpcResult, ValidationIssue } from '../../../shared/ipc/errors'
import { bridgeToken, createBridgeApi } from './bridge'

declare global {
  interface Window {
    /** Put there by the Electron preload; absent in the browser preview. */
    seatdesk?: SeatDeskApi
  }
}

/** A refused call, carrying what the UI needs to say why in the user's language. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly params: Record<string, string | number>
  readonly issues: ValidationIssue[]
  constructor(payload: AppErrorPayload) {
    super(payload.code)
    this.name = 'ApiError'
    this.code = payload.code
    this.params = payload.params ?? {}
    this.issues = payload.issues ?? []
  }
}

// Calls that append to the journal: after each one the Dexie projection catches up.
const mutatingChannels: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'seatSetup',
  'signIn',
  'checklistConfirm',
  'sessionLock',
  'sessionUnlock',
  'signOut',
  'userAdd',
  'userSetActive',
  'userResetPin',
  'settingsUpdate',
  'callAnswer',
  'callUpdate',
  'callMark',
  'callScriptShown',
  'callHangUp',
  'callComplete',
  'callSettingsUpdate',
  'scriptSave',
  'scriptRetire',
  'scriptsImport',
])

let api: SeatDeskApi | null = null
const journalListeners = new Set<() => void>()

/** Tests (and the browser preview) choose the implementation; the app otherwise uses the preload's. */
export function installApi(next: SeatDeskApi | null): void {
  api = next
}

function currentApi(): SeatDeskApi {
  api ??= window.seatdesk ?? createBridgeApi(bridgeToken(window.location, window.sessionStorage))
  return api
}

/** Runs `listener` after every call that may have written to the journal (a failed sign-in can, too). */
export function onJournalMayHaveChanged(listener: () => void): () => void {
  journalListeners.add(listener)
  return () => journalListeners.delete(listener)
}

export async function call<K extends ChannelName>(channel: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  const fn = currentApi()[channel] as unknown as (request: RequestOf<K>) => Promise<IpcResult<ResponseOf<K>>>
  let result: IpcResult<ResponseOf<K>>
  try {
    result = await fn(request)
  } catch {
    // A preload or bridge that throws instead of answering is as good as absent.
    throw new ApiError({ code: 'internal', params: { reason: 'unreachable' } })
  } finally {
    if (mutatingChannels.has(channel)) journalListeners.forEach((listener) => listener())
  }
  if (!result.ok) throw new ApiError(result.error)
  return result.value
}
