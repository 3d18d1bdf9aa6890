import { createHash } from 'node:crypto'
import type { HandoverPage } from '../../../shared/domain/handover/page'
import { canonicalJson } from '../../../shared/journal/canonical'

/** sha256 hex of the page's canonical JSON: what the outgoing agent signs and the others cite. */
export function pageHash(page: HandoverPage): string {
  return createHash('sha256').update(canonicalJson(page), 'utf8').digest('hex')
}
