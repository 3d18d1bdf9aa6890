import type { CallerNumber, CallView } from '../../../shared/domain/calls'
import type { ScriptRef } from '../../../shared/domain/scripts'
import type { KnownEntry } from '../../../shared/journal/knownEntry'

// The seat's open call as the journal tells it. Rebuilt by replay on start, so a call the app stopped
// with comes back with its original answer time and the timer (computed from it) reads on correctly.
export interface OpenCall {
  callId: string
  sessionId: string
  employeeNo: string
  /** The `call.answered` entry's time: the one start of the handling timer. */
  answeredAt: string
  hungUpAt: string | null
  greetingSaidAt: string | null
  closingSaidAt: string | null
  callerNumber: CallerNumber | null
  customerName: string | null
  notes: string
  scriptsShown: ScriptRef[]
  targetSeconds: number
  warningSeconds: number
}

/** What `call.completed.record.scriptsShown` can hold (its schema's maximum). */
export const MAX_SCRIPTS_PER_CALL = 200

export class CallBook {
  /** One open call per seat at a time. */
  open: OpenCall | null = null

  apply(entry: KnownEntry): void {
    if (entry.kind === 'call.answered') {
      const { callId, sessionId, employeeNo, targetSeconds, warningSeconds } = entry.payload
      this.open = {
        callId,
        sessionId,
        employeeNo,
        answeredAt: entry.ts,
        hungUpAt: null,
        greetingSaidAt: null,
        closingSaidAt: null,
        callerNumber: null,
        customerName: null,
        notes: '',
        scriptsShown: [],
        targetSeconds,
        warningSeconds,
      }
      return
    }
    if (entry.kind === 'call.completed') {
      if (this.open?.callId === entry.payload.record.callId) this.open = null
      return
    }
    const open = this.open
    if (!open || !isCallStep(entry) || entry.payload.callId !== open.callId) return
    switch (entry.kind) {
      case 'call.detailsUpdated': {
        const { callerNumber, customerName, notes } = entry.payload
        this.open = { ...open, callerNumber, customerName, notes }
        break
      }
      case 'call.scriptShown':
        if (!hasRef(open.scriptsShown, entry.payload.script)) {
          this.open = { ...open, scriptsShown: [...open.scriptsShown, entry.payload.script] }
        }
        break
      case 'call.greetingSaid':
        this.open = { ...open, greetingSaidAt: open.greetingSaidAt ?? entry.ts }
        break
      case 'call.closingSaid':
        this.open = { ...open, closingSaidAt: open.closingSaidAt ?? entry.ts }
        break
      case 'call.hungUp':
        this.open = { ...open, hungUpAt: open.hungUpAt ?? entry.ts }
        break
      default:
        break
    }
  }
}

type CallStep = Extract<KnownEntry, { kind: 'call.detailsUpdated' | 'call.scriptShown' | 'call.greetingSaid' | 'call.closingSaid' | 'call.hungUp' }>

function isCallStep(entry: KnownEntry): entry is CallStep {
  return (
    entry.kind === 'call.detailsUpdated' ||
    entry.kind === 'call.scriptShown' ||
    entry.kind === 'call.greetingSaid' ||
    entry.kind === 'call.closingSaid' ||
    entry.kind === 'call.hungUp'
  )
}

export function hasRef(refs: readonly ScriptRef[], ref: ScriptRef): boolean {
  return refs.some((shown) => shown.scriptId === ref.scriptId && shown.version === ref.version)
}

export function callView(call: OpenCall): CallView {
  return {
    callId: call.callId,
    state: call.hungUpAt === null ? 'talking' : 'wrapUp',
    employeeNo: call.employeeNo,
    answeredAt: call.answeredAt,
    hungUpAt: call.hungUpAt,
    greetingSaidAt: call.greetingSaidAt,
    closingSaidAt: call.closingSaidAt,
    callerNumber: call.callerNumber,
    customerName: call.customerName,
    notes: call.notes,
    scriptsShown: [...call.scriptsShown],
    targetSeconds: call.targetSeconds,
    warningSeconds: call.warningSeconds,
  }
}
