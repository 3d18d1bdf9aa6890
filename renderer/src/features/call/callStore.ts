import { create } from 'zustand'
import type { CallView } from '../../../../shared/domain/calls'
import type { CallSettings } from '../../../../shared/domain/callSettings'
import { formatCallerNumber, parseCallerNumber } from '../../../../shared/domain/phone'
import type { ScriptRef } from '../../../../shared/domain/scripts'
import { ApiError, call } from '../../api/client'
import { useAppStore } from '../../app/appStore'
import { newTicketBackup } from '../tickets/form/newTicketBackup'
import { callDraftBackup } from './callDraftBackup'

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
  /** The scenario script the agent opened (Alt+1…), by scriptId. */
  scenarioId: string | null
  /** Picked at wrap-up when the call ran over the target (optional). */
  overTargetReason: string | null
  busy: boolean
  /** A ticket form or the ticket drawer is open over the call (CallTicketsPanel): wrap-up waits for it. */
  ticketWorkOpen: boolean
}

const emptyDraft: CallDraft = { callerNumber: '', customerName: '', notes: '' }
const perCall = { draft: emptyDraft, variables: {}, scenarioId: null, overTargetReason: null }

export const useCallStore = create<CallState>(() => ({ settings: null, view: undefined, busy: false, ticketWorkOpen: false, ...perCall }))

export function setTicketWorkOpen(open: boolean): void {
  useCallStore.setState({ ticketWorkOpen: open })
}

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

// Another agent at the seat (a sign-out, or a sign-in over a locked screen): nothing of the last one's
// call stays on screen or in the tab — not the call, not its typed details, not a half-typed ticket.
// (A reload starts with no session, so it never looks like a change of agent here.)
useAppStore.subscribe((state, previous) => {
  if (previous.session && state.session?.sessionId !== previous.session.sessionId) {
    shownKeys = new Set()
    useCallStore.setState({ view: undefined, ...perCall })
    callDraftBackup.clear()
    newTicketBackup.clear()
  }
})

function openCall(view: CallView | null): void {
  shownKeys = new Set(view?.scriptsShown.map(refKey))
  // No call open: no ticket typed for one either.
  if (!view) newTicketBackup.clear()
  // Back after a reload: what was on screen is newer than main's last save (and may hold a number
  // main refused); the save after the pause sends what parses.
  const typed = callDraftBackup.restore(view?.callId ?? null)
  useCallStore.setState({ view, ...perCall, draft: view ? (typed ?? draftFrom(view)) : emptyDraft })
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

/** A call step the agent asked for, by its hotkey action. */
export type CallStep = 'answer' | 'greetingSaid' | 'hangUp' | 'closingSaid' | 'wrapUpDone'

/** A step queued behind another that no longer fits the call when its turn comes (F4 pressed twice). */
export class CallStepSkipped extends Error {
  constructor(readonly step: CallStep) {
    super(`callStepSkipped ${step}`)
    this.name = 'CallStepSkipped'
  }
}

/**
 * Wrap-up done was asked for while a ticket form or drawer is open over the call: completing the call
 * clears the desk, the half-typed ticket with it, so the ticket is finished or cancelled first.
 */
export class TicketWorkOpen extends Error {
  constructor() {
    super('ticketWorkOpen')
    this.name = 'TicketWorkOpen'
  }
}

// Steps run strictly one after another, in the order they were asked for: F6 then F8 pressed while
// the hang-up is still being saved both happen, in that order. None is dropped; one that no longer
// fits the call when its turn comes is refused with CallStepSkipped (asked for on an idle queue, it
// simply does nothing, as a hotkey in the wrong state always has).
let tail: Promise<unknown> = Promise.resolve()
let pending = 0

function enqueue<T>(step: CallStep, fits: (view: CallView | null | undefined) => boolean, action: () => Promise<T>): Promise<T | null> {
  const queuedBehind = pending > 0
  pending += 1
  useCallStore.setState({ busy: true })
  const result = tail.then(async () => {
    if (!fits(useCallStore.getState().view)) {
      if (queuedBehind) throw new CallStepSkipped(step)
      return null
    }
    try {
      return await action()
    } catch (error) {
      return await resyncAfter(error)
    }
  })
  tail = result
    .catch(() => undefined)
    .finally(() => {
      pending -= 1
      if (pending === 0) useCallStore.setState({ busy: false })
    })
  return result
}

export const answerCall = () => enqueue('answer', (view) => view === null, async () => openCall(await call('callAnswer', {})))

export const markSaid = (mark: 'greeting' | 'closing') =>
  enqueue(
    mark === 'greeting' ? 'greetingSaid' : 'closingSaid',
    (view) =>
      mark === 'greeting' ? view?.state === 'talking' && view.greetingSaidAt === null : !!view && view.closingSaidAt === null,
    async () => {
      await saveDetails()
      useCallStore.setState({ view: await call('callMark', { mark }) })
    },
  )

export const hangUp = () =>
  enqueue('hangUp', (view) => view?.state === 'talking', async () => {
    await saveDetails()
    useCallStore.setState({ view: await call('callHangUp', {}) })
  })

/**
 * Wrap-up done: the call record is written and the screen is ready for the next call. The
 * over-target reason is the one picked when the step's turn comes, unless one is given. Refused with
 * TicketWorkOpen while a ticket is open over the call — checked when the step's turn comes, so an F8
 * queued behind a slow step before Alt+T opened a ticket does not clear that ticket away either.
 */
export const completeCall = (overTargetReason?: string | null) =>
  enqueue('wrapUpDone', (view) => view?.state === 'wrapUp', async () => {
    if (useCallStore.getState().ticketWorkOpen) throw new TicketWorkOpen()
    await saveDetails()
    const reason = overTargetReason === undefined ? useCallStore.getState().overTargetReason : overTargetReason
    const record = await call('callComplete', { overTargetReason: reason })
    openCall(null)
    return record
  })

export function editDraft(change: Partial<CallDraft>): void {
  useCallStore.setState((state) => ({ draft: { ...state.draft, ...change } }))
  const { view, draft } = useCallStore.getState()
  if (view) callDraftBackup.save(view.callId, draft)
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
  useCallStore.setState((state) => ({ variables: { ...state.variables, ...others } }))
  if (customerName === undefined) return Promise.resolve()
  editDraft({ customerName })
  return saveDetails()
}

export const chooseOverTargetReason = (overTargetReason: string | null) => useCallStore.setState({ overTargetReason })
export const openScenario = (scenarioId: string | null) => useCallStore.setState({ scenarioId })
