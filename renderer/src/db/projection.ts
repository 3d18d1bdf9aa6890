import type { JournalEntry } from '../../../shared/journal/entry'
import { entryPayloads, isEntryKind, type EntryKind, type EntryPayload } from '../../../shared/journal/kinds'
import type { SeatDeskDb } from './schema'

/** The tables a projection step writes; pass them from inside one `rw` transaction. */
export type ProjectionTables = Pick<SeatDeskDb, 'meta' | 'users' | 'shiftSessions'>

type Step<K extends EntryKind> = (tables: ProjectionTables, payload: EntryPayload<K>, entry: JournalEntry) => Promise<unknown>

// One step per entry kind. Each only reads and writes the tables, so replaying the same entries
// always builds the same view.
const steps: { [K in EntryKind]: Step<K> } = {
  'seat.created': (tables, payload, entry) =>
    tables.meta.put({
      key: 'seat',
      value: {
        seatId: payload.seatId,
        companyName: payload.companyName,
        branchCode: payload.branchCode,
        seatNumber: payload.seatNumber,
        createdAt: entry.ts,
      },
    }),
  'user.added': (tables, payload, entry) =>
    tables.users.put({
      employeeNo: payload.employeeNo,
      name: payload.name,
      role: payload.role,
      active: 1,
      addedAt: entry.ts,
      lockedUntil: null,
      pinResetAt: null,
    }),
  'user.disabled': (tables, payload) => tables.users.update(payload.employeeNo, { active: 0 }),
  'user.enabled': (tables, payload) => tables.users.update(payload.employeeNo, { active: 1 }),
  // A supervisor's PIN reset also lifts a lockout.
  'user.keyRotated': (tables, payload, entry) =>
    tables.users.update(payload.employeeNo, { pinResetAt: entry.ts, lockedUntil: null }),
  'user.lockedOut': (tables, payload) => tables.users.update(payload.employeeNo, { lockedUntil: payload.until }),
  'settings.changed': (tables, payload) => tables.meta.put({ key: 'settings', value: payload.settings }),
  'session.signedIn': async (tables, payload, entry) => {
    await tables.users.update(payload.employeeNo, { lockedUntil: null })
    await tables.shiftSessions.put({
      sessionId: payload.sessionId,
      employeeNo: payload.employeeNo,
      startedAt: entry.ts,
      checklistConfirmedAt: null,
      endedAt: null,
      endReason: null,
      lockCount: 0,
      lockedAt: null,
    })
  },
  'session.checklistConfirmed': (tables, payload, entry) =>
    tables.shiftSessions.update(payload.sessionId, { checklistConfirmedAt: entry.ts }),
  'session.locked': (tables, payload, entry) =>
    tables.shiftSessions.where('sessionId').equals(payload.sessionId).modify((row) => {
      row.lockCount += 1
      row.lockedAt = entry.ts
    }),
  'session.unlocked': (tables, payload) => tables.shiftSessions.update(payload.sessionId, { lockedAt: null }),
  'session.signedOut': (tables, payload, entry) =>
    tables.shiftSessions.update(payload.sessionId, { endedAt: entry.ts, endReason: payload.reason, lockedAt: null }),
  // Shown from seatStatus when it happens; nothing in the view changes.
  'journal.recovered': async () => {},
}

/**
 * Applies one journal entry to the view. Kinds this build does not know, and payloads that do not
 * match their schema, are skipped: the caller still advances `lastSeq` past them.
 */
export async function applyEntry(tables: ProjectionTables, entry: JournalEntry): Promise<'applied' | 'skipped'> {
  if (!isEntryKind(entry.kind)) return 'skipped'
  const parsed = entryPayloads[entry.kind].safeParse(entry.payload)
  if (!parsed.success) return 'skipped'
  const step = steps[entry.kind] as Step<EntryKind>
  await step(tables, parsed.data as EntryPayload<EntryKind>, entry)
  return 'applied'
}
