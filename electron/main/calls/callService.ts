import { randomUUID } from 'node:crypto'
import type { CallRecord, CallView } from '../../../shared/domain/calls'
import { parseCallerNumber } from '../../../shared/domain/phone'
import type { ScriptCategory, ScriptRef } from '../../../shared/domain/scripts'
import { AppError } from '../../../shared/ipc/errors'
import { SEAT_ACTOR } from '../../../shared/journal/entry'
import type { Clock } from '../clock'
import type { Journal } from '../journal/api'
import type { ScriptLibrary } from '../scripts/scriptLibrary'
import type { OpenSession } from '../session/sessionState'
import { callView, hasRef, MAX_SCRIPTS_PER_CALL, type CallBook, type OpenCall } from './callBook'
import type { CallSettingsService } from './callSettingsService'

export interface CallDeps {
  clock: Clock
  record: Journal['append']
  book: CallBook
  settings: CallSettingsService
  library: ScriptLibrary
}

export interface CallUpdate {
  callerNumber: string | null
  customerName: string | null
  notes: string
}

// 来电接待: answer → talking → hang-up → wrap-up (整理) → completed. Each step is a journal entry the
// moment it happens, so nothing of a call is lost to a crash, and `call.completed` carries the whole
// record for the business book (000 rule 6: every call is recorded). Handling time is answer to
// wrap-up done, measured against the target in force at answer (002 呼叫中心工作标准: 受理时间低于3分钟/次).
export class CallService {
  constructor(private readonly deps: CallDeps) {}

  /** The open call, when it belongs to `session`. */
  current(session: OpenSession): CallView | null {
    const open = this.deps.book.open
    return open && open.sessionId === session.sessionId ? callView(open) : null
  }

  hasOpenCall(): boolean {
    return this.deps.book.open !== null
  }

  async answer(session: OpenSession): Promise<CallView> {
    if (this.deps.book.open) throw new AppError('callInProgress')
    const { targetSeconds, warningSeconds } = this.deps.settings.get()
    await this.deps.record('call.answered', session.employeeNo, {
      callId: randomUUID(),
      sessionId: session.sessionId,
      employeeNo: session.employeeNo,
      targetSeconds,
      warningSeconds,
    })
    return this.view(session)
  }

  /**
   * Saves the customer name and notes, and the caller number when it is valid or blank (blank clears
   * it). An invalid number keeps the one stored before, is reported as `invalidCallerNumber {reason}`
   * AFTER the name and notes were saved: a wrong digit never costs the agent what else they typed.
   */
  async update(session: OpenSession, update: CallUpdate): Promise<CallView> {
    const call = this.requireOpen(session)
    const typed = update.callerNumber?.trim() ?? ''
    const parsed = typed ? parseCallerNumber(typed) : null
    const callerNumber = parsed === null ? null : parsed.ok ? { kind: parsed.kind, stored: parsed.stored } : call.callerNumber
    const customerName = update.customerName?.trim() || null
    const changed =
      customerName !== call.customerName ||
      update.notes !== call.notes ||
      callerNumber?.kind !== call.callerNumber?.kind ||
      callerNumber?.stored !== call.callerNumber?.stored
    if (changed) {
      await this.deps.record('call.detailsUpdated', session.employeeNo, { callId: call.callId, callerNumber, customerName, notes: update.notes })
    }
    if (parsed && !parsed.ok) throw new AppError('invalidCallerNumber', { reason: parsed.reason })
    return this.view(session)
  }

  /**
   * Greeting or closing said (hotkey). Marking twice writes once. If the agent spoke it without the
   * app showing a script of that kind, the current one is recorded as shown: the call names the
   * version it followed.
   */
  async mark(session: OpenSession, mark: 'greeting' | 'closing'): Promise<CallView> {
    const call = this.requireOpen(session)
    if ((mark === 'greeting' ? call.greetingSaidAt : call.closingSaidAt) !== null) return this.view(session)
    await this.recordScriptOfKind(session, call, mark)
    await this.deps.record(mark === 'greeting' ? 'call.greetingSaid' : 'call.closingSaid', session.employeeNo, { callId: call.callId })
    return this.view(session)
  }

  async scriptShown(session: OpenSession, script: ScriptRef): Promise<CallView> {
    const call = this.requireOpen(session)
    if (!this.deps.library.hasVersion(script)) throw new AppError('unknownScript', { scriptId: script.scriptId, version: script.version })
    await this.recordShown(session, call, script)
    return this.view(session)
  }

  /** The caller hung up: talking → wrap-up. The timer keeps running until wrap-up is done. */
  async hangUp(session: OpenSession): Promise<CallView> {
    const call = this.requireOpen(session)
    if (call.hungUpAt === null) await this.deps.record('call.hungUp', session.employeeNo, { callId: call.callId })
    return this.view(session)
  }

  /**
   * Wrap-up done: writes the record. A reason is kept only for a call over its target (the agent may
   * leave it blank); it must be one of the supervisor's reasons.
   */
  async complete(session: OpenSession, overTargetReason: string | null): Promise<CallRecord> {
    const call = this.requireOpen(session)
    if (call.hungUpAt === null) throw new AppError('callNotHungUp')
    if (overTargetReason !== null && !this.deps.settings.isReason(overTargetReason)) {
      throw new AppError('unknownOverTargetReason', { reason: overTargetReason })
    }
    return this.writeRecord(session.employeeNo, call, { overTargetReason, closedAtSignOut: false })
  }

  /**
   * Before a session ends. The agent's own sign-out (screen unlocked) is refused while a call is
   * open: they finish the wrap-up first. From the lock screen — possibly someone else at a seat
   * left locked — the seat closes the call so the seat is never stuck, and the record says so.
   */
  async beforeSessionEnds(session: OpenSession): Promise<void> {
    const open = this.deps.book.open
    if (!open) return
    if (session.lockedAt === null && open.sessionId === session.sessionId) throw new AppError('callInProgress')
    await this.closeBySeat(open)
  }

  /** On start: a call whose session is gone (a crash between the two entries) is closed by the seat. */
  async closeOrphanedCall(session: OpenSession | null): Promise<void> {
    const open = this.deps.book.open
    if (open && open.sessionId !== session?.sessionId) await this.closeBySeat(open)
  }

  private async closeBySeat(call: OpenCall): Promise<void> {
    if (call.hungUpAt === null) await this.deps.record('call.hungUp', SEAT_ACTOR, { callId: call.callId })
    const hungUp = this.deps.book.open ?? call
    await this.writeRecord(SEAT_ACTOR, hungUp, { overTargetReason: null, closedAtSignOut: true })
  }

  private async writeRecord(actor: string, call: OpenCall, ending: { overTargetReason: string | null; closedAtSignOut: boolean }): Promise<CallRecord> {
    const completedAt = this.deps.clock.now()
    // A wall clock set back mid-call (NTP) must not give a negative handling time.
    const handlingMs = Math.max(0, completedAt.getTime() - Date.parse(call.answeredAt))
    const overTarget = handlingMs > call.targetSeconds * 1000
    const record: CallRecord = {
      callId: call.callId,
      sessionId: call.sessionId,
      employeeNo: call.employeeNo,
      answeredAt: call.answeredAt,
      hungUpAt: call.hungUpAt ?? completedAt.toISOString(),
      completedAt: completedAt.toISOString(),
      handlingMs,
      targetSeconds: call.targetSeconds,
      overTarget,
      overTargetReason: overTarget ? ending.overTargetReason : null,
      greetingSaid: call.greetingSaidAt !== null,
      closingSaid: call.closingSaidAt !== null,
      callerNumber: call.callerNumber,
      customerName: call.customerName,
      notes: call.notes,
      scriptsShown: [...call.scriptsShown],
      closedAtSignOut: ending.closedAtSignOut,
    }
    await this.deps.record('call.completed', actor, { record })
    return record
  }

  private async recordScriptOfKind(session: OpenSession, call: OpenCall, category: ScriptCategory): Promise<void> {
    const { library } = this.deps
    if (call.scriptsShown.some((ref) => library.get(ref.scriptId)?.current.category === category)) return
    const [current] = library.activeIn(category)
    if (current) await this.recordShown(session, call, { scriptId: current.current.scriptId, version: current.current.version })
  }

  /** Each version once per call, and no more than the record can hold. */
  private async recordShown(session: OpenSession, call: OpenCall, script: ScriptRef): Promise<void> {
    if (hasRef(call.scriptsShown, script) || call.scriptsShown.length >= MAX_SCRIPTS_PER_CALL) return
    await this.deps.record('call.scriptShown', session.employeeNo, { callId: call.callId, script: { scriptId: script.scriptId, version: script.version } })
  }

  private requireOpen(session: OpenSession): OpenCall {
    const open = this.deps.book.open
    if (!open || open.sessionId !== session.sessionId) throw new AppError('noCallInProgress')
    return open
  }

  private view(session: OpenSession): CallView {
    const open = this.deps.book.open
    if (!open || open.sessionId !== session.sessionId) throw new Error('the open call vanished after it was written')
    return callView(open)
  }
}
