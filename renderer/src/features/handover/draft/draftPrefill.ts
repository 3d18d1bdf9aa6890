import { Dexie } from 'dexie'
import type { HandoverPage } from '../../../../../shared/domain/handover/page'
import type { SeatDeskDb, TicketRow } from '../../../db/schema'

// What a new page starts with, read from the view: every open ticket the outgoing agent owns (main
// refuses to sign a page that leaves one out), their pending callbacks, and their open damage/shortage
// and misroute tickets again as cases. The lists of goods, faults and notices start empty.

const CASE_KINDS = ['damageShortage', 'misroutedGoods'] as const
type CaseKind = (typeof CASE_KINDS)[number]
const isCase = (kind: TicketRow['kind']): kind is CaseKind => (CASE_KINDS as readonly string[]).includes(kind)

/** The note of the ticket's latest status change, if it had one: what the owner said they do next. */
async function latestStatusNote(db: Pick<SeatDeskDb, 'ticketEvents'>, ticketId: string): Promise<string> {
  const events = await db.ticketEvents.where('[ticketId+seq]').between([ticketId, Dexie.minKey], [ticketId, Dexie.maxKey]).reverse().toArray()
  for (const event of events) {
    if (event.kind !== 'statusChanged') continue
    const note = event.data.note
    return typeof note === 'string' ? note.trim() : ''
  }
  return ''
}

/** A case's one-line summary: what the ticket says happened, else its waybill. */
function caseSummary(ticket: TicketRow): string {
  const details = ticket.details as { description?: unknown; note?: unknown; waybillNo?: unknown }
  for (const candidate of [details.description, details.note, details.waybillNo]) {
    if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim().slice(0, 300)
  }
  return ticket.ticketNo
}

export type PrefillChoice = Pick<HandoverPage, 'pageId' | 'date' | 'patternId' | 'outgoing' | 'incoming' | 'lead'>

export async function prefilledPage(db: Pick<SeatDeskDb, 'tickets' | 'ticketEvents' | 'callbacks'>, choice: PrefillChoice): Promise<HandoverPage> {
  const [owned, callbacks] = await Promise.all([
    db.tickets.where('[owner+open]').equals([choice.outgoing, 1]).toArray(),
    db.callbacks.where('owner').equals(choice.outgoing).filter((callback) => callback.done === 0).toArray(),
  ])
  owned.sort((a, b) => a.openedSeq - b.openedSeq)
  const notes = await Promise.all(owned.map((ticket) => latestStatusNote(db, ticket.ticketId)))
  const ticketNos = new Map(owned.map((ticket) => [ticket.ticketId, ticket.ticketNo]))
  return {
    ...choice,
    tickets: owned.map((ticket, index) => ({
      ticketId: ticket.ticketId,
      ticketNo: ticket.ticketNo,
      kind: ticket.kind,
      nextStep: notes[index] ?? '',
      dueAt: ticket.nextDueAt,
    })),
    callbacks: callbacks
      .sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1))
      .map((callback) => ({
        callbackId: callback.callbackId,
        ticketId: callback.ticketId,
        ticketNo: ticketNos.get(callback.ticketId) ?? callback.ticketId,
        dueAt: callback.dueAt,
        note: callback.note.slice(0, 500),
      })),
    cases: owned.flatMap((ticket) => (isCase(ticket.kind) ? [{ ticketId: ticket.ticketId, ticketNo: ticket.ticketNo, kind: ticket.kind, summary: caseSummary(ticket) }] : [])),
    leftoverGoods: [],
    equipmentFaults: [],
    notices: [],
    remarks: '',
  }
}

/**
 * A draft saved earlier, carried on: its lists of tickets, callbacks and cases follow the view as it
 * is now (a ticket opened or taken on since is added, one closed or passed on since is dropped, or
 * main would refuse to sign it), keeping what the agent wrote for those still there; the goods,
 * faults, notices and remarks are theirs alone and stay as saved.
 */
export function resumedPage(saved: HandoverPage, fresh: HandoverPage): HandoverPage {
  const written = <T, K>(items: readonly T[], key: (item: T) => K) => new Map(items.map((item) => [key(item), item]))
  const tickets = written(saved.tickets, (item) => item.ticketId)
  const callbacks = written(saved.callbacks, (item) => item.callbackId)
  const cases = written(saved.cases, (item) => item.ticketId)
  return {
    ...saved,
    ...pickAddressing(fresh),
    tickets: fresh.tickets.map((item) => ({ ...item, nextStep: tickets.get(item.ticketId)?.nextStep || item.nextStep })),
    callbacks: fresh.callbacks.map((item) => ({ ...item, note: callbacks.get(item.callbackId)?.note ?? item.note })),
    cases: fresh.cases.map((item) => ({ ...item, summary: cases.get(item.ticketId)?.summary || item.summary })),
  }
}

function pickAddressing({ pageId, date, patternId, outgoing, incoming, lead }: HandoverPage): PrefillChoice {
  return { pageId, date, patternId, outgoing, incoming, lead }
}
