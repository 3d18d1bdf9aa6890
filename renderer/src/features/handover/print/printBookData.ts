import { Dexie } from 'dexie'
import { defaultShiftSettings, type ShiftPattern } from '../../../../../shared/domain/handover/shifts'
import { readMeta, type HandoverPageRow, type SeatDeskDb, type UserRow } from '../../../db/schema'
import type { PrintRange } from './printRoute'

// What the print view reads from the projection: the pages of the range, the people they name and
// the shift patterns in force (their order on paper, and the name of a page signed before pages
// carried their shift's name). Read once (not live): a print is a snapshot.

export interface PrintBookData {
  pages: HandoverPageRow[]
  users: Map<string, UserRow>
  patterns: Map<string, ShiftPattern>
}

/** Pages by date, then by their pattern's start time, then id: the book's order on paper. */
function bookOrder(patterns: Map<string, ShiftPattern>) {
  return (a: HandoverPageRow, b: HandoverPageRow) =>
    a.date.localeCompare(b.date) ||
    (patterns.get(a.patternId)?.start ?? '').localeCompare(patterns.get(b.patternId)?.start ?? '') ||
    a.pageId.localeCompare(b.pageId)
}

/** Drafts are not part of the book: only pages the outgoing agent signed are printed. */
export async function readPrintBook(database: SeatDeskDb, range: PrintRange): Promise<PrintBookData> {
  const [rows, users, settings] = await Promise.all([
    database.handoverPages
      .where('[date+patternId]')
      .between([range.from, Dexie.minKey], [range.to, Dexie.maxKey], true, true)
      .toArray(),
    database.users.toArray(),
    readMeta(database, 'shiftSettings'),
  ])
  // Before a supervisor saves any, the seat works the shipped patterns (what main answers too).
  const patterns = new Map((settings ?? defaultShiftSettings).patterns.map((pattern) => [pattern.id, pattern]))
  return {
    pages: rows.filter((row) => row.state !== 'draft').sort(bookOrder(patterns)),
    users: new Map(users.map((user) => [user.employeeNo, user])),
    patterns,
  }
}
