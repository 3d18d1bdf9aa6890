import type { HandoverPage, RefusedItem } from '../../../../shared/domain/handover/page'
import type { JournalEntry } from '../../../../shared/journal/entry'
import { entryOf, type EntryAt } from '../../testing/tickets'

// Handover journal entries for tests, as main's handover service would write them (each payload is
// checked against the journal schema by entryOf). A001 hands over to A002; E001 (the test seat's
// supervisor) leads the shift.

export const OUTGOING = 'A001'
export const INCOMING = 'A002'
export const LEAD = 'E001'
const sig = (employeeNo: string) => ({ employeeNo, sig: 'c2ln' })

export function samplePage(fields: Partial<HandoverPage> = {}): HandoverPage {
  return {
    pageId: 'p-1',
    date: '2026-11-23',
    patternId: 'morning',
    outgoing: OUTGOING,
    incoming: INCOMING,
    lead: LEAD,
    tickets: [],
    callbacks: [],
    leftoverGoods: [],
    cases: [],
    equipmentFaults: [],
    notices: [],
    remarks: '',
    ...fields,
  }
}

export const handoverDrafted = (seq: number, page: HandoverPage, at: EntryAt = {}) =>
  entryOf(seq, 'handover.drafted', { page }, { ...at, actor: at.actor ?? page.outgoing })

export const handoverSigned = (seq: number, page: HandoverPage, at: EntryAt = {}) =>
  entryOf(seq, 'handover.signed', { page, pageHash: 'ab'.repeat(32), attestation: sig(page.outgoing) }, { ...at, actor: at.actor ?? page.outgoing })

export function handoverAcknowledged(seq: number, fields: { pageId?: string; refused?: RefusedItem[]; remarks?: string; by?: string } = {}, at: EntryAt = {}): JournalEntry {
  const by = fields.by ?? INCOMING
  return entryOf(
    seq,
    'handover.acknowledged',
    { pageId: fields.pageId ?? 'p-1', pageHash: 'ab'.repeat(32), refused: fields.refused ?? [], remarks: fields.remarks ?? '', attestation: sig(by) },
    { ...at, actor: at.actor ?? by },
  )
}

export const ticketHandedOver = (seq: number, ticketIds: string[], at: EntryAt = {}) =>
  entryOf(seq, 'ticket.handedOver', { pageId: 'p-1', ticketIds, from: OUTGOING, to: INCOMING }, { ...at, actor: at.actor ?? INCOMING })

export const handoverWaived = (seq: number, reason: string, at: EntryAt = {}) =>
  entryOf(seq, 'handover.waived', { pageId: 'p-1', incoming: INCOMING, reason, attestation: sig(LEAD) }, { ...at, actor: at.actor ?? INCOMING })

export const handoverCountersigned = (seq: number, at: EntryAt = {}) =>
  entryOf(
    seq,
    'handover.countersigned',
    { pageId: 'p-1', pageHash: 'ab'.repeat(32), checkpoint: { seq: seq - 1, hash: 'cd'.repeat(32) }, attestation: sig(LEAD) },
    { ...at, actor: at.actor ?? INCOMING },
  )

export const handoverCorrected = (seq: number, correctionId: string, text: string, at: EntryAt = {}) =>
  entryOf(seq, 'handover.corrected', { pageId: 'p-1', correctionId, text, attestation: sig(LEAD) }, { ...at, actor: at.actor ?? INCOMING })
