import { randomUUID } from 'node:crypto'
import { handoverItemRefs, type Checkpoint, type HandoverPage, type RefusedItem } from '../../../shared/domain/handover/page'
import type { ShiftLabel } from '../../../shared/domain/handover/shifts'
import { isOpenStatus } from '../../../shared/domain/tickets/lifecycle'
import { AppError } from '../../../shared/ipc/errors'
import type { SeatDirectory } from '../identity/directory'
import type { IdentityService } from '../identity/identityService'
import type { Journal } from '../journal/api'
import type { OpenSession } from '../session/sessionState'
import type { TicketBook } from '../tickets/ticketBook'
import { appendCheckpoint, readCheckpoints } from './checkpointFile'
import type { HandoverBook, PageRecord } from './handoverBook'
import { pageHash } from './pageHash'
import type { ShiftSettingsService } from './shiftSettingsService'

/** A page's ticket that did not move because a transfer offer naming it is still open. */
export interface TicketInTransfer {
  ticketId: string
  ticketNo: string
  /** Who the open offer is to. */
  offeredTo: string
}

export interface AcknowledgeResult {
  movedTicketIds: string[]
  /** Accepted on the page but still the outgoing agent's until their transfer offer is settled. */
  inTransfer: TicketInTransfer[]
}

export interface HandoverDeps {
  /** Appends and projects; each entry's `ts` is the seat clock's, so the service needs no clock of its own. */
  record: Journal['append']
  /** The journal position a countersign vouches for. */
  head: Journal['head']
  dataDir: string
  book: HandoverBook
  tickets: TicketBook
  directory: SeatDirectory
  identity: Pick<IdentityService, 'attest'>
  shiftSettings: Pick<ShiftSettingsService, 'hasPattern' | 'pattern'>
}

// The handover book's signatures (DOMAIN.md "Shift and handover"): the outgoing agent signs, the
// incoming agent acknowledges (accepted tickets move to them), the shift lead countersigns; after that
// the page only gathers corrections. Every check runs before any write, and a wrong PIN is refused by
// `attest` before anything is written, so a refusal leaves the journal as it was.
export class HandoverService {
  constructor(private readonly deps: HandoverDeps) {}

  async saveDraft(session: OpenSession, page: HandoverPage): Promise<{ pageId: string }> {
    if (page.outgoing !== session.employeeNo) throw new AppError('notPageOutgoing')
    this.requireUnsigned(page.pageId)
    this.checkPeople(page)
    await this.deps.record('handover.drafted', session.employeeNo, { page })
    return { pageId: page.pageId }
  }

  /**
   * The outgoing agent signs with their PIN, once every open ticket they own is on the page. The page
   * signed carries its shift's name as the settings call it now, as the paper book has it written.
   */
  async sign(session: OpenSession, drafted: HandoverPage, pin: string): Promise<{ pageId: string; pageHash: string }> {
    if (drafted.outgoing !== session.employeeNo) throw new AppError('notPageOutgoing')
    this.requireUnsigned(drafted.pageId)
    this.checkPeople(drafted)
    this.checkComplete(drafted)
    const page = { ...drafted, patternLabel: this.patternLabel(drafted.patternId) }
    const hash = pageHash(page)
    const attestation = await this.deps.identity.attest('handover.signed', page.outgoing, pin, { page, pageHash: hash })
    await this.deps.record('handover.signed', page.outgoing, { page, pageHash: hash, attestation })
    return { pageId: page.pageId, pageHash: hash }
  }

  /** The incoming agent accepts the items not refused, with their PIN; the accepted tickets become theirs. */
  async acknowledge(
    session: OpenSession,
    request: { pageId: string; refused: readonly RefusedItem[]; remarks: string; pin: string },
  ): Promise<AcknowledgeResult> {
    const record = this.requirePage(request.pageId)
    const { page } = record
    if (page.incoming !== session.employeeNo) throw new AppError('notPageIncoming')
    if (record.state === 'draft') throw new AppError('pageNotSigned')
    if (record.state === 'countersigned') throw new AppError('pageCountersigned')
    if (record.state === 'acknowledged') throw new AppError('pageAlreadySigned')
    const refs = new Set(handoverItemRefs(page))
    for (const refusal of request.refused) {
      if (!refs.has(refusal.item)) throw new AppError('unknownPageItem', { item: refusal.item })
    }
    const { movedTicketIds, inTransfer } = this.ticketsToMove(page, new Set(request.refused.map((refusal) => refusal.item)))
    const terms = { pageId: page.pageId, pageHash: record.pageHash ?? pageHash(page), refused: [...request.refused], remarks: request.remarks }
    const attestation = await this.deps.identity.attest('handover.acknowledged', page.incoming, request.pin, terms)
    await this.deps.record('handover.acknowledged', page.incoming, { ...terms, attestation })
    if (movedTicketIds.length > 0) {
      await this.deps.record('ticket.handedOver', page.incoming, { pageId: page.pageId, ticketIds: movedTicketIds, from: page.outgoing, to: page.incoming })
    }
    return { movedTicketIds, inTransfer }
  }

  /**
   * Which of the page's accepted tickets move to the incoming agent. Only tickets the outgoing agent
   * still owns: one transferred away since signing is not theirs to hand over. And none under an open
   * transfer offer: the offer names its offerer as the owner, so moving the ticket now would let a
   * later acceptance take it from the incoming agent, who never offered it. Such a ticket stays with
   * the outgoing agent until the offer is accepted, declined or withdrawn (and the result says so).
   */
  private ticketsToMove(page: HandoverPage, refusedRefs: ReadonlySet<string>): AcknowledgeResult {
    const movedTicketIds: string[] = []
    const inTransfer: TicketInTransfer[] = []
    for (const item of page.tickets) {
      const ticket = this.deps.tickets.ticket(item.ticketId)
      if (refusedRefs.has(`tickets:${item.ticketId}`) || ticket?.owner !== page.outgoing || movedTicketIds.includes(ticket.ticketId)) continue
      if (ticket.pendingTransferId === null) {
        movedTicketIds.push(ticket.ticketId)
        continue
      }
      if (inTransfer.some((held) => held.ticketId === ticket.ticketId)) continue
      const offeredTo = this.deps.tickets.pendingTransfer(ticket.pendingTransferId)?.to ?? ''
      inTransfer.push({ ticketId: ticket.ticketId, ticketNo: ticket.ticketNo, offeredTo })
    }
    return { movedTicketIds, inTransfer }
  }

  /** A lead excuses the incoming agent from acknowledging first, with a written reason and their own PIN. */
  async waive(session: OpenSession, request: { pageId: string; employeeNo: string; pin: string; reason: string }): Promise<null> {
    const record = this.requirePage(request.pageId)
    this.requireLead(record, request.employeeNo)
    if (record.state === 'draft') throw new AppError('pageNotSigned')
    if (record.state === 'countersigned') throw new AppError('pageCountersigned')
    // Acknowledged already (or waived before): there is nothing left to excuse, so nothing is written.
    if (record.state === 'acknowledged' || record.waived) return null
    const terms = { pageId: record.pageId, incoming: record.page.incoming, reason: request.reason }
    const attestation = await this.deps.identity.attest('handover.waived', request.employeeNo, request.pin, terms)
    // The entry is the lead's act, proven by their PIN, whoever's session the seat is in.
    await this.deps.record('handover.waived', attestation.employeeNo, { ...terms, attestation })
    return null
  }

  /**
   * The lead (or a supervisor) countersigns an acknowledged or waived page. The entry carries the
   * journal head before it, signed by the lead; the same checkpoint goes to the book's own file.
   */
  async countersign(session: OpenSession, request: { pageId: string; employeeNo: string; pin: string }): Promise<{ checkpoint: Checkpoint }> {
    const record = this.requirePage(request.pageId)
    if (record.state === 'countersigned') throw new AppError('pageCountersigned')
    if (record.state === 'draft') throw new AppError('pageNotSigned')
    if (record.state !== 'acknowledged' && !record.waived) throw new AppError('pageNotAcknowledged')
    this.requireLead(record, request.employeeNo)
    const checkpoint = { ...this.deps.head() }
    const terms = { pageId: record.pageId, pageHash: record.pageHash ?? pageHash(record.page), checkpoint }
    const attestation = await this.deps.identity.attest('handover.countersigned', request.employeeNo, request.pin, terms)
    const entry = await this.deps.record('handover.countersigned', attestation.employeeNo, { ...terms, attestation })
    await appendCheckpoint(this.deps.dataDir, {
      pageId: record.pageId,
      seq: checkpoint.seq,
      hash: checkpoint.hash,
      countersignedAt: entry.ts,
      lead: request.employeeNo,
    })
    return { checkpoint }
  }

  /**
   * After a crash between the countersign entry and its line in the book's file, the file lacks a
   * checkpoint the journal has: on start it is written again from the entry, so the file stays complete.
   */
  async completeCheckpointFile(): Promise<number> {
    const kept = new Set((await readCheckpoints(this.deps.dataDir)).lines.map((line) => line.pageId))
    let added = 0
    for (const record of this.deps.book.countersignedPages()) {
      if (kept.has(record.pageId) || !record.checkpoint || !record.countersigned) continue
      const { seq, hash } = record.checkpoint
      await appendCheckpoint(this.deps.dataDir, { pageId: record.pageId, seq, hash, countersignedAt: record.countersigned.at, lead: record.countersigned.employeeNo })
      added++
    }
    return added
  }

  /** A countersigned page never changes: the lead or the outgoing agent adds a correction citing it. */
  async correct(session: OpenSession, request: { pageId: string; employeeNo: string; pin: string; text: string }): Promise<{ correctionId: string }> {
    const record = this.requirePage(request.pageId)
    if (record.state !== 'countersigned') throw new AppError('pageNotCountersigned')
    if (request.employeeNo !== record.page.outgoing) this.requireLead(record, request.employeeNo)
    const terms = { pageId: record.pageId, correctionId: randomUUID(), text: request.text }
    const attestation = await this.deps.identity.attest('handover.corrected', request.employeeNo, request.pin, terms)
    await this.deps.record('handover.corrected', attestation.employeeNo, { ...terms, attestation })
    return { correctionId: terms.correctionId }
  }

  private patternLabel(patternId: string): ShiftLabel {
    const pattern = this.deps.shiftSettings.pattern(patternId)
    if (!pattern) throw new AppError('unknownShiftPattern', { patternId })
    return { ...pattern.label }
  }

  private requirePage(pageId: string): PageRecord {
    const record = this.deps.book.page(pageId)
    if (!record) throw new AppError('unknownPage')
    return record
  }

  private requireUnsigned(pageId: string): void {
    const record = this.deps.book.page(pageId)
    if (record && record.state !== 'draft') throw new AppError('pageAlreadySigned')
  }

  /** The page's lead, or any active supervisor, may act as the lead. */
  private requireLead(record: PageRecord, employeeNo: string): void {
    if (employeeNo === record.page.lead) return
    const user = this.deps.directory.user(employeeNo)
    if (user?.active && user.role === 'supervisor') return
    throw new AppError('notPageLead')
  }

  private checkPeople(page: HandoverPage): void {
    if (!this.deps.shiftSettings.hasPattern(page.patternId)) throw new AppError('unknownShiftPattern', { patternId: page.patternId })
    for (const employeeNo of [page.incoming, page.lead]) {
      if (!this.deps.directory.user(employeeNo)?.active) throw new AppError('unknownUser', { employeeNo })
    }
  }

  /** Nothing falls between shifts: every open ticket the outgoing agent owns is listed, and only theirs. */
  private checkComplete(page: HandoverPage): void {
    const listed = new Set(page.tickets.map((item) => item.ticketId))
    const notOwned = page.tickets.filter((item) => this.deps.tickets.ticket(item.ticketId)?.owner !== page.outgoing)
    if (notOwned.length > 0) throw new AppError('handoverTicketNotOwned', { ticketNos: notOwned.map((item) => item.ticketNo).join(', ') })
    const missing = this.deps.tickets
      .all()
      .filter((ticket) => ticket.owner === page.outgoing && isOpenStatus(ticket.status) && !listed.has(ticket.ticketId))
      .sort((a, b) => a.ticketNo.localeCompare(b.ticketNo))
    if (missing.length > 0) throw new AppError('handoverTicketMissing', { ticketNos: missing.map((ticket) => ticket.ticketNo).join(', ') })
  }
}
