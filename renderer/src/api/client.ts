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

// Whether a channel can append to the journal (a refused PIN writes a lockout too): after each such
// call the Dexie projection catches up. A record over every channel, so a new channel must decide.
const appendsToJournal: Record<ChannelName, boolean> = {
  appInfo: false,
  seatStatus: false,
  seatSetup: true,
  signIn: true,
  sessionCurrent: false,
  checklistConfirm: true,
  sessionLock: true,
  sessionUnlock: true,
  signOut: true,
  usersList: false,
  userAdd: true,
  userSetActive: true,
  userResetPin: true,
  settingsGet: false,
  settingsUpdate: true,
  journalRead: false,
  callCurrent: false,
  callAnswer: true,
  callUpdate: true,
  callMark: true,
  callScriptShown: true,
  callHangUp: true,
  callComplete: true,
  callSettingsGet: false,
  callSettingsUpdate: true,
  scriptsList: false,
  scriptSave: true,
  scriptRetire: true,
  scriptsExport: false,
  scriptsImport: true,
  ticketOpen: true,
  ticketUpdate: true,
  ticketSetStatus: true,
  ticketAddNote: true,
  ticketStepDone: true,
  ticketScheduleCallback: true,
  ticketRecordCallback: true,
  ticketEscalate: true,
  ticketTransferOffer: true,
  ticketTransferAccept: true,
  ticketTransferDecline: true,
  ticketTransferCancel: true,
  customerSave: true,
  customerRevealPhone: true,
  deadlineSettingsGet: false,
  deadlineSettingsUpdate: true,
  workingCalendarGet: false,
  workingCalendarUpdate: true,
  shiftSettingsGet: false,
  shiftSettingsUpdate: true,
  rosterSet: true,
  handoverSaveDraft: true,
  handoverSign: true,
  handoverAcknowledge: true,
  handoverWaive: true,
  handoverCountersign: true,
  handoverCorrect: true,
  handoverVerify: false,
  handoverExport: false,
  handoverPrintPdf: false,
}

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
    if (appendsToJournal[channel]) journalListeners.forEach((listener) => listener())
  }
  if (!result.ok) throw new ApiError(result.error)
  return result.value
}
