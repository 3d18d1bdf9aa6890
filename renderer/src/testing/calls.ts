import type { CallRecord, CallView } from '../../../shared/domain/calls'
import { defaultCallSettings, type CallSettings } from '../../../shared/domain/callSettings'
import { parseCallerNumber } from '../../../shared/domain/phone'
import { seedScripts } from '../../../shared/domain/seedScripts'
import type { SeatDeskApi } from '../../../shared/ipc/contract'
import type { JournalEntry } from '../../../shared/journal/entry'
import { catchUp, clearProjection } from '../db/sync'
import type { SeatDeskDb } from '../db/schema'
import { fail, journalEntry, journalReader, ok } from './fakeApi'

// Test stand-ins for main's call service and script library.

export function callView(overrides: Partial<CallView> = {}): CallView {
  return {
    callId: 'call-1',
    state: 'talking',
    employeeNo: 'E001',
    answeredAt: new Date().toISOString(),
    hungUpAt: null,
    greetingSaidAt: null,
    closingSaidAt: null,
    callerNumber: null,
    customerName: null,
    notes: '',
    scriptsShown: [],
    targetSeconds: 180,
    warningSeconds: 150,
    ...overrides,
  }
}

/** The seed scripts as version-1 `script.published` entries from seq `firstSeq`, published `ts`. */
export function seedScriptEntries(firstSeq = 1, ts?: string): JournalEntry[] {
  return seedScripts.map((script, index) =>
    journalEntry(firstSeq + index, 'script.published', { script: { ...script, version: 1 } }, ts),
  )
}

/** Replaces the database's view with the seed script library. */
export async function projectSeedScripts(database: SeatDeskDb): Promise<void> {
  await clearProjection(database)
  await catchUp(database, journalReader(seedScriptEntries()))
}

type CallChannels =
  | 'callCurrent'
  | 'callAnswer'
  | 'callUpdate'
  | 'callMark'
  | 'callScriptShown'
  | 'callHangUp'
  | 'callComplete'
  | 'callSettingsGet'

/**
 * A small model of main's call service: one open call, the same refusals, requests logged in order.
 * `now` is read at answer and completion, so fake timers move the record's times too.
 */
export function fakeCallService(options: { open?: CallView | null; settings?: CallSettings } = {}) {
  let view: CallView | null = options.open ?? null
  const settings = options.settings ?? defaultCallSettings
  const log: { channel: CallChannels; request: unknown }[] = []
  let count = 0
  const requireOpen = () => view

  const api: Pick<SeatDeskApi, CallChannels> = {
    callSettingsGet: async () => ok(settings),
    callCurrent: async (request) => {
      log.push({ channel: 'callCurrent', request })
      return ok(view)
    },
    callAnswer: async (request) => {
      log.push({ channel: 'callAnswer', request })
      if (view) return fail('callInProgress')
      count += 1
      view = callView({ callId: `call-${count}`, answeredAt: new Date().toISOString(), targetSeconds: settings.targetSeconds, warningSeconds: settings.warningSeconds })
      return ok(view)
    },
    callUpdate: async (request) => {
      log.push({ channel: 'callUpdate', request })
      const open = requireOpen()
      if (!open) return fail('noCallInProgress')
      const parsed = request.callerNumber ? parseCallerNumber(request.callerNumber) : null
      view = {
        ...open,
        customerName: request.customerName,
        notes: request.notes,
        callerNumber: parsed === null ? null : parsed.ok ? { kind: parsed.kind, stored: parsed.stored } : open.callerNumber,
      }
      if (parsed && !parsed.ok) return fail('invalidCallerNumber', { reason: parsed.reason })
      return ok(view)
    },
    callMark: async (request) => {
      log.push({ channel: 'callMark', request })
      const open = requireOpen()
      if (!open) return fail('noCallInProgress')
      const at = new Date().toISOString()
      view = request.mark === 'greeting' ? { ...open, greetingSaidAt: open.greetingSaidAt ?? at } : { ...open, closingSaidAt: open.closingSaidAt ?? at }
      return ok(view)
    },
    callScriptShown: async (request) => {
      log.push({ channel: 'callScriptShown', request })
      const open = requireOpen()
      if (!open) return fail('noCallInProgress')
      view = { ...open, scriptsShown: [...open.scriptsShown, request.script] }
      return ok(view)
    },
    callHangUp: async (request) => {
      log.push({ channel: 'callHangUp', request })
      const open = requireOpen()
      if (!open) return fail('noCallInProgress')
      view = { ...open, state: 'wrapUp', hungUpAt: open.hungUpAt ?? new Date().toISOString() }
      return ok(view)
    },
    callComplete: async (request) => {
      log.push({ channel: 'callComplete', request })
      const open = requireOpen()
      if (!open) return fail('noCallInProgress')
      if (!open.hungUpAt) return fail('callNotHungUp')
      const completedAt = new Date().toISOString()
      const handlingMs = Date.parse(completedAt) - Date.parse(open.answeredAt)
      const record: CallRecord = {
        callId: open.callId,
        sessionId: 's-1',
        employeeNo: open.employeeNo,
        answeredAt: open.answeredAt,
        hungUpAt: open.hungUpAt,
        completedAt,
        handlingMs,
        targetSeconds: open.targetSeconds,
        overTarget: handlingMs > open.targetSeconds * 1000,
        overTargetReason: request.overTargetReason,
        greetingSaid: open.greetingSaidAt !== null,
        closingSaid: open.closingSaidAt !== null,
        callerNumber: open.callerNumber,
        customerName: open.customerName,
        notes: open.notes,
        scriptsShown: open.scriptsShown,
      }
      view = null
      return ok(record)
    },
  }
  return { api, log, channels: () => log.map((entry) => entry.channel), current: () => view }
}
