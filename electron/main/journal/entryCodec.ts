import { createHash } from 'node:crypto'
import { canonicalJson } from '../../../shared/journal/canonical'
import { hashedPart } from '../../../shared/journal/entry'
import type { JournalEntry } from '../../../shared/journal/entry'
import type { SeatSigner } from './api'

// The one place an entry becomes bytes: hash = SHA-256 hex of the canonical hashed part, sig = the seat
// key over the hash's ASCII bytes, line = canonical JSON of the whole entry (shared/journal/entry.ts).
export type UnsealedEntry = Pick<JournalEntry, 'seq' | 'prev' | 'ts' | 'kind' | 'actor' | 'payload'>

export function hashOfHashedPart(unsealed: UnsealedEntry): string {
  return createHash('sha256').update(canonicalJson(hashedPart(unsealed)), 'utf8').digest('hex')
}

export function sealEntry(unsealed: UnsealedEntry, signer: SeatSigner): JournalEntry {
  const hash = hashOfHashedPart(unsealed)
  const sig = signer.sign(Buffer.from(hash, 'ascii')).toString('base64')
  return { ...hashedPart(unsealed), hash, sig }
}

/** The entry's line without its terminating newline. */
export function entryLine(entry: JournalEntry): string {
  return canonicalJson(entry)
}

/**
 * Both canonical texts of a stored entry in one pass over the payload: the line and the hashed part.
 * An entry's top-level keys are fixed, so their sorted order is too; only the payload needs the
 * general encoder. Verification is dominated by per-entry cost (issue: verify near raw Ed25519 rate).
 * entryCodec.test.ts checks this equals canonicalJson of the entry and of its hashed part.
 */
export function canonicalEntryTexts(entry: JournalEntry): { line: string; hashed: string } {
  const head = `{"actor":${JSON.stringify(entry.actor)}`
  const body = `"kind":${JSON.stringify(entry.kind)},"payload":${canonicalJson(entry.payload)},"prev":${JSON.stringify(entry.prev)},"seq":${canonicalJson(entry.seq)}`
  const ts = `"ts":${JSON.stringify(entry.ts)}}`
  return {
    line: `${head},"hash":${JSON.stringify(entry.hash)},${body},"sig":${JSON.stringify(entry.sig)},${ts}`,
    hashed: `${head},${body},${ts}`,
  }
}
