import { createHash } from 'node:crypto'
import { canonicalJson, NotCanonicalError } from '../../../shared/journal/canonical'
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

/**
 * Whether `line` is exactly the canonical JSON of `entry`, the value JSON.parse made of it. The quick
 * test: JSON.stringify writes a parsed object's keys in the line's order, with the escaping and number
 * forms canonicalJson uses, so a line it reproduces whose objects all have their keys in sorted order is
 * canonical. Whatever that does not settle (integer-like keys, which JSON.parse moves to the front;
 * whitespace; a repeated key) is decided by the full encoder, as before. A number JSON cannot write
 * back (1e999 parses to Infinity) makes the line non-canonical instead of throwing.
 */
export function isCanonicalEntryLine(entry: JournalEntry, line: string): boolean {
  if (JSON.stringify(entry) === line && keysAreSorted(entry)) return true
  try {
    return canonicalEntryTexts(entry).line === line
  } catch (error) {
    if (error instanceof NotCanonicalError) return false
    throw error
  }
}

function keysAreSorted(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true
  if (Array.isArray(value)) {
    for (const item of value) if (!keysAreSorted(item)) return false
    return true
  }
  let previous: string | null = null
  // Own keys come first in for-in order, so a sorted run here means the own keys (all JSON.stringify writes) are sorted.
  for (const key in value) {
    if (previous !== null && !(previous < key)) return false
    previous = key
    if (!keysAreSorted((value as Record<string, unknown>)[key])) return false
  }
  return true
}

/**
 * The hashed part's canonical text cut out of the entry's canonical line (`isCanonicalEntryLine`):
 * the line is the hashed part with `"hash"` after `"actor"` and `"sig"` before `"ts"`, so removing those
 * two members leaves exactly `canonicalEntryTexts(entry).hashed` without encoding the payload again.
 */
export function hashedTextOfCanonicalLine(entry: JournalEntry, line: string): string {
  const hashStart = '{"actor":'.length + JSON.stringify(entry.actor).length
  const hashEnd = hashStart + ',"hash":'.length + JSON.stringify(entry.hash).length
  const tsStart = line.length - '}'.length - JSON.stringify(entry.ts).length - ',"ts":'.length
  const sigStart = tsStart - ',"sig":'.length - JSON.stringify(entry.sig).length
  return line.slice(0, hashStart) + line.slice(hashEnd, sigStart) + line.slice(tsStart)
}
