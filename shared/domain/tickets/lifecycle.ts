import { z } from 'zod'
import { chinaDateOf, type Instant } from './chinaTime'
import type { Pause } from './deadlines'
import { formatCallerNumber } from '../phone'

// A ticket's life (首问责任制, 002 座席职责 15): open → in progress → waiting (on the customer, the branch
// or finance) → resolved → closed, and back by a reopen. Only the owner moves it; anyone may add a note
// or escalate. Pure rules, so main's check and the renderer's buttons agree.

export const ticketStatuses = ['open', 'inProgress', 'waiting', 'resolved', 'closed'] as const
export const ticketStatusSchema = z.enum(ticketStatuses, { error: 'choose' })
export type TicketStatus = z.infer<typeof ticketStatusSchema>

export const waitingOnValues = ['customer', 'branch', 'finance'] as const
export const waitingOnSchema = z.enum(waitingOnValues, { error: 'choose' })
export type WaitingOn = z.infer<typeof waitingOnSchema>

/** Where a ticket is escalated; the owner stays the owner and is told. */
export const escalationTargets = ['complaintHandling', 'supervisor'] as const
export const escalationTargetSchema = z.enum(escalationTargets, { error: 'choose' })
export type EscalationTarget = z.infer<typeof escalationTargetSchema>

export const callbackOutcomes = ['reached', 'noAnswer', 'cancelled'] as const
export const callbackOutcomeSchema = z.enum(callbackOutcomes, { error: 'choose' })
export type CallbackOutcome = z.infer<typeof callbackOutcomeSchema>

/** A status move the owner asks for; `reopen` goes back to in progress from resolved or closed. */
export type StatusMove = { to: TicketStatus; waitingOn: WaitingOn | null }

const allowedMoves: Record<TicketStatus, readonly TicketStatus[]> = {
  open: ['inProgress', 'waiting', 'resolved'],
  inProgress: ['waiting', 'resolved'],
  // Waiting on someone else can change to waiting on another party (branch → finance).
  waiting: ['inProgress', 'waiting', 'resolved'],
  resolved: ['closed', 'inProgress'],
  closed: ['inProgress'],
}

export function statusMovesFrom(status: TicketStatus): readonly TicketStatus[] {
  return allowedMoves[status]
}

export type MoveCheck = { ok: true } | { ok: false; code: 'statusMoveNotAllowed' | 'waitingOnRequired' | 'waitingOnUnchanged' }

/** Whether `from` (waiting on `fromWaitingOn`) may move as asked. Resolution gaps are checked apart. */
export function checkStatusMove(from: TicketStatus, fromWaitingOn: WaitingOn | null, move: StatusMove): MoveCheck {
  if (!allowedMoves[from].includes(move.to)) return { ok: false, code: 'statusMoveNotAllowed' }
  if (move.to === 'waiting' && move.waitingOn === null) return { ok: false, code: 'waitingOnRequired' }
  if (move.to === 'waiting' && from === 'waiting' && move.waitingOn === fromWaitingOn) return { ok: false, code: 'waitingOnUnchanged' }
  return { ok: true }
}

/** A reopen is a move back to work from a finished ticket. */
export function isReopen(from: TicketStatus, to: TicketStatus): boolean {
  return (from === 'resolved' || from === 'closed') && to === 'inProgress'
}

/** Open tickets are those still owed to the customer: not resolved, not closed. */
export function isOpenStatus(status: TicketStatus): boolean {
  return status !== 'resolved' && status !== 'closed'
}

/**
 * Ticket numbers read `<branch>-<yyyymmdd>-<seq>` (SZ01-20261125-0007): the branch code, the date in
 * China when it was opened, and that day's sequence on this seat from 1, four digits or more.
 */
export function formatTicketNo(branchCode: string, openedAt: Instant, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`ticket sequence must be a positive integer: ${seq}`)
  return `${branchCode}-${chinaDateOf(openedAt).replaceAll('-', '')}-${String(seq).padStart(4, '0')}`
}

const TICKET_NO = /^([A-Z0-9]{2,8})-(\d{8})-(\d{4,})$/

export function parseTicketNo(ticketNo: string): { branchCode: string; yyyymmdd: string; seq: number } | null {
  const match = TICKET_NO.exec(ticketNo.trim().toUpperCase())
  if (!match) return null
  const [, branchCode, yyyymmdd, seq] = match as unknown as [string, string, string, string]
  return { branchCode, yyyymmdd, seq: Number(seq) }
}

/** One status change as the pauses need it. */
export type StatusChange = { at: string; status: TicketStatus; waitingOn: WaitingOn | null }

/**
 * The times a ticket waited on the customer, from its status history (oldest first). A clock with
 * pauseWhileWaitingOnCustomer stands still during them; the last is open while it still waits.
 */
export function customerPauses(history: readonly StatusChange[]): Pause[] {
  const pauses: Pause[] = []
  let openFrom: string | null = null
  for (const change of history) {
    const waitingOnCustomer = change.status === 'waiting' && change.waitingOn === 'customer'
    if (waitingOnCustomer && openFrom === null) openFrom = change.at
    if (!waitingOnCustomer && openFrom !== null) {
      pauses.push({ from: openFrom, to: change.at })
      openFrom = null
    }
  }
  if (openFrom !== null) pauses.push({ from: openFrom, to: null })
  return pauses
}

/** Last four digits of a stored phone, for the "last 4" search; null when it has fewer. */
export function phoneLast4(stored: string | null): string | null {
  if (stored === null) return null
  const digits = stored.replace(/\D/g, '')
  return digits.length >= 4 ? digits.slice(-4) : null
}

/**
 * 138****5678: a phone as shown until the agent reveals it (001 r1, r3: the customer archive is never
 * leaked). Keeps the first three and the last four digits of the number as dialled in China, so a
 * fixed line keeps its trunk 0 (010****9988, not 106***9988, which reads like an SMS gateway).
 */
export function maskPhone(stored: string): string {
  const dialled = formatCallerNumber(stored).replace(/\D/g, '')
  if (dialled.length <= 7) return dialled.length <= 4 ? '****' : `${'*'.repeat(dialled.length - 4)}${dialled.slice(-4)}`
  return `${dialled.slice(0, 3)}${'*'.repeat(dialled.length - 7)}${dialled.slice(-4)}`
}
