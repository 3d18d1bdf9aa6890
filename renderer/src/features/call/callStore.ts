import { create } from 'zustand'
import type { CallView } from '../../../../shared/domain/calls'
import type { CallSettings } from '../../../../shared/domain/callSettings'
import { formatCallerNumber, parseCallerNumber } from '../../../../shared/domain/phone'
import type { ScriptRef } from '../../../../shared/domain/scripts'
import { ApiError, call } from '../../api/client'

// What the call screen is doing: the open call as main last told it, the fields being typed, and the
// values the agent gave for script variables. Durable facts (finished calls, scripts) live in Dexie.
export interface CallDraft {
  callerNumber: string
  customerName: string
  notes: string
}

interface CallState {
  settings: CallSettings | null
  /** Null when no call is open; undefined until main has been asked. */
  view: CallView | null | undefined
  draft: CallDraft
  /** Values typed into a script's inline field (waybill number, amount), for this call only. */
  variables: Record<string, string>
  /** The closing script shown before hang-up, at the agent's request. */
  closingRequested: boolean
  /** The scenario script the agent opened (Alt+1…), by scriptId. */
  scenarioId: string | null
  /** Picked at wrap-up when the call ran over the target (optional). */
  overTargetReason: string | null
  busy: boolean
}

const emptyDraft: CallDraft = { callerNumber: '', customerName: '', notes: '' }
const perCall = { draft: emptyDraft, variables: {}, closingRequested: false, scenarioId: null, overTargetReason: null }

export const useCallStore = create<CallState>(() => ({ settings: null, view: undefined, busy: false, ...perCall }))

const refKey = (ref: ScriptRef) => `${ref.scriptId}@${ref.version}`
/** Scripts reported shown for the open call, including requests still in flight. */
let shownKeys = new Set<string>()

function draftFrom(view: CallView): CallDraft {
  return {
    callerNumber: view.callerNumber ? formatCallerNumber(view.callerNumber.stored) : '',
    customerName: view.customerName ?? '',
    notes: view.notes,
  }
}

function openCall(view: CallView | null): void {
  shownKeys = new Set(view?.scriptsShown.map(refKey))
  useCallStore.setState({ view, ...perCall, draft: view ? draftFrom(view) : emptyDraft })
}

export async function loadCallSettings(): Promise<CallSettings> {
  const settings = await call('callSettingsGet', {})
  useCallStore.setState({ settings })
  return settings
}

/** On every start and reload: main still holds the open call, and its timer runs from the stored time. */
export async function loadCurrentCall(): Promise<void> {
  openCall(await call('callCurrent', {}))
}

/** A refusal that says the screen and main disagree about the open call: ask main again. */
async function resyncAfter(error: unknown): Promise<never> {
  if (error instanceof ApiError && ['callInProgress', 'noCallInProgress', 'callNotHungUp'].includes(error.code)) {
    const view = await call('callCurrent', {}).catch(() => undefined)
    if (view !== undefined) useCallStore.setState({ view })
  }
  throw error
}

async function run<T>(action: () => Promise<T>): Promise<T> {
  useCallStore.setState({ busy: true })
  try {
    return await action()
  } catch (error) {
    return await resyncAfter(error)
  } finally {
    useCallStore.setState({ busy: false })
  }
}

export const answerCall = () => run(async () => openCall(await call('callAnswer', {})))

export const markSaid = (mark: 'greeting' | 'closing') =>
  run(async () => {
    await saveDetails()
    useCallStore.setState({ view: await call('callMark', { mark }) })
  })

export const hangUp = () =>
  run(async () => {
    await saveDetails()
    useCallStore.setState({ view: await call('callHangUp', {}) })
  })

/** Wrap-up done: the call record is written and the screen is ready for the next call. */
export const completeCall = (overTargetReason: string | null) =>
  run(async () => {
    await saveDetails()
    const record = await call('callComplete', { overTargetReason })
    openCall(null)
    return record
  })

export function editDraft(change: Partial<CallDraft>): void {
  useCallStore.setState((state) => ({ draft: { ...state.draft, ...change } }))
}

/**
 * Sends the typed details when they differ from main's. A caller number that does not parse is kept
 * on screen with its reason and not sent (main keeps the last good one): the call is never lost for it.
 */
export async function saveDetails(): Promise<void> {
  const { view, draft } = useCallStore.getState()
  if (!view) return
  const typedNumber = draft.callerNumber.trim()
  const parsed = typedNumber ? parseCallerNumber(typedNumber) : null
  const callerNumber = parsed === null ? null : parsed.ok ? parsed.stored : (view.callerNumber?.stored ?? null)
  const customerName = draft.customerName.trim() || null
  const unchanged =
    callerNumber === (view.callerNumber?.stored ?? null) && customerName === view.customerName && draft.notes === view.notes
  if (unchanged) return
  const next = await call('callUpdate', { callerNumber, customerName, notes: draft.notes })
  if (useCallStore.getState().view?.callId === next.callId) useCallStore.setState({ view: next })
}

/** Each script version is reported once per call, however often it is drawn. */
export async function recordScriptShown(script: ScriptRef): Promise<void> {
  const callId = useCallStore.getState().view?.callId
  if (!callId || shownKeys.has(refKey(script))) return
  shownKeys.add(refKey(script))
  try {
    const view = await call('callScriptShown', { script })
    if (useCallStore.getState().view?.callId === view.callId) useCallStore.setState({ view })
  } catch (error) {
    shownKeys.delete(refKey(script))
    throw error
  }
}

export function provideVariables(values: Record<string, string>): Promise<void> {
  const { customerName, ...others } = values
  useCallStore.setState((state) => ({
    variables: { ...state.variables, ...others },
    draft: customerName !== undefined ? { ...state.draft, customerName } : state.draft,
  }))
  return customerName !== undefined ? saveDetails() : Promise.resolve()
}

export const requestClosing = () => useCallStore.setState({ closingRequested: true })
export const chooseOverTargetReason = (overTargetReason: string | null) => useCallStore.setState({ overTargetReason })
export const openScenario = (scenarioId: string | null) => useCallStore.setState({ scenarioId })
