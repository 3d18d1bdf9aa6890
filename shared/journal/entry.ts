import { z } from 'zod'

// One line of the journal. `hash` is SHA-256 (lowercase hex) of the canonical JSON of
// {seq, prev, ts, kind, actor, payload}; `sig` is the seat key's Ed25519 signature of the hash's
// ASCII bytes, in standard padded base64. `prev` is the previous entry's hash (GENESIS_PREV for seq 1).
export const GENESIS_PREV = '0'.repeat(64)

export const journalEntrySchema = z.strictObject({
  seq: z.number().int().positive(),
  prev: z.string().regex(/^[0-9a-f]{64}$/),
  ts: z.iso.datetime({ offset: false, precision: 3 }),
  kind: z.string().min(1).max(64),
  actor: z.string().min(1).max(32),
  payload: z.unknown(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  sig: z.string().max(128),
})
export type JournalEntry = z.infer<typeof journalEntrySchema>

/** Who wrote an entry: a user's employee number, or the seat itself for machine events. */
export const SEAT_ACTOR = 'seat'

/** The part of an entry that is hashed. */
export function hashedPart(entry: Pick<JournalEntry, 'seq' | 'prev' | 'ts' | 'kind' | 'actor' | 'payload'>) {
  return { seq: entry.seq, prev: entry.prev, ts: entry.ts, kind: entry.kind, actor: entry.actor, payload: entry.payload }
}
