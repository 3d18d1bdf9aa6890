import type { EntryKind } from '../../../../../shared/journal/kinds'
import type { ProjectionTables, Step } from '../../../db/projection'
import type { HandoverPageRow } from '../../../db/schema'

// The projection steps of the handover book, the roster and the shift settings. A page row holds the
// page as last drafted, then as signed; each later entry adds its signature. Main refuses entries out
// of order (a countersign before an acknowledgement…), so a step that finds the page in another state
// than the one its entry follows changes nothing: replaying the same journal always builds the same book.

async function changePage(
  tables: ProjectionTables,
  pageId: string,
  allowed: readonly HandoverPageRow['state'][],
  change: (row: HandoverPageRow) => void,
): Promise<void> {
  const row = await tables.handoverPages.get(pageId)
  if (!row || !allowed.includes(row.state)) return
  change(row)
  await tables.handoverPages.put(row)
}

function freshRow(page: HandoverPageRow['page'], at: string): HandoverPageRow {
  return {
    pageId: page.pageId,
    date: page.date,
    patternId: page.patternId,
    outgoing: page.outgoing,
    incoming: page.incoming,
    lead: page.lead,
    state: 'draft',
    page,
    pageHash: null,
    draftedAt: at,
    signedAt: null,
    acknowledgedAt: null,
    waived: null,
    countersignedAt: null,
    countersignedBy: null,
    checkpoint: null,
    refused: [],
    ackRemarks: '',
    corrections: [],
  }
}

/** The page's addressing follows its content while it is a draft (a draft may change the incoming agent). */
function withContent(row: HandoverPageRow, page: HandoverPageRow['page']): HandoverPageRow {
  return { ...row, page, date: page.date, patternId: page.patternId, outgoing: page.outgoing, incoming: page.incoming, lead: page.lead }
}

export const handoverSteps = {
  'shiftSettings.changed': (tables, payload) => tables.meta.put({ key: 'shiftSettings', value: payload.settings }),
  'roster.changed': (tables, { day }) => tables.roster.put({ date: day.date, shifts: day.shifts, duty: day.duty }),
  'handover.drafted': async (tables, { page }, entry) => {
    const row = await tables.handoverPages.get(page.pageId)
    if (row && row.state !== 'draft') return
    await tables.handoverPages.put(row ? { ...withContent(row, page), draftedAt: entry.ts } : freshRow(page, entry.ts))
  },
  'handover.signed': async (tables, { page, pageHash }, entry) => {
    const row = await tables.handoverPages.get(page.pageId)
    if (row && row.state !== 'draft') return
    // A page may be signed without a saved draft: its drafting time is its signing time.
    const base = row ? withContent(row, page) : freshRow(page, entry.ts)
    await tables.handoverPages.put({ ...base, state: 'signed', pageHash, signedAt: entry.ts })
  },
  'handover.acknowledged': (tables, payload, entry) =>
    changePage(tables, payload.pageId, ['signed'], (row) => {
      row.state = 'acknowledged'
      row.acknowledgedAt = entry.ts
      row.refused = payload.refused
      row.ackRemarks = payload.remarks
    }),
  'handover.waived': (tables, payload, entry) =>
    changePage(tables, payload.pageId, ['signed'], (row) => {
      row.waived = { by: payload.attestation.employeeNo, reason: payload.reason, at: entry.ts }
    }),
  'handover.countersigned': (tables, payload, entry) =>
    changePage(tables, payload.pageId, ['signed', 'acknowledged'], (row) => {
      row.state = 'countersigned'
      row.countersignedAt = entry.ts
      row.countersignedBy = payload.attestation.employeeNo
      row.checkpoint = payload.checkpoint
    }),
  'handover.corrected': (tables, payload, entry) =>
    changePage(tables, payload.pageId, ['countersigned'], (row) => {
      if (row.corrections.some((correction) => correction.correctionId === payload.correctionId)) return
      row.corrections.push({ correctionId: payload.correctionId, text: payload.text, by: payload.attestation.employeeNo, at: entry.ts })
    }),
} satisfies { [K in HandoverStepKind]: Step<K> }

/** The entry kinds this module projects (ticket.handedOver is a ticket step: ticketProjection.ts). */
export type HandoverStepKind = Extract<EntryKind, `handover.${string}`> | 'shiftSettings.changed' | 'roster.changed'
