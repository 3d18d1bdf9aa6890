import { createHash } from 'node:crypto'
import { z } from 'zod'
import { canonicalJson } from '../../../../shared/journal/canonical'
import type { JournalEntry } from '../../../../shared/journal/entry'

/*
 * The HQ export bundle, `seatdesk-bundle/v1`: one NDJSON file a supervisor carries to HQ (USB stick,
 * mail), checkable offline with `npm run journal -- verify BUNDLE` and nothing else.
 *
 * Every line is canonical JSON (shared/journal/canonical.ts) ending in "\n", and carries `record`.
 * The lines come in this order, the counts being the manifest's:
 *
 *   1. {record:'manifest', format, seat, from, to, firstSeq, lastSeq, anchor, headHash, exportedAt,
 *       entries, userKeys, checkpoints, userKeysHash, checkpointsHash}
 *        seat: {seatId, companyName, branchCode, seatNumber, publicKey (raw Ed25519, base64),
 *               fingerprint (first 16 hex of SHA-256 of the raw key)}
 *        anchor:   `prev` of the first entry (the hash of seq firstSeq-1; 64 zeros from seq 1)
 *        headHash: hash of the last entry (seq lastSeq). {lastSeq, headHash} signed by the seat is the
 *                  export checkpoint: a bundle whose tail was cut no longer ends where it says.
 *        userKeysHash / checkpointsHash: SHA-256 hex of canonicalJson of the array of those records,
 *                  so the seat's manifest signature covers them too.
 *   2. {record:'genesis', entry}            the seat.created entry (seq 1) as stored: it proves the seat
 *                                           identity and key the manifest names.
 *   3. {record:'userKey', employeeNo, publicKey, validFromSeq, entry}   × userKeys
 *        every user key ever valid up to lastSeq, before the range too, oldest first; `entry` is the
 *        user.added / user.keyRotated entry as stored (seat-signed, so a swapped key fails) and
 *        validFromSeq its seq. An attestation at seq s verifies with the user's key of the highest
 *        validFromSeq below s.
 *   4. {record:'entry', entry}               × entries: seqs firstSeq..lastSeq, every field as stored,
 *        so canonicalJson(entry) is byte for byte the journal line and hash, prev and sig re-verify.
 *        The range is by the China date of `ts`: from the first entry dated in [from, to] to the last
 *        one; entries between them are all included (the chain has no gaps) even if a corrected
 *        clock dated one outside.
 *   5. {record:'checkpoint', source, seq, hash, pageId, entrySeq?}   × checkpoints, seq in [firstSeq-1, lastSeq]
 *        source 'countersigned': from the handover.countersigned entry at entrySeq (its checkpoint is
 *        the head just before it); source 'book': a line of <dataDir>/book/checkpoints.ndjson ("kept
 *        with the book"). Each must match the hash of the entry at its seq (or the anchor).
 *   6. {record:'signature', alg:'Ed25519', sig}   the seat key over manifestSigningMessage(manifest).
 *
 * A range with no entries still makes a bundle: entries 0, firstSeq = lastSeq + 1, headHash = anchor
 * (the seat's head at the end of the range), which is itself a signed checkpoint.
 */
export const BUNDLE_FORMAT = 'seatdesk-bundle/v1'
export const BUNDLE_EXTENSION = '.bundle'

const hex64 = z.string().regex(/^[0-9a-f]{64}$/)
const seq = z.number().int().nonnegative()
const chinaDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const rawKey = z.string().max(64)
// Entries are checked field by field by the journal verifier; here only that there is an object.
const storedEntry = z.record(z.string(), z.unknown())

export const bundleSeatSchema = z.strictObject({
  seatId: z.string().max(64),
  companyName: z.string().max(60),
  branchCode: z.string().max(8),
  seatNumber: z.string().max(8),
  publicKey: rawKey,
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
})

export const bundleManifestSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  seat: bundleSeatSchema,
  from: chinaDate,
  to: chinaDate,
  firstSeq: z.number().int().positive(),
  lastSeq: seq,
  anchor: hex64,
  headHash: hex64,
  exportedAt: z.iso.datetime({ offset: false, precision: 3 }),
  entries: seq,
  userKeys: seq,
  checkpoints: seq,
  userKeysHash: hex64,
  checkpointsHash: hex64,
})
export type BundleManifest = z.infer<typeof bundleManifestSchema>

export const manifestRecordSchema = bundleManifestSchema.extend({ record: z.literal('manifest') })
export const genesisRecordSchema = z.strictObject({ record: z.literal('genesis'), entry: storedEntry })
export const userKeyRecordSchema = z.strictObject({
  record: z.literal('userKey'),
  employeeNo: z.string().max(16),
  publicKey: rawKey,
  validFromSeq: z.number().int().positive(),
  entry: storedEntry,
})
export const entryRecordSchema = z.strictObject({ record: z.literal('entry'), entry: storedEntry })
export const checkpointRecordSchema = z.strictObject({
  record: z.literal('checkpoint'),
  source: z.enum(['countersigned', 'book']),
  seq,
  hash: hex64,
  entrySeq: z.number().int().positive().optional(),
  pageId: z.string().max(64),
})
export const signatureRecordSchema = z.strictObject({ record: z.literal('signature'), alg: z.literal('Ed25519'), sig: z.string().max(128) })

export type UserKeyRecord = Omit<z.infer<typeof userKeyRecordSchema>, 'entry'> & { entry: JournalEntry }
export type CheckpointRecord = z.infer<typeof checkpointRecordSchema>

/** Short, comparable-by-eye name of a seat key: the first 16 hex digits of SHA-256 of the raw 32 bytes. */
export function seatKeyFingerprint(publicKeyRaw: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyRaw, 'base64')).digest('hex').slice(0, 16)
}

/** SHA-256 hex of the canonical JSON of a section's records: what the manifest pins them by. */
export function sectionHash(records: readonly unknown[]): string {
  return createHash('sha256').update(canonicalJson(records), 'utf8').digest('hex')
}

/**
 * What the seat signs. The purpose tag keeps this signature from being usable as any other seat
 * signature (entry signatures cover 64 hex characters, never a JSON object).
 */
export function manifestSigningMessage(manifest: BundleManifest): Buffer {
  return Buffer.from(canonicalJson({ purpose: `${BUNDLE_FORMAT} manifest`, manifest }), 'utf8')
}
