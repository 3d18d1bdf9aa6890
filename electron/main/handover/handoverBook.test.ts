import { describe, expect, it } from 'vitest'
import type { EntryKind, EntryPayload } from '../../../shared/journal/kinds'
import type { KnownEntry } from '../../../shared/journal/knownEntry'
import { TicketBook } from '../tickets/ticketBook'
import { HandoverBook } from './handoverBook'
import { handoverPage } from './handoverTestPages'

// The projections replayed from entries alone (what a restart does), without a seat.

let seq = 0
function entry<K extends EntryKind>(kind: K, actor: string, payload: EntryPayload<K>): KnownEntry {
  seq++
  return { seq, prev: '0'.repeat(64), ts: `2026-03-02T0${Math.min(seq, 9)}:00:00.000Z`, kind, actor, payload, hash: '0'.repeat(64), sig: '' } as unknown as KnownEntry
}
const attestation = (employeeNo: string) => ({ employeeNo, sig: 'c2ln' })

describe('HandoverBook', () => {
  it('follows a page from draft to countersigned and keeps it once signed', () => {
    const book = new HandoverBook()
    const page = handoverPage('p1', [])
    book.apply(entry('handover.drafted', 'A001', { page }))
    expect(book.page('p1')?.state).toBe('draft')
    book.apply(entry('handover.signed', 'A001', { page, pageHash: 'h', attestation: attestation('A001') }))
    // A draft replayed after signing does not unsign the page or change its content.
    book.apply(entry('handover.drafted', 'A001', { page: { ...page, remarks: '改' } }))
    expect(book.page('p1')).toMatchObject({ state: 'signed', pageHash: 'h', page: { remarks: '' }, signed: { employeeNo: 'A001' } })
    expect(book.incomingStanding('A002')).toEqual({ pageId: 'p1', settled: 'pending' })
    const refused = [{ item: 'notices:nt-1', reason: '未收到' }]
    book.apply(entry('handover.acknowledged', 'A002', { pageId: 'p1', pageHash: 'h', refused, remarks: '', attestation: attestation('A002') }))
    expect(book.incomingStanding('A002')).toEqual({ pageId: 'p1', settled: 'acknowledged' })
    const checkpoint = { seq: 3, hash: 'x' }
    book.apply(entry('handover.countersigned', 'A002', { pageId: 'p1', pageHash: 'h', checkpoint, attestation: attestation('L001') }))
    book.apply(entry('handover.corrected', 'A002', { pageId: 'p1', correctionId: 'c1', text: '更正', attestation: attestation('A001') }))
    expect(book.page('p1')).toMatchObject({
      state: 'countersigned',
      refused,
      checkpoint,
      countersigned: { employeeNo: 'L001' },
      corrections: [{ correctionId: 'c1', text: '更正', by: 'A001' }],
    })
  })

  it('remembers the latest page addressed to each incoming agent and whether a lead waived it', () => {
    const book = new HandoverBook()
    book.apply(entry('handover.signed', 'A001', { page: handoverPage('p1', []), pageHash: 'h1', attestation: attestation('A001') }))
    book.apply(entry('handover.waived', 'A002', { pageId: 'p1', incoming: 'A002', reason: '请假', attestation: attestation('L001') }))
    expect(book.incomingStanding('A002')).toEqual({ pageId: 'p1', settled: 'waived' })
    expect(book.page('p1')?.waived).toMatchObject({ employeeNo: 'L001', reason: '请假' })
    book.apply(entry('handover.signed', 'A001', { page: handoverPage('p2', []), pageHash: 'h2', attestation: attestation('A001') }))
    expect(book.incomingStanding('A002')).toEqual({ pageId: 'p2', settled: 'pending' })
    expect(book.incomingStanding('A001')).toBeUndefined()
  })
})

describe('TicketBook and ticket.handedOver', () => {
  it('moves each ticket still owned by the outgoing agent, with its pending callbacks', () => {
    const tickets = new TicketBook()
    const details = { kind: 'consultation' } as never
    for (const [ticketId, owner] of [['t1', 'A001'], ['t2', 'A001'], ['t3', 'A003']] as const) {
      tickets.apply(entry('ticket.opened', owner, { ticketId, ticketNo: `SZ01-20260302-${ticketId}`, owner, details } as never))
    }
    tickets.apply(entry('ticket.callbackScheduled', 'A001', { ticketId: 't1', callbackId: 'cb1', dueAt: '2026-03-02T15:30:00+08:00' } as never))
    tickets.apply(entry('ticket.handedOver', 'A002', { pageId: 'p1', ticketIds: ['t1', 't3'], from: 'A001', to: 'A002' }))
    expect(tickets.ticket('t1')).toMatchObject({ owner: 'A002', callbacks: [{ callbackId: 'cb1', done: false }] })
    expect(tickets.ticket('t2')?.owner).toBe('A001')
    // Not the outgoing agent's: it is not theirs to hand over.
    expect(tickets.ticket('t3')?.owner).toBe('A003')
  })
})

describe('TicketBook and a transfer accepted after a page moved its ticket', () => {
  it('moves only the tickets the offerer still owns (a journal from a build whose pages moved tickets under an open offer)', () => {
    const tickets = new TicketBook()
    const details = { kind: 'consultation' } as never
    for (const ticketId of ['t1', 't2']) tickets.apply(entry('ticket.opened', 'A001', { ticketId, ticketNo: `SZ01-20260302-${ticketId}`, owner: 'A001', details } as never))
    tickets.apply(entry('ticket.transferOffered', 'A001', { transferId: 'tr1', ticketIds: ['t1', 't2'], from: 'A001', to: 'A003', reason: '跟进' }))
    tickets.apply(entry('ticket.handedOver', 'A002', { pageId: 'p1', ticketIds: ['t1'], from: 'A001', to: 'A002' }))
    tickets.apply(entry('ticket.transferAccepted', 'A003', { transferId: 'tr1', ticketIds: ['t1', 't2'], from: 'A001', to: 'A003', attestation: attestation('A003') } as never))
    expect(tickets.ticket('t1')).toMatchObject({ owner: 'A002', pendingTransferId: null })
    expect(tickets.ticket('t2')).toMatchObject({ owner: 'A003', pendingTransferId: null })
  })
})
