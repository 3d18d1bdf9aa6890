import { randomUUID } from 'node:crypto'
import { clocksForTicket } from '../../../shared/domain/tickets/deadlines'
import { resolutionGaps, ticketDetailsSchema, ticketIssues, type TicketDetails, type TicketIssue } from '../../../shared/domain/tickets/kinds'
import { checkStatusMove, type CallbackOutcome, type EscalationTarget, type TicketStatus, type WaitingOn } from '../../../shared/domain/tickets/lifecycle'
import type { TicketSummary } from '../../../shared/ipc/contract'
import { AppError, type ValidationIssue } from '../../../shared/ipc/errors'
import { canonicalJson } from '../../../shared/journal/canonical'
import type { CallBook } from '../calls/callBook'
import type { Clock } from '../clock'
import type { SeatDirectory } from '../identity/directory'
import type { Journal } from '../journal/api'
import type { OpenSession } from '../session/sessionState'
import type { DeadlineSettingsService } from './deadlineSettingsService'
import { ticketSummary, type TicketBook, type TicketState } from './ticketBook'

export interface TicketDeps {
  clock: Clock
  record: Journal['append']
  book: TicketBook
  directory: SeatDirectory
  /** The open call, to link every ticket entry written during it (the call record lists its tickets). */
  calls: CallBook
  deadlines: DeadlineSettingsService
}

export interface StatusRequest {
  ticketId: string
  to: TicketStatus
  waitingOn: WaitingOn | null
  note: string
}

// 首问责任制 (002 座席职责 15): the agent who takes a request owns it until it is closed; only the owner
// changes its details, moves its status, marks a clock step met or promises a callback. Anyone ready
// at the seat may add a note, record how a callback went, or escalate — the owner stays the owner.
// Every check runs before the one entry a request writes, so a refused request writes nothing.
export class TicketService {
  constructor(private readonly deps: TicketDeps) {}

  /** The signed-in agent opens and owns it; numbered on this seat's branch and today's China date. */
  async open(session: OpenSession, details: TicketDetails): Promise<TicketSummary> {
    const valid = checkedDetails(details)
    const seat = this.deps.directory.seat
    if (!seat) throw new AppError('notConfigured')
    const ticketId = randomUUID()
    const ticketNo = this.deps.book.numbering.next(seat.branchCode, this.deps.clock.now())
    await this.deps.record('ticket.opened', session.employeeNo, {
      ticketId,
      ticketNo,
      owner: session.employeeNo,
      details: valid,
      callId: this.callIdOf(session),
    })
    return this.summary(ticketId)
  }

  /** The owner corrects or completes the details; the kind stays what it was opened as. */
  async update(session: OpenSession, ticketId: string, details: TicketDetails): Promise<TicketSummary> {
    const ticket = this.requireOwned(session, ticketId)
    if (ticket.status === 'closed') throw new AppError('ticketClosed')
    const valid = checkedDetails(details)
    if (valid.kind !== ticket.details.kind) throw new AppError('ticketKindChanged')
    // Saving the form unchanged writes nothing: the timeline shows changes, not saves.
    if (canonicalJson(valid) === canonicalJson(ticket.details)) return ticketSummary(ticket)
    await this.deps.record('ticket.detailsUpdated', session.employeeNo, { ticketId, details: valid, callId: this.callIdOf(session) })
    return this.summary(ticketId)
  }

  /** Moves along open → in progress → waiting → resolved → closed, or reopens (lifecycle.ts). */
  async setStatus(session: OpenSession, request: StatusRequest): Promise<TicketSummary> {
    const ticket = this.requireOwned(session, request.ticketId)
    const waitingOn = request.to === 'waiting' ? request.waitingOn : null
    const move = checkStatusMove(ticket.status, ticket.waitingOn, { to: request.to, waitingOn })
    if (!move.ok) throw new AppError(move.code)
    if (request.to === 'resolved' || request.to === 'closed') {
      // 002 开单准确率 100%: what the investigation was to bring in must be there before it is resolved,
      // and still there when it is closed (the owner may have edited a resolved ticket since).
      const gaps = resolutionGaps(ticket.details)
      if (gaps.length > 0) throw new AppError('resolutionIncomplete', undefined, asValidationIssues(gaps))
    }
    await this.deps.record('ticket.statusChanged', session.employeeNo, {
      ticketId: ticket.ticketId,
      status: request.to,
      waitingOn,
      note: request.note,
      callId: this.callIdOf(session),
    })
    return this.summary(ticket.ticketId)
  }

  /** Anyone at the seat may add what they learnt; a note on a closed ticket is still a record. */
  async addNote(session: OpenSession, ticketId: string, text: string): Promise<TicketSummary> {
    this.requireTicket(ticketId)
    await this.deps.record('ticket.noteAdded', session.employeeNo, { ticketId, noteId: randomUUID(), text, callId: this.callIdOf(session) })
    return this.summary(ticketId)
  }

  /** The owner met one of the clocks that run for this ticket (under the clocks in force now). */
  async stepDone(session: OpenSession, request: { ticketId: string; clockId: string; note: string }): Promise<TicketSummary> {
    const ticket = this.requireOwned(session, request.ticketId)
    if (ticket.status === 'closed') throw new AppError('ticketClosed')
    const running = clocksForTicket(this.deps.deadlines.get(), ticket.details)
    if (!running.some((clock) => clock.id === request.clockId)) throw new AppError('unknownClock', { clockId: request.clockId })
    if (ticket.stepsDone.includes(request.clockId)) throw new AppError('stepAlreadyDone', { clockId: request.clockId })
    await this.deps.record('ticket.stepDone', session.employeeNo, {
      ticketId: ticket.ticketId,
      clockId: request.clockId,
      note: request.note,
      callId: this.callIdOf(session),
    })
    return this.summary(ticket.ticketId)
  }

  /**
   * A callback promised to the customer (001 篇4 r2: reply within 5 minutes, else call back). Only the
   * owner promises one: the owner is the one who answers for it, and it falls due on their list.
   */
  async scheduleCallback(session: OpenSession, request: { ticketId: string; dueAt: string; note: string }): Promise<{ callbackId: string }> {
    const ticket = this.requireOwned(session, request.ticketId)
    if (ticket.status === 'closed') throw new AppError('ticketClosed')
    const callbackId = randomUUID()
    await this.deps.record('ticket.callbackScheduled', session.employeeNo, {
      ticketId: ticket.ticketId,
      callbackId,
      dueAt: request.dueAt,
      note: request.note,
      callId: this.callIdOf(session),
    })
    return { callbackId }
  }

  /** Whoever made the call records how it went, so a callback the owner could not make is not lost. */
  async recordCallback(
    session: OpenSession,
    request: { ticketId: string; callbackId: string; outcome: CallbackOutcome; note: string },
  ): Promise<TicketSummary> {
    const ticket = this.requireTicket(request.ticketId)
    const callback = ticket.callbacks.find((candidate) => candidate.callbackId === request.callbackId)
    if (!callback) throw new AppError('unknownCallback', { callbackId: request.callbackId })
    if (callback.done) throw new AppError('callbackAlreadyDone', { callbackId: request.callbackId })
    await this.deps.record('ticket.callbackDone', session.employeeNo, {
      ticketId: ticket.ticketId,
      callbackId: request.callbackId,
      outcome: request.outcome,
      note: request.note,
      callId: this.callIdOf(session),
    })
    return this.summary(ticket.ticketId)
  }

  /** To complaint handling or a supervisor; the owner stays the owner (and the renderer tells them). */
  async escalate(session: OpenSession, request: { ticketId: string; to: EscalationTarget; reason: string }): Promise<TicketSummary> {
    const ticket = this.requireTicket(request.ticketId)
    await this.deps.record('ticket.escalated', session.employeeNo, {
      ticketId: ticket.ticketId,
      to: request.to,
      reason: request.reason,
      callId: this.callIdOf(session),
    })
    return this.summary(ticket.ticketId)
  }

  private requireTicket(ticketId: string): TicketState {
    const ticket = this.deps.book.ticket(ticketId)
    if (!ticket) throw new AppError('unknownTicket', { ticketId })
    return ticket
  }

  private requireOwned(session: OpenSession, ticketId: string): TicketState {
    return requireOwnedTicket(this.deps.book, session, ticketId)
  }

  /** The call this session has in progress (talking or wrapping up), if any. */
  private callIdOf(session: OpenSession): string | null {
    const open = this.deps.calls.open
    return open && open.sessionId === session.sessionId ? open.callId : null
  }

  private summary(ticketId: string): TicketSummary {
    const ticket = this.deps.book.ticket(ticketId)
    if (!ticket) throw new Error(`ticket ${ticketId} vanished after it was written`)
    return ticketSummary(ticket)
  }
}

/** The ticket, when the signed-in agent owns it. */
export function requireOwnedTicket(book: TicketBook, session: OpenSession, ticketId: string): TicketState {
  const ticket = book.ticket(ticketId)
  if (!ticket) throw new AppError('unknownTicket', { ticketId })
  if (ticket.owner !== session.employeeNo) throw new AppError('notTicketOwner', { ticketId, owner: ticket.owner })
  return ticket
}

/**
 * The kind's schema again, for callers that did not come through the IPC contract (the demo seat):
 * a ticket with a required field missing is never written (002 开单准确率 100%).
 */
function checkedDetails(details: TicketDetails): TicketDetails {
  const parsed = ticketDetailsSchema.safeParse(details)
  if (!parsed.success) throw new AppError('ticketInvalid', undefined, asValidationIssues(ticketIssues(parsed.error)))
  return parsed.data
}

/** Field reasons in the shape every refusal carries; the code doubles as the message the form translates. */
function asValidationIssues(issues: readonly TicketIssue[]): ValidationIssue[] {
  return issues.map(({ path, code }) => ({ path, code, message: code }))
}
