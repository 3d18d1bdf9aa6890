import { Dexie, type EntityTable } from 'dexie'
import type { CallerNumber } from '../../../shared/domain/calls'
import type { CallSettings } from '../../../shared/domain/callSettings'
import type { Role } from '../../../shared/domain/roles'
import type { PhraseKind, ScriptCategory, ScriptRef } from '../../../shared/domain/scripts'
import type { Settings } from '../../../shared/domain/settings'

// The renderer's view of the journal. Every row here is derived from journal entries, so the whole
// database can be cleared and rebuilt at any time; the journal in main is the only record.

export interface MetaRow {
  key: 'lastSeq' | 'lastHash' | 'seat' | 'settings' | 'callSettings'
  value: unknown
}

export interface UserRow {
  employeeNo: string
  name: string
  role: Role
  /** 1 or 0: IndexedDB cannot index booleans. */
  active: 1 | 0
  addedAt: string
  /** Sign-in refused until this ISO time after too many wrong PINs; cleared by the next sign-in. */
  lockedUntil: string | null
  pinResetAt: string | null
}

export interface ShiftSessionRow {
  sessionId: string
  employeeNo: string
  startedAt: string
  checklistConfirmedAt: string | null
  endedAt: string | null
  endReason: 'user' | 'replaced' | 'disabled' | null
  lockCount: number
  lockedAt: string | null
}

export interface SeatRow {
  seatId: string
  companyName: string
  branchCode: string
  seatNumber: string
  createdAt: string
}

/** The current version of each script in the library; a retired script keeps its last version. */
export interface ScriptRow {
  scriptId: string
  version: number
  category: ScriptCategory
  phraseKind: PhraseKind | null
  title: Record<'zh-CN' | 'en', string>
  body: Record<'zh-CN' | 'en', string>
  publishedAt: string
  publishedBy: string
  /** Journal seq of the first publish: scripts keep the order they were added in (seeds first). */
  firstSeq: number
  /** 1 or 0: IndexedDB cannot index booleans. */
  retired: 1 | 0
}

/** One call, from `call.answered`; the fields of the record are final once `completedAt` is set. */
export interface CallRow {
  callId: string
  sessionId: string
  employeeNo: string
  answeredAt: string
  hungUpAt: string | null
  completedAt: string | null
  handlingMs: number | null
  targetSeconds: number
  overTarget: boolean
  overTargetReason: string | null
  greetingSaid: boolean
  closingSaid: boolean
  callerNumber: CallerNumber | null
  customerName: string | null
  notes: string
  scriptsShown: ScriptRef[]
}

export type SeatDeskDb = Dexie & {
  meta: EntityTable<MetaRow, 'key'>
  users: EntityTable<UserRow, 'employeeNo'>
  shiftSessions: EntityTable<ShiftSessionRow, 'sessionId'>
  scripts: EntityTable<ScriptRow, 'scriptId'>
  calls: EntityTable<CallRow, 'callId'>
}

/** Every table the projection writes, in one list for its transactions. */
export const projectionTableNames = ['meta', 'users', 'shiftSessions', 'scripts', 'calls'] as const

export function openSeatDeskDb(name = 'seatdesk'): SeatDeskDb {
  // Relaxed durability is safe here and only here: a write lost to a crash is re-read from the
  // journal on the next start (catch-up from meta.lastSeq).
  const db = new Dexie(name, { chromeTransactionDurability: 'relaxed' }) as SeatDeskDb
  // Versions are append-only: add version(2).stores(...).upgrade(...) below; never edit version 1.
  db.version(1).stores({
    meta: 'key',
    users: 'employeeNo, role, active',
    shiftSessions: 'sessionId, employeeNo, startedAt',
  })
  // Issue 3: the script library and the calls. Entries a version-1 build skipped (scripts, calls)
  // are already behind meta.lastSeq, so the upgraded view is cleared and replayed from the start.
  db.version(2)
    .stores({
      scripts: 'scriptId, category, retired',
      calls: 'callId, [employeeNo+answeredAt], answeredAt',
    })
    .upgrade(async (tx) => {
      await Promise.all([tx.table('users').clear(), tx.table('shiftSessions').clear()])
      await tx.table('meta').bulkDelete(['lastSeq', 'lastHash'])
    })
  return db
}

export const db = openSeatDeskDb()

export type MetaValues = { lastSeq: number; lastHash: string; seat: SeatRow; settings: Settings; callSettings: CallSettings }

export async function readMeta<K extends keyof MetaValues>(database: SeatDeskDb, key: K): Promise<MetaValues[K] | undefined> {
  const row = await database.meta.get(key)
  return row?.value as MetaValues[K] | undefined
}
