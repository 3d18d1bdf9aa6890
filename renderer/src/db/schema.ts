import { Dexie, type EntityTable } from 'dexie'
import type { Role } from '../../../shared/domain/roles'
import type { Settings } from '../../../shared/domain/settings'

// The renderer's view of the journal. Every row here is derived from journal entries, so the whole
// database can be cleared and rebuilt at any time; the journal in main is the only record.

export interface MetaRow {
  key: 'lastSeq' | 'lastHash' | 'seat' | 'settings'
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

export type SeatDeskDb = Dexie & {
  meta: EntityTable<MetaRow, 'key'>
  users: EntityTable<UserRow, 'employeeNo'>
  shiftSessions: EntityTable<ShiftSessionRow, 'sessionId'>
}

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
  return db
}

export const db = openSeatDeskDb()

export type MetaValues = { lastSeq: number; lastHash: string; seat: SeatRow; settings: Settings }

export async function readMeta<K extends keyof MetaValues>(database: SeatDeskDb, key: K): Promise<MetaValues[K] | undefined> {
  const row = await database.meta.get(key)
  return row?.value as MetaValues[K] | undefined
}
