import { useLiveQuery } from 'dexie-react-hooks'
import type { HandoverPage } from '../../../../../shared/domain/handover/page'
import { defaultShiftSettings, type ShiftSettings } from '../../../../../shared/domain/handover/shifts'
import { addCalendarDays, isChinaDate } from '../../../../../shared/domain/tickets/chinaTime'
import { db, readMeta, type HandoverPageRow, type RosterRow, type TicketRow } from '../../../db/schema'

// The handover book as the screens read it, live: a change in the journal shows without a reload.

/** The shift patterns in force; the shipped ones until a supervisor changes them. */
export function useShiftSettings(): ShiftSettings {
  return useLiveQuery(async () => (await readMeta(db, 'shiftSettings')) ?? defaultShiftSettings, [], defaultShiftSettings)
}

export function patternLabel(settings: ShiftSettings, patternId: string, language: string): string {
  const pattern = settings.patterns.find((candidate) => candidate.id === patternId)
  return pattern ? pattern.label[language === 'en' ? 'en' : 'zh-CN'] : patternId
}

/**
 * A page's shift as it was called when the page was signed (a pattern renamed later does not rename
 * it); a draft's, or a page signed before pages carried the name, as the settings call it now.
 */
export function pageShiftLabel(settings: ShiftSettings, page: HandoverPage, language: string): string {
  return page.patternLabel?.[language === 'en' ? 'en' : 'zh-CN'] ?? patternLabel(settings, page.patternId, language)
}

/**
 * The pages and roster days of the dates from..to (China dates, inclusive), and the roster day before
 * `from` (yesterday's evening duty starts late: the duty rule reads it, the book does not list it).
 */
export function useBook(from: string, to: string): { pages: HandoverPageRow[]; roster: RosterRow[]; dayBefore: RosterRow[] } | undefined {
  return useLiveQuery(async () => {
    const [pages, roster, dayBefore] = await Promise.all([
      db.handoverPages.where('[date+patternId]').between([from, ''], [to, '\uffff'], true, true).toArray(),
      db.roster.where('date').between(from, to, true, true).toArray(),
      isChinaDate(from) ? db.roster.where('date').equals(addCalendarDays(from, -1)).toArray() : [],
    ])
    return { pages, roster, dayBefore }
  }, [from, to])
}

/** Signed pages addressed to me that I have not acknowledged (nor been excused from). */
export function useAwaitingMe(employeeNo: string): HandoverPageRow[] {
  return useLiveQuery(
    () => db.handoverPages.where('incoming').equals(employeeNo).filter((row) => row.state === 'signed' && row.waived === null).toArray(),
    [employeeNo],
    [],
  )
}

export function usePage(pageId: string | null): HandoverPageRow | undefined {
  return useLiveQuery(async () => (pageId ? db.handoverPages.get(pageId) : undefined), [pageId])
}

/** A ticket on a page that the outgoing agent still owns and has offered to someone, the offer still open. */
export interface PageTicketInTransfer {
  ticketId: string
  ticketNo: string
  /** Who the open offer is to. */
  offeredTo: string
}

/**
 * Of these tickets of the outgoing agent's, those that acknowledging a page would not move (main's
 * rule): still theirs, but named by an open transfer offer, so they stay with them until it is settled.
 */
export function useTicketsInTransfer(outgoing: string, ticketIds: readonly string[]): PageTicketInTransfer[] {
  const unique = [...new Set(ticketIds)]
  return useLiveQuery(
    async () => {
      const tickets = await db.tickets.bulkGet(unique)
      const held = tickets.filter((ticket): ticket is TicketRow & { pendingTransferId: string } => ticket?.owner === outgoing && ticket.pendingTransferId !== null)
      const transfers = await db.transfers.bulkGet(held.map((ticket) => ticket.pendingTransferId))
      return held.map((ticket, index) => ({ ticketId: ticket.ticketId, ticketNo: ticket.ticketNo, offeredTo: transfers[index]?.to ?? '' }))
    },
    [outgoing, unique.join(',')],
    [],
  )
}

/** A signed page's tickets that acknowledging it would not move (useTicketsInTransfer). */
export function usePageTicketsInTransfer(row: HandoverPageRow): PageTicketInTransfer[] {
  return useTicketsInTransfer(row.outgoing, row.page.tickets.map((item) => item.ticketId))
}
