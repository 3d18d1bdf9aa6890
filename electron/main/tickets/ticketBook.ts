import type { TicketSummary } from '../../../shared/ipc/contract'
import type { TicketDetails } from '../../../shared/domain/tickets/kinds'
import type { TicketStatus, WaitingOn } from '../../../shared/domain/tickets/lifecycle'
import type { KnownEntry } from '../../../shared/journal/knownEntry'
import { TicketNumbering } from './ticketNumbering'

// The seat's tickets as the journal tells them: what main needs to decide whether a request may be
// written (who owns a ticket, where it stands, which steps and callbacks are done, which tickets are
// promised to a colleague). Rebuilt by replay on start; the timeline, notes and deadlines live in the
// renderer's projection only.

export interface CallbackState {
  callbackId: string
  dueAt: string
  done: boolean
}

export interface TicketState {
  ticketId: string
  ticketNo: string
  /** 首问责任制: the agent who opened it, until a transfer is accepted. */
  owner: string
  openedAt: string
  status: TicketStatus
  waitingOn: WaitingOn | null
  details: TicketDetails
  /** Clock ids the owner marked done. */
  stepsDone: readonly string[]
  callbacks: readonly CallbackState[]
  /** The open offer naming this ticket: it cannot be offered again until that one is settled. */
  pendingTransferId: string | null
}

/** An offer waiting for the receiving user's PIN (or their refusal, or the offerer's withdrawal). */
export interface PendingTransfer {
  transferId: string
  ticketIds: readonly string[]
  from: string
  to: string
}

export type TransferOutcome = 'accepted' | 'declined' | 'cancelled'

export class TicketBook {
  private readonly tickets = new Map<string, TicketState>()
  private readonly pending = new Map<string, PendingTransfer>()
  /** Offers already settled, so a second accept says "no longer offered" rather than "unknown". */
  private readonly settled = new Map<string, TransferOutcome>()
  readonly numbering = new TicketNumbering()

  apply(entry: KnownEntry): void {
    switch (entry.kind) {
      case 'ticket.opened': {
        const { ticketId, ticketNo, owner, details } = entry.payload
        this.numbering.taken(ticketNo)
        this.tickets.set(ticketId, {
          ticketId,
          ticketNo,
          owner,
          openedAt: entry.ts,
          status: 'open',
          waitingOn: null,
          details,
          stepsDone: [],
          callbacks: [],
          pendingTransferId: null,
        })
        break
      }
      case 'ticket.detailsUpdated':
        this.change(entry.payload.ticketId, () => ({ details: entry.payload.details }))
        break
      case 'ticket.statusChanged':
        this.change(entry.payload.ticketId, () => ({ status: entry.payload.status, waitingOn: entry.payload.waitingOn }))
        break
      case 'ticket.stepDone':
        this.change(entry.payload.ticketId, (ticket) =>
          ticket.stepsDone.includes(entry.payload.clockId) ? {} : { stepsDone: [...ticket.stepsDone, entry.payload.clockId] },
        )
        break
      case 'ticket.callbackScheduled': {
        const { ticketId, callbackId, dueAt } = entry.payload
        this.change(ticketId, (ticket) => ({ callbacks: [...ticket.callbacks, { callbackId, dueAt, done: false }] }))
        break
      }
      case 'ticket.callbackDone': {
        const { ticketId, callbackId } = entry.payload
        this.change(ticketId, (ticket) => ({
          callbacks: ticket.callbacks.map((callback) => (callback.callbackId === callbackId ? { ...callback, done: true } : callback)),
        }))
        break
      }
      case 'ticket.transferOffered': {
        const { transferId, ticketIds, from, to } = entry.payload
        this.pending.set(transferId, { transferId, ticketIds, from, to })
        for (const ticketId of ticketIds) this.change(ticketId, () => ({ pendingTransferId: transferId }))
        break
      }
      case 'ticket.transferAccepted':
        this.settle(entry.payload.transferId, 'accepted')
        break
      case 'ticket.transferDeclined':
        this.settle(entry.payload.transferId, 'declined')
        break
      case 'ticket.transferCancelled':
        this.settle(entry.payload.transferId, 'cancelled')
        break
      case 'ticket.handedOver': {
        // The incoming agent acknowledged a handover page: each ticket (and so its pending callbacks,
        // which live on it) is theirs from now on. A ticket that already left `from` is not taken.
        const { ticketIds, from, to } = entry.payload
        for (const ticketId of ticketIds) this.change(ticketId, (ticket) => (ticket.owner === from ? { owner: to } : {}))
        break
      }
      default:
        break
    }
  }

  ticket(ticketId: string): TicketState | undefined {
    return this.tickets.get(ticketId)
  }

  /** Every ticket, for the handover completeness check (what the outgoing agent still owns). */
  all(): TicketState[] {
    return [...this.tickets.values()]
  }

  pendingTransfer(transferId: string): PendingTransfer | undefined {
    return this.pending.get(transferId)
  }

  transferOutcome(transferId: string): TransferOutcome | undefined {
    return this.settled.get(transferId)
  }

  /**
   * An accepted offer moves every ticket it names that the offerer still owns to the receiving user;
   * any settlement frees them. (A ticket can leave the offerer under an open offer only in a journal
   * from a build whose handover pages moved such tickets: it stays with whoever took it on then.)
   */
  private settle(transferId: string, outcome: TransferOutcome): void {
    const transfer = this.pending.get(transferId)
    if (!transfer) return
    this.pending.delete(transferId)
    this.settled.set(transferId, outcome)
    for (const ticketId of transfer.ticketIds) {
      this.change(ticketId, (ticket) =>
        outcome === 'accepted' && ticket.owner === transfer.from ? { owner: transfer.to, pendingTransferId: null } : { pendingTransferId: null },
      )
    }
  }

  private change(ticketId: string, update: (ticket: TicketState) => Partial<TicketState>): void {
    const ticket = this.tickets.get(ticketId)
    if (ticket) this.tickets.set(ticketId, { ...ticket, ...update(ticket) })
  }
}

/** Main's answer to a ticket change: enough for the screen to confirm it. */
export function ticketSummary(ticket: TicketState): TicketSummary {
  const { ticketId, ticketNo, owner, status, waitingOn } = ticket
  return { ticketId, ticketNo, owner, status, waitingOn }
}
