import { randomUUID } from 'node:crypto'
import { AppError } from '../../../shared/ipc/errors'
import type { SeatDirectory } from '../identity/directory'
import type { IdentityService } from '../identity/identityService'
import type { Journal } from '../journal/api'
import type { OpenSession } from '../session/sessionState'
import type { PendingTransfer, TicketBook } from './ticketBook'
import { requireOwnedTicket } from './ticketService'

export interface TicketTransferDeps {
  record: Journal['append']
  book: TicketBook
  directory: SeatDirectory
  identity: Pick<IdentityService, 'attest'>
}

// Ownership moves only by an explicit, accepted handover (DOMAIN.md 首问责任制; 000 rule 13: "不能互相
// 推诿"): the owner offers, and nothing moves until the receiving user, signed in at the seat, accepts
// with their PIN — their personal signature on the entry is the proof they took the tickets on.
export class TicketTransferService {
  constructor(private readonly deps: TicketTransferDeps) {}

  /** The owner of every ticket named offers them to an active colleague. */
  async offer(session: OpenSession, request: { ticketIds: readonly string[]; to: string; reason: string }): Promise<{ transferId: string }> {
    const from = session.employeeNo
    if (request.to === from) throw new AppError('transferToSelf')
    const receiver = this.deps.directory.user(request.to)
    if (!receiver?.active) throw new AppError('unknownUser', { employeeNo: request.to })
    const ticketIds = [...new Set(request.ticketIds)]
    for (const ticketId of ticketIds) {
      const ticket = requireOwnedTicket(this.deps.book, session, ticketId)
      if (ticket.pendingTransferId !== null) throw new AppError('ticketInTransfer', { ticketId })
    }
    const transferId = randomUUID()
    await this.deps.record('ticket.transferOffered', from, { transferId, ticketIds, from, to: request.to, reason: request.reason })
    return { transferId }
  }

  /**
   * The receiving user takes the tickets on, with their PIN. A wrong PIN is refused before anything
   * is written and counts toward their lockout like every other PIN check.
   */
  async accept(session: OpenSession, request: { transferId: string; pin: string }): Promise<null> {
    const transfer = this.requireForReceiver(session, request.transferId)
    const { transferId, ticketIds, from, to } = transfer
    const terms = { transferId, ticketIds: [...ticketIds], from, to }
    const attestation = await this.deps.identity.attest('ticket.transferAccepted', to, request.pin, terms)
    await this.deps.record('ticket.transferAccepted', to, { ...terms, attestation })
    return null
  }

  /** The receiving user refuses; the tickets stay with their owner. */
  async decline(session: OpenSession, request: { transferId: string; reason: string }): Promise<null> {
    const transfer = this.requireForReceiver(session, request.transferId)
    await this.deps.record('ticket.transferDeclined', session.employeeNo, { transferId: transfer.transferId, reason: request.reason })
    return null
  }

  /** The offerer withdraws an offer not yet answered. */
  async cancel(session: OpenSession, request: { transferId: string }): Promise<null> {
    const transfer = this.requirePending(request.transferId)
    if (transfer.from !== session.employeeNo) throw new AppError('transferNotForYou')
    await this.deps.record('ticket.transferCancelled', session.employeeNo, { transferId: transfer.transferId })
    return null
  }

  private requireForReceiver(session: OpenSession, transferId: string): PendingTransfer {
    const transfer = this.requirePending(transferId)
    if (transfer.to !== session.employeeNo) throw new AppError('transferNotForYou')
    return transfer
  }

  private requirePending(transferId: string): PendingTransfer {
    const transfer = this.deps.book.pendingTransfer(transferId)
    if (transfer) return transfer
    // Already accepted, declined or withdrawn: say so, rather than that it never existed.
    if (this.deps.book.transferOutcome(transferId)) throw new AppError('transferNotOffered')
    throw new AppError('unknownTransfer')
  }
}
