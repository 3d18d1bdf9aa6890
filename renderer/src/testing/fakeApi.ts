import { channelNames } from '../../../shared/ipc/channels'
import type { SeatDeskApi, SessionView } from '../../../shared/ipc/contract'
import type { AppErrorPayload, IpcResult } from '../../../shared/ipc/errors'
import type { Seat } from '../../../shared/domain/identity'
import { defaultDeadlineSettings } from '../../../shared/domain/tickets/deadlines'
import { defaultWorkingDayCalendarSettings } from '../../../shared/domain/tickets/workingDays'
import type { JournalEntry } from '../../../shared/journal/entry'

// Test stand-ins for what the preload provides: install with `installApi(fakeApi({...}))`.
export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value })
export const fail = (code: AppErrorPayload['code'], params?: AppErrorPayload['params']): IpcResult<never> => ({
  ok: false,
  error: params ? { code, params } : { code },
})

/**
 * Every channel answers `internal` unless overridden; the journal is empty, and the clock settings and
 * working-day calendar are the shipped defaults (what main answers before a supervisor changes them).
 */
export function fakeApi(overrides: Partial<SeatDeskApi> = {}): SeatDeskApi {
  const defaults = Object.fromEntries(
    channelNames.map((channel) => [channel, async () => fail('internal')]),
  ) as unknown as SeatDeskApi
  defaults.journalRead = async () => ok({ entries: [], headSeq: 0 })
  defaults.deadlineSettingsGet = async () => ok(defaultDeadlineSettings)
  defaults.workingCalendarGet = async () => ok(defaultWorkingDayCalendarSettings)
  return { ...defaults, ...overrides }
}

export const testSeat: Seat = {
  seatId: 'seat-1',
  companyName: '佳途物流',
  branchCode: 'BJ01',
  seatNumber: '07',
  keyProtection: 'safeStorage',
}

export function testSession(overrides: Partial<SessionView> = {}): SessionView {
  return {
    sessionId: 's-1',
    user: { employeeNo: 'E001', name: '王主管', role: 'supervisor' },
    startedAt: '2026-11-23T01:00:00.000Z',
    checklistConfirmedAt: '2026-11-23T01:05:00.000Z',
    lockedAt: null,
    idleLockMinutes: 10,
    ...overrides,
  }
}

/** A journal entry with a made-up (but well-formed) hash; the renderer never verifies them. */
export function journalEntry(seq: number, kind: string, payload: unknown, ts = new Date(Date.UTC(2026, 10, 23, 1, seq)).toISOString()): JournalEntry {
  const hex = seq.toString(16).padStart(64, '0')
  return { seq, prev: '0'.repeat(64), ts, kind, actor: 'seat', payload, hash: hex, sig: 'c2ln' }
}

/** The first two entries of every test seat: `seat.created` and its supervisor E001 王主管. */
export function seatGenesis(): JournalEntry[] {
  return [
    journalEntry(1, 'seat.created', {
      seatId: 'seat-1',
      companyName: '佳途物流',
      branchCode: 'BJ01',
      seatNumber: '07',
      seatPublicKey: 'a2V5',
      keyProtection: 'safeStorage',
    }),
    journalEntry(2, 'user.added', { employeeNo: 'E001', name: '王主管', role: 'supervisor', publicKey: 'a2V5' }),
  ]
}

/** journalRead over an in-memory list, honouring afterSeq and limit like main does. */
export function journalReader(entries: JournalEntry[]) {
  return async (afterSeq: number, limit: number) => ({
    entries: entries.filter((entry) => entry.seq > afterSeq).slice(0, limit),
    headSeq: entries.at(-1)?.seq ?? 0,
  })
}
