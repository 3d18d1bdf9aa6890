import type { Checkpoint, HandoverPage, HandoverState, RefusedItem } from '../../../shared/domain/handover/page'
import type { KnownEntry } from '../../../shared/journal/knownEntry'

// The handover book as the journal tells it: each page's content and where it stands, so main can
// decide whether a signature may be written. Rebuilt by replay on start; the screens keep their own
// projection in Dexie.

export interface Signature {
  employeeNo: string
  at: string
  seq: number
}

export interface HandoverCorrection {
  correctionId: string
  text: string
  by: string
  at: string
}

export interface PageRecord {
  pageId: string
  state: HandoverState
  /** The last draft, or the signed page once signed (it never changes after that). */
  page: HandoverPage
  /** sha256 of the signed page's canonical JSON; null while a draft. */
  pageHash: string | null
  signed: Signature | null
  acknowledged: Signature | null
  refused: readonly RefusedItem[]
  waived: (Signature & { reason: string }) | null
  countersigned: Signature | null
  checkpoint: Checkpoint | null
  corrections: readonly HandoverCorrection[]
}

/** Where the latest page addressed to an incoming agent stands: they are reminded until it is settled. */
export interface IncomingStanding {
  pageId: string
  settled: 'pending' | 'acknowledged' | 'waived'
}

export class HandoverBook {
  private readonly pages = new Map<string, PageRecord>()
  private readonly latestIncoming = new Map<string, IncomingStanding>()

  apply(entry: KnownEntry): void {
    const signature = (employeeNo: string): Signature => ({ employeeNo, at: entry.ts, seq: entry.seq })
    switch (entry.kind) {
      case 'handover.drafted': {
        const { page } = entry.payload
        const existing = this.pages.get(page.pageId)
        // A draft after signing is never written by this app; replaying one must not unsign a page.
        if (existing && existing.state !== 'draft') break
        this.pages.set(page.pageId, existing ? { ...existing, page } : blankRecord(page))
        break
      }
      case 'handover.signed': {
        const { page, pageHash } = entry.payload
        const existing = this.pages.get(page.pageId)
        if (existing && existing.state !== 'draft') break
        this.pages.set(page.pageId, { ...(existing ?? blankRecord(page)), page, pageHash, state: 'signed', signed: signature(entry.actor) })
        this.latestIncoming.set(page.incoming, { pageId: page.pageId, settled: 'pending' })
        break
      }
      case 'handover.acknowledged': {
        const { pageId, refused } = entry.payload
        this.change(pageId, () => ({ state: 'acknowledged', acknowledged: signature(entry.actor), refused }))
        this.settle(pageId, 'acknowledged')
        break
      }
      case 'handover.waived': {
        const { pageId, reason, attestation } = entry.payload
        this.change(pageId, () => ({ waived: { ...signature(attestation.employeeNo), reason } }))
        this.settle(pageId, 'waived')
        break
      }
      case 'handover.countersigned': {
        const { pageId, checkpoint, attestation } = entry.payload
        this.change(pageId, () => ({ state: 'countersigned', countersigned: signature(attestation.employeeNo), checkpoint }))
        break
      }
      case 'handover.corrected': {
        const { pageId, correctionId, text, attestation } = entry.payload
        this.change(pageId, (record) => ({
          corrections: [...record.corrections, { correctionId, text, by: attestation.employeeNo, at: entry.ts }],
        }))
        break
      }
      default:
        break
    }
  }

  page(pageId: string): PageRecord | undefined {
    return this.pages.get(pageId)
  }

  /** Countersigned pages in the order they were countersigned. */
  countersignedPages(): PageRecord[] {
    return [...this.pages.values()].filter((record) => record.countersigned).sort((a, b) => (a.countersigned?.seq ?? 0) - (b.countersigned?.seq ?? 0))
  }

  /** The latest signed page addressed to `employeeNo` and whether it was acknowledged or waived. */
  incomingStanding(employeeNo: string): IncomingStanding | undefined {
    return this.latestIncoming.get(employeeNo)
  }

  private settle(pageId: string, settled: IncomingStanding['settled']): void {
    const record = this.pages.get(pageId)
    if (!record) return
    const standing = this.latestIncoming.get(record.page.incoming)
    if (standing?.pageId === pageId && standing.settled === 'pending') this.latestIncoming.set(record.page.incoming, { pageId, settled })
  }

  private change(pageId: string, update: (record: PageRecord) => Partial<PageRecord>): void {
    const record = this.pages.get(pageId)
    if (record) this.pages.set(pageId, { ...record, ...update(record) })
  }
}

function blankRecord(page: HandoverPage): PageRecord {
  return {
    pageId: page.pageId,
    state: 'draft',
    page,
    pageHash: null,
    signed: null,
    acknowledged: null,
    refused: [],
    waived: null,
    countersigned: null,
    checkpoint: null,
    corrections: [],
  }
}
