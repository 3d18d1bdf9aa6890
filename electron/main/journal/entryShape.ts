import { regexes } from 'zod/v4/core'
import { journalEntrySchema } from '../../../shared/journal/entry'
import type { JournalEntry } from '../../../shared/journal/entry'

// The entry schema (shared/journal/entry.ts) checked by hand for the verifier's per-line loop: the zod
// parse costs more per entry than everything else the line needs apart from JSON.parse and the
// signature. `isWellFormedEntry` only ever says yes when the schema would; whenever it says no the
// schema itself decides, so a malformed line is refused exactly as before, with zod's path in the reason.

const HEX_SHA256 = /^[0-9a-f]{64}$/
/** zod's own pattern for z.iso.datetime({ offset: false, precision: 3 }), the schema's `ts`. */
const TIMESTAMP = regexes.datetime({ offset: false, precision: 3, local: false })
const KEYS = ['seq', 'prev', 'ts', 'kind', 'actor', 'payload', 'hash', 'sig'] as const

const textOfLength = (value: unknown, min: number, max: number): boolean =>
  typeof value === 'string' && value.length >= min && value.length <= max

/** True only for a plain object with exactly the entry's eight fields, each as the schema requires. */
export function isWellFormedEntry(value: unknown): value is JournalEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  let count = 0
  for (const key in value) {
    if (!Object.hasOwn(value, key)) return false
    count++
  }
  if (count !== KEYS.length) return false
  for (const key of KEYS) if (!Object.hasOwn(value, key)) return false
  const entry = value as Record<(typeof KEYS)[number], unknown>
  return (
    typeof entry.seq === 'number' &&
    Number.isSafeInteger(entry.seq) &&
    entry.seq > 0 &&
    typeof entry.prev === 'string' &&
    HEX_SHA256.test(entry.prev) &&
    typeof entry.ts === 'string' &&
    TIMESTAMP.test(entry.ts) &&
    textOfLength(entry.kind, 1, 64) &&
    textOfLength(entry.actor, 1, 32) &&
    typeof entry.hash === 'string' &&
    HEX_SHA256.test(entry.hash) &&
    textOfLength(entry.sig, 0, 128)
  )
}

/** Null when the parsed line has the entry's shape, or the schema's first complaint (its path). */
export function entryShapeProblem(value: unknown): string | null {
  if (isWellFormedEntry(value)) return null
  const shape = journalEntrySchema.safeParse(value)
  if (shape.success) return null
  return shape.error.issues[0]?.path.join('.') || 'entry'
}
