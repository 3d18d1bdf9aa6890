import { Dexie } from 'dexie'
import type { TicketDetails } from '../../../../../shared/domain/tickets/kinds'
import { isOpenStatus, phoneLast4, ticketStatuses } from '../../../../../shared/domain/tickets/lifecycle'
import { ticketSearchKeys } from '../../../../../shared/domain/tickets/searchKeys'
import type { JournalEntry } from '../../../../../shared/journal/entry'
import type { EntryKind } from '../../../../../shared/journal/kinds'
import type { ProjectionTables, Step } from '../../../db/projection'
import type { CallbackRow, TicketEventRow, TicketRow, TransferRow } from '../../../db/schema'
import { noDeadline, readDeadlineContext, ticketDeadline, type TicketDeadlineFields } from './ticketDeadlines'
import type { TicketPage } from './ticketPage'

// The projection steps of the ticket entries, the customer archive and the clock settings. A ticket
// row is rewritten whole on each of its entries, with its deadline recomputed as of that entry's time.
// Tickets, callbacks and timeline lines go through the page (ticketPage.ts), written at its end.
//
// Timeline keys: TicketEventRow's primary key is `seq`, one row per journal entry. A transfer names up
// to 500 tickets and each ticket's timeline shows it, so the row of the i-th ticket a transfer names is
// keyed seq + i/1024: 1024 is a power of two, so every key is exact in floating point, and as i < 1024
// the keys stay distinct, below the next entry's seq and in journal order; `Math.floor(row.seq)` (see
// `eventJournalSeq`) is the entry's seq. Every other entry names one ticket and keeps its plain seq.

/** Transfers name at most 500 tickets (the journal schema): each gets a distinct key below seq + 1. */
const TIMELINE_SLOTS = 1024

/** The journal seq of the entry a timeline row came from. */
export function eventJournalSeq(row: Pick<TicketEventRow, 'seq'>): number {
  return Math.floor(row.seq)
}

const openStatuses = ticketStatuses.filter(isOpenStatus)

type TicketEvent = { kind: TicketEventRow['kind']; data: TicketEventRow['data'] }

/**
 * Applies one entry to one ticket: `describe` names the timeline line from the row as it was, `change`
 * edits the row, then the entry's call joins the row's calls and the deadline is recomputed as of the
 * entry. An entry naming a ticket this view does not hold (main refuses those) changes nothing.
 */
async function changeTicket(
  page: TicketPage,
  entry: JournalEntry,
  target: { ticketId: string; callId: string | null; slot?: number },
  describe: (before: TicketRow) => TicketEvent,
  change: (row: TicketRow) => void = () => {},
): Promise<void> {
  const [row, pending, context] = await Promise.all([page.ticket(target.ticketId), page.pendingCallbacks(target.ticketId), page.deadlineContext()])
  if (!row) return
  const event = describe(row)
  change(row)
  row.updatedAt = entry.ts
  if (target.callId !== null && !row.callIds.includes(target.callId)) row.callIds.push(target.callId)
  Object.assign(row, ticketDeadline(row, pending, context, entry.ts))
  page.putTicket(row)
  addEvent(page, entry, row.ticketId, target.callId, event, target.slot)
}

function addEvent(page: TicketPage, entry: JournalEntry, ticketId: string, callId: string | null, event: TicketEvent, slot = 0) {
  page.addEvent({ seq: entry.seq + slot / TIMELINE_SLOTS, ticketId, at: entry.ts, actor: entry.actor, kind: event.kind, data: event.data, callId })
}

/** Top-level fields whose value changed, with both values: the timeline's "what changed". */
function detailChanges(before: TicketDetails, after: TicketDetails): { field: string; before: unknown; after: unknown }[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)])
  const changes: { field: string; before: unknown; after: unknown }[] = []
  for (const field of fields) {
    const was = (before as Record<string, unknown>)[field]
    const now = (after as Record<string, unknown>)[field]
    if (JSON.stringify(was) !== JSON.stringify(now)) changes.push({ field, before: was ?? null, after: now ?? null })
  }
  return changes
}

/** Each ticket a transfer names, with its own timeline line, in the order the transfer lists them. */
async function eachTransferTicket(
  page: TicketPage,
  entry: JournalEntry,
  ticketIds: readonly string[],
  event: TicketEvent,
  change: (row: TicketRow) => void,
) {
  for (const [slot, ticketId] of ticketIds.entries()) await changeTicket(page, entry, { ticketId, callId: null, slot }, () => event, change)
}

/** Settles an offered transfer; a transfer already settled (or unknown) is left as it is. */
async function settleTransfer(
  tables: ProjectionTables,
  transferId: string,
  settle: Pick<TransferRow, 'state' | 'settledAt' | 'declineReason'>,
): Promise<TransferRow | null> {
  const transfer = await tables.transfers.get(transferId)
  if (!transfer || transfer.state !== 'offered') return null
  const settled = { ...transfer, ...settle }
  await tables.transfers.put(settled)
  return settled
}

const clearPending = (transferId: string) => (row: TicketRow) => {
  if (row.pendingTransferId === transferId) row.pendingTransferId = null
}

/**
 * A supervisor changed the clocks or the calendar: every open ticket's deadline follows, as of then.
 * Reads the tables directly, so the page is written first and forgotten after.
 */
async function recomputeOpenTickets(tables: ProjectionTables, page: TicketPage, now: string): Promise<void> {
  await page.flush()
  page.forget()
  await recomputeOpenDeadlines(tables, now)
}

/**
 * Computes every open ticket's deadline again from the clocks and calendar in force, as of `now`, and
 * writes the rows whose deadline changed; returns how many. Also used when the app ships other holiday
 * tables than the ones the view's deadlines were computed with (holidayData.ts).
 */
export async function recomputeOpenDeadlines(tables: Pick<ProjectionTables, 'meta' | 'tickets' | 'callbacks'>, now: string): Promise<number> {
  const [context, open, pending] = await Promise.all([
    readDeadlineContext(tables),
    tables.tickets.where('status').anyOf(openStatuses).toArray(),
    tables.callbacks.where('[done+dueAt]').between([0, Dexie.minKey], [0, Dexie.maxKey]).toArray(),
  ])
  const pendingByTicket = new Map<string, CallbackRow[]>()
  for (const callback of pending) {
    const ofTicket = pendingByTicket.get(callback.ticketId)
    if (ofTicket) ofTicket.push(callback)
    else pendingByTicket.set(callback.ticketId, [callback])
  }
  const changed: TicketRow[] = []
  for (const row of open) {
    const fields = ticketDeadline(row, pendingByTicket.get(row.ticketId) ?? [], context, now)
    if (!sameDeadline(row, fields)) changed.push({ ...row, ...fields })
  }
  await tables.tickets.bulkPut(changed)
  return changed.length
}

function sameDeadline(row: TicketRow, fields: TicketDeadlineFields): boolean {
  return (
    row.nextDueAt === fields.nextDueAt &&
    row.nextDueWhat === fields.nextDueWhat &&
    row.pausedNow === fields.pausedNow &&
    JSON.stringify(row.dueProblem) === JSON.stringify(fields.dueProblem)
  )
}

/**
 * The tickets these entries change that they do not open: a page of the journal reads them before it
 * is applied (TicketPage.preload). Read from the raw payloads, before their schemas are checked: an id
 * that turns out malformed costs one lookup that finds nothing.
 */
export function ticketsChangedBy(entries: readonly JournalEntry[]): string[] {
  const opened = new Set<string>()
  const changed = new Set<string>()
  for (const entry of entries) {
    if (!entry.kind.startsWith('ticket.')) continue
    const payload = entry.payload as { ticketId?: unknown; ticketIds?: unknown }
    if (entry.kind === 'ticket.opened') {
      if (typeof payload.ticketId === 'string') opened.add(payload.ticketId)
      continue
    }
    const named = Array.isArray(payload.ticketIds) ? payload.ticketIds : [payload.ticketId]
    for (const ticketId of named) if (typeof ticketId === 'string' && !opened.has(ticketId)) changed.add(ticketId)
  }
  return [...changed]
}

export const ticketSteps = {
  'ticket.opened': async (_tables, payload, entry, page) => {
    const row: TicketRow = {
      ticketId: payload.ticketId,
      ticketNo: payload.ticketNo,
      kind: payload.details.kind,
      owner: payload.owner,
      openedBy: entry.actor,
      openedAt: entry.ts,
      openedSeq: entry.seq,
      updatedAt: entry.ts,
      status: 'open',
      waitingOn: null,
      open: 1,
      details: payload.details,
      ...ticketSearchKeys(payload.ticketNo, payload.details),
      callIds: payload.callId === null ? [] : [payload.callId],
      // The opening is the first status: the pauses are read from this history.
      statusHistory: [{ at: entry.ts, status: 'open', waitingOn: null }],
      stepsDone: [],
      escalations: [],
      pendingTransferId: null,
      ...noDeadline,
    }
    Object.assign(row, ticketDeadline(row, [], await page.deadlineContext(), entry.ts))
    page.addTicket(row)
    addEvent(page, entry, row.ticketId, payload.callId, { kind: 'opened', data: { ticketNo: row.ticketNo, kind: row.kind, owner: row.owner } })
  },
  'ticket.detailsUpdated': (_tables, payload, entry, page) =>
    changeTicket(
      page,
      entry,
      payload,
      (before) => ({ kind: 'detailsUpdated', data: { changes: detailChanges(before.details, payload.details) } }),
      (row) => Object.assign(row, { details: payload.details, kind: payload.details.kind }, ticketSearchKeys(row.ticketNo, payload.details)),
    ),
  'ticket.statusChanged': (_tables, payload, entry, page) =>
    changeTicket(
      page,
      entry,
      payload,
      (before) => ({
        kind: 'statusChanged',
        data: { from: before.status, fromWaitingOn: before.waitingOn, status: payload.status, waitingOn: payload.waitingOn, note: payload.note },
      }),
      (row) => {
        row.status = payload.status
        row.waitingOn = payload.waitingOn
        row.open = isOpenStatus(payload.status) ? 1 : 0
        row.statusHistory.push({ at: entry.ts, status: payload.status, waitingOn: payload.waitingOn })
      },
    ),
  'ticket.noteAdded': (_tables, payload, entry, page) =>
    changeTicket(page, entry, payload, () => ({ kind: 'noteAdded', data: { noteId: payload.noteId, text: payload.text } })),
  'ticket.stepDone': (_tables, payload, entry, page) =>
    changeTicket(
      page,
      entry,
      payload,
      () => ({ kind: 'stepDone', data: { clockId: payload.clockId, note: payload.note } }),
      (row) => {
        if (!row.stepsDone.includes(payload.clockId)) row.stepsDone.push(payload.clockId)
      },
    ),
  'ticket.callbackScheduled': async (_tables, payload, entry, page) => {
    const ticket = await page.ticket(payload.ticketId)
    if (!ticket) return
    // One format for every instant in the view: the due lists compare strings.
    const dueAt = new Date(payload.dueAt).toISOString()
    await page.putCallback({
      callbackId: payload.callbackId,
      ticketId: payload.ticketId,
      owner: ticket.owner,
      dueAt,
      note: payload.note,
      scheduledAt: entry.ts,
      scheduledBy: entry.actor,
      done: 0,
      outcome: null,
      doneAt: null,
    })
    await changeTicket(page, entry, payload, () => ({ kind: 'callbackScheduled', data: { callbackId: payload.callbackId, dueAt, note: payload.note } }))
  },
  'ticket.callbackDone': async (_tables, payload, entry, page) => {
    const callback = (await page.pendingCallbacks(payload.ticketId)).find((pending) => pending.callbackId === payload.callbackId)
    if (callback) await page.putCallback({ ...callback, done: 1, outcome: payload.outcome, doneAt: entry.ts })
    await changeTicket(page, entry, payload, () => ({
      kind: 'callbackDone',
      data: { callbackId: payload.callbackId, outcome: payload.outcome, note: payload.note },
    }))
  },
  'ticket.escalated': (_tables, payload, entry, page) =>
    changeTicket(
      page,
      entry,
      payload,
      () => ({ kind: 'escalated', data: { to: payload.to, reason: payload.reason } }),
      (row) => {
        row.escalations.push({ to: payload.to, at: entry.ts, by: entry.actor, reason: payload.reason })
      },
    ),
  'ticket.transferOffered': async (tables, payload, entry, page) => {
    const { transferId, ticketIds, from, to, reason } = payload
    await tables.transfers.put({ transferId, ticketIds, from, to, reason, offeredAt: entry.ts, state: 'offered', settledAt: null, declineReason: null })
    const event = { kind: 'transferOffered', data: { transferId, from, to, reason, ticketCount: ticketIds.length } } as const
    await eachTransferTicket(page, entry, ticketIds, event, (row) => {
      row.pendingTransferId = transferId
    })
  },
  // 首问责任制: ownership moves here and nowhere else, with the pending callbacks it owes. The entry
  // repeats the offer's terms under the receiver's signature; main wrote it only for an open offer.
  'ticket.transferAccepted': async (tables, payload, entry, page) => {
    const transfer = await settleTransfer(tables, payload.transferId, { state: 'accepted', settledAt: entry.ts, declineReason: null })
    if (!transfer) return
    const { transferId, ticketIds, from, to } = payload
    // Only what the offerer still owns moves (main's TicketBook.settle): a ticket a handover page of an
    // earlier build moved while the offer was open stays with whoever took it on then.
    const moved: string[] = []
    await eachTransferTicket(page, entry, ticketIds, { kind: 'transferAccepted', data: { transferId, from, to } }, (row) => {
      clearPending(transferId)(row)
      if (row.owner !== from) return
      row.owner = to
      moved.push(row.ticketId)
    })
    for (const ticketId of moved) {
      for (const callback of [...(await page.pendingCallbacks(ticketId))]) await page.putCallback({ ...callback, owner: to })
    }
  },
  // A handover page's accepted tickets move to the incoming agent as a transfer's do, citing the page:
  // the same per-ticket timeline keys, the pending callbacks follow, the deadlines are recomputed.
  'ticket.handedOver': async (_tables, payload, entry, page) => {
    const { pageId, ticketIds, from, to } = payload
    await eachTransferTicket(page, entry, ticketIds, { kind: 'handedOver', data: { pageId, from, to } }, (row) => {
      row.owner = to
    })
    for (const ticketId of ticketIds) {
      for (const callback of [...(await page.pendingCallbacks(ticketId))]) await page.putCallback({ ...callback, owner: to })
    }
  },
  'ticket.transferDeclined': async (tables, payload, entry, page) => {
    const transfer = await settleTransfer(tables, payload.transferId, { state: 'declined', settledAt: entry.ts, declineReason: payload.reason })
    if (!transfer) return
    const { transferId, ticketIds, from, to } = transfer
    const event = { kind: 'transferDeclined', data: { transferId, from, to, reason: payload.reason } } as const
    await eachTransferTicket(page, entry, ticketIds, event, clearPending(transferId))
  },
  'ticket.transferCancelled': async (tables, payload, entry, page) => {
    const transfer = await settleTransfer(tables, payload.transferId, { state: 'cancelled', settledAt: entry.ts, declineReason: null })
    if (!transfer) return
    const { transferId, ticketIds, from, to } = transfer
    await eachTransferTicket(page, entry, ticketIds, { kind: 'transferCancelled', data: { transferId, from, to } }, clearPending(transferId))
  },
  'customer.saved': (tables, { customer }, entry) =>
    tables.customers.put({ ...customer, phoneLast4: phoneLast4(customer.phone), updatedAt: entry.ts, updatedBy: entry.actor }),
  'customer.phoneRevealed': (tables, payload, entry) =>
    tables.phoneReveals.put({ seq: entry.seq, phone: payload.phone, at: entry.ts, actor: entry.actor, context: payload.context, ticketId: payload.ticketId }),
  'deadlineSettings.changed': async (tables, payload, entry, page) => {
    await tables.meta.put({ key: 'deadlineSettings', value: payload.settings })
    await recomputeOpenTickets(tables, page, entry.ts)
  },
  'workingCalendar.changed': async (tables, payload, entry, page) => {
    await tables.meta.put({ key: 'workingCalendar', value: payload.settings })
    await recomputeOpenTickets(tables, page, entry.ts)
  },
} satisfies { [K in TicketStepKind]: Step<K> }

/** The entry kinds this module projects. */
export type TicketStepKind =
  | Extract<EntryKind, `ticket.${string}` | `customer.${string}`>
  | 'deadlineSettings.changed'
  | 'workingCalendar.changed'
