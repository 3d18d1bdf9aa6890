import type { z } from 'zod'
import { chinaDateOf } from '../../../../shared/domain/tickets/chinaTime'
import { canonicalJson } from '../../../../shared/journal/canonical'
import { GENESIS_PREV, type JournalEntry } from '../../../../shared/journal/entry'
import type { EntryPayload } from '../../../../shared/journal/kinds'
import { decodeCanonicalBase64, publicKeyFromRaw, verify } from '../../journal/ed25519'
import { decodeLine, splitSegment } from '../../journal/segmentFiles'
import { EntryVerifier } from '../../journal/verifyEntries'
import {
  checkpointRecordSchema,
  entryRecordSchema,
  genesisRecordSchema,
  manifestRecordSchema,
  manifestSigningMessage,
  sectionHash,
  seatKeyFingerprint,
  signatureRecordSchema,
  userKeyRecordSchema,
  type BundleManifest,
  type CheckpointRecord,
} from './bundleFormat'

// Offline check of an HQ bundle (format: bundleFormat.ts), free of Electron and of the seat's folder.
// It trusts nothing in the file but the seat key (and, when HQ pins one, only that key): the manifest
// is signed by it, the entries chain from the manifest's anchor to its headHash under it, and every
// other record is either pinned by the manifest's section hashes or re-verified against the entries.

export type BundleVerdict =
  | { ok: true; manifest: BundleManifest; seatPublicKey: string; fingerprint: string }
  | {
      ok: false
      /** Plain words: what is wrong. */
      reason: string
      /** The journal seq concerned, when there is one. */
      seq: number | null
      /** Set when the bundle is well signed, but by another seat key than the one expected. */
      seatKeyMismatch?: { found: string; expected: string }
      manifest?: BundleManifest
    }

export interface VerifyBundleOptions {
  /** Raw base64 seat key the bundle must be signed with (HQ's record of this seat). */
  expectedSeatPublicKey?: string
}

class BundleInvalid extends Error {
  constructor(
    readonly reason: string,
    readonly seq: number | null = null,
  ) {
    super(reason)
  }
}

function isRawKey(raw: string): boolean {
  if (decodeCanonicalBase64(raw, 32) === null) return false
  try {
    publicKeyFromRaw(raw)
    return true
  } catch {
    return false
  }
}

/** Every line decoded, canonical JSON, each with its 1-based line number. */
function readLines(bytes: Buffer): unknown[] {
  const { lines, tailStart } = splitSegment(bytes)
  if (tailStart !== bytes.length) throw new BundleInvalid('the file does not end with a newline: it was cut short or edited')
  return lines.map((span, index) => {
    const text = decodeLine(bytes, span)
    if (text === null) throw new BundleInvalid(`line ${index + 1} is not valid UTF-8`)
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      throw new BundleInvalid(`line ${index + 1} is not valid JSON`)
    }
    // One byte form only: otherwise a change that parses to the same value would go unnoticed.
    if (canonicalJson(value) !== text) throw new BundleInvalid(`line ${index + 1} is not in canonical form`)
    return value
  })
}

function parseRecord<S extends z.ZodType>(schema: S, value: unknown, what: string, line: number): z.infer<S> {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new BundleInvalid(`line ${line} is not a valid ${what} record (${parsed.error.issues[0]?.path.join('.') || 'record'})`)
  return parsed.data
}

/**
 * One stored entry checked on its own, outside the chain (the genesis and the user-key entries):
 * canonical form, hash, seat signature and payload, by the same verifier as the journal.
 */
function checkDetachedEntry(entry: Record<string, unknown>, seatPublicKey: string, what: string): JournalEntry {
  const seq = typeof entry.seq === 'number' && Number.isSafeInteger(entry.seq) && entry.seq > 0 ? entry.seq : null
  const prev = typeof entry.prev === 'string' && /^[0-9a-f]{64}$/.test(entry.prev) ? entry.prev : null
  if (seq === null || prev === null || (seq === 1 && prev !== GENESIS_PREV)) throw new BundleInvalid(`${what}: malformed seq or prev`, seq)
  const verifier = new EntryVerifier({ expectedSeatPublicKey: seatPublicKey, anchor: { seq: seq - 1, hash: prev } })
  const check = verifier.inspectLine(canonicalJson(entry))
  if (!check.ok) throw new BundleInvalid(`${what} (seq ${seq}): ${check.reason}`, seq)
  return check.entry
}

export function verifyBundle(bytes: Buffer, options: VerifyBundleOptions = {}): BundleVerdict {
  let manifest: BundleManifest | undefined
  try {
    const values = readLines(bytes)
    if (values.length < 3) throw new BundleInvalid('the file is too short to be a bundle (manifest, seat entry and signature)')
    const { record: _record, ...manifestFields } = parseRecord(manifestRecordSchema, values[0], 'manifest', 1)
    manifest = manifestFields
    const seatKey = manifest.seat.publicKey
    if (!isRawKey(seatKey)) throw new BundleInvalid('the manifest seat key is not a raw Ed25519 public key')
    if (manifest.seat.fingerprint !== seatKeyFingerprint(seatKey)) throw new BundleInvalid('the manifest seat key fingerprint does not match the key')
    if (options.expectedSeatPublicKey !== undefined && options.expectedSeatPublicKey !== seatKey) {
      return {
        ok: false,
        reason: `the bundle is signed by seat key ${manifest.seat.fingerprint}, not the expected ${seatKeyFingerprint(options.expectedSeatPublicKey)}`,
        seq: null,
        seatKeyMismatch: { found: seatKey, expected: options.expectedSeatPublicKey },
        manifest,
      }
    }

    // The layout the manifest announces: anything added, dropped or moved shows here.
    const expectedLines = 2 + manifest.userKeys + manifest.entries + manifest.checkpoints + 1
    if (values.length !== expectedLines) {
      throw new BundleInvalid(`the bundle has ${values.length} lines but its manifest announces ${expectedLines}: records were removed or added`)
    }
    const signature = parseRecord(signatureRecordSchema, values[values.length - 1], 'signature', values.length)
    if (!verify(publicKeyFromRaw(seatKey), manifestSigningMessage(manifest), signature.sig)) {
      throw new BundleInvalid(`the manifest signature does not verify with seat key ${manifest.seat.fingerprint}`)
    }

    // From here the manifest is the seat's word: check the rest against it.
    const genesis = checkDetachedEntry(parseRecord(genesisRecordSchema, values[1], 'seat entry', 2).entry, seatKey, 'the seat entry')
    if (genesis.seq !== 1 || genesis.kind !== 'seat.created') throw new BundleInvalid('the seat entry is not the seat.created entry at seq 1', genesis.seq)
    const seat = genesis.payload as EntryPayload<'seat.created'>
    const named = manifest.seat
    if (seat.seatPublicKey !== seatKey || seat.seatId !== named.seatId || seat.companyName !== named.companyName || seat.branchCode !== named.branchCode || seat.seatNumber !== named.seatNumber) {
      throw new BundleInvalid('the manifest does not name the seat its seat.created entry describes', 1)
    }

    let line = 3
    const userKeyValues = values.slice(2, 2 + manifest.userKeys)
    const entryValues = values.slice(2 + manifest.userKeys, 2 + manifest.userKeys + manifest.entries)
    const checkpointValues = values.slice(2 + manifest.userKeys + manifest.entries, -1)
    if (sectionHash(userKeyValues) !== manifest.userKeysHash) throw new BundleInvalid('the users\' public keys differ from those the seat signed (userKeysHash)')
    if (sectionHash(checkpointValues) !== manifest.checkpointsHash) throw new BundleInvalid('the checkpoints differ from those the seat signed (checkpointsHash)')

    const { firstSeq, lastSeq } = manifest
    if (manifest.entries !== lastSeq - firstSeq + 1) throw new BundleInvalid(`the manifest counts ${manifest.entries} entries for seqs ${firstSeq} to ${lastSeq}`)
    if (firstSeq === 1 && manifest.anchor !== GENESIS_PREV) throw new BundleInvalid('a bundle from seq 1 must anchor at the genesis')

    const userKeys = userKeyValues.map((value) => {
      const record = parseRecord(userKeyRecordSchema, value, 'user key', line++)
      const entry = checkDetachedEntry(record.entry, seatKey, `the key of ${record.employeeNo}`)
      const payload = entry.payload as { employeeNo?: string; publicKey?: string }
      if ((entry.kind !== 'user.added' && entry.kind !== 'user.keyRotated') || payload.employeeNo !== record.employeeNo || payload.publicKey !== record.publicKey || entry.seq !== record.validFromSeq) {
        throw new BundleInvalid(`the key of ${record.employeeNo} does not match the entry that added it`, entry.seq)
      }
      if (record.validFromSeq > lastSeq) throw new BundleInvalid(`the key of ${record.employeeNo} is from seq ${record.validFromSeq}, after the bundle's last entry`, record.validFromSeq)
      return { ...record, entry }
    })
    for (let index = 1; index < userKeys.length; index++) {
      if ((userKeys[index] as { validFromSeq: number }).validFromSeq <= (userKeys[index - 1] as { validFromSeq: number }).validFromSeq) {
        throw new BundleInvalid('the users\' public keys are not in seq order')
      }
    }

    // The keys current at the anchor: for each user, the latest one added before the range.
    const atAnchor = new Map<string, string>()
    for (const key of userKeys) if (key.validFromSeq < firstSeq) atAnchor.set(key.employeeNo, key.publicKey)
    const verifier = new EntryVerifier({
      expectedSeatPublicKey: seatKey,
      anchor: { seq: firstSeq - 1, hash: manifest.anchor, userKeys: [...atAnchor].map(([employeeNo, publicKey]) => ({ employeeNo, publicKey })) },
    })
    const hashes = new Map<number, string>([[firstSeq - 1, manifest.anchor]])
    const countersigned: CheckpointRecord[] = []
    const keysInRange = userKeys.filter((key) => key.validFromSeq >= firstSeq)
    let keyIndex = 0
    for (const value of entryValues) {
      const record = parseRecord(entryRecordSchema, value, 'entry', line++)
      const check = verifier.verifyLine(canonicalJson(record.entry))
      if (!check.ok) throw new BundleInvalid(check.reason, check.seq)
      const entry = check.entry
      hashes.set(entry.seq, entry.hash)
      if (entry.kind === 'user.added' || entry.kind === 'user.keyRotated') {
        // The key list must hold exactly this entry: a swapped or missing key shows here.
        if (keysInRange[keyIndex]?.entry.hash !== entry.hash) throw new BundleInvalid('the users\' public keys do not list the key this entry adds', entry.seq)
        keyIndex++
      }
      if (entry.kind === 'handover.countersigned') {
        const { checkpoint, pageId } = entry.payload as EntryPayload<'handover.countersigned'>
        countersigned.push({ record: 'checkpoint', source: 'countersigned', seq: checkpoint.seq, hash: checkpoint.hash, entrySeq: entry.seq, pageId })
      }
    }
    if (keyIndex !== keysInRange.length) throw new BundleInvalid('the users\' public keys list a key no entry in the bundle adds', keysInRange[keyIndex]?.validFromSeq ?? null)

    // The range rule of the export: the slice starts and ends with entries dated within [from, to].
    const ends = [entryValues[0], entryValues.at(-1)].filter((value) => value !== undefined) as { entry: JournalEntry }[]
    for (const { entry } of ends) {
      const date = chinaDateOf(entry.ts)
      if (date < manifest.from || date > manifest.to) throw new BundleInvalid(`entry seq ${entry.seq} is dated ${date}, outside the bundle's range ${manifest.from} to ${manifest.to}`, entry.seq)
    }

    // The export checkpoint: the seat signed where the bundle ends.
    const head = verifier.head()
    if (head.seq !== lastSeq || head.hash !== manifest.headHash) {
      throw new BundleInvalid(
        head.seq !== lastSeq
          ? `the entries end at seq ${head.seq} but the seat signed the export up to seq ${lastSeq}: entries were removed from the end`
          : `the last entry (seq ${head.seq}) is not the one the seat signed as the export's head`,
        head.seq,
      )
    }

    const checkpoints = checkpointValues.map((value) => parseRecord(checkpointRecordSchema, value, 'checkpoint', line++))
    for (const checkpoint of checkpoints) {
      const hash = hashes.get(checkpoint.seq)
      if (hash === undefined) throw new BundleInvalid(`a ${checkpoint.source} checkpoint at seq ${checkpoint.seq} lies outside the bundle's entries`, checkpoint.seq)
      if (hash !== checkpoint.hash) throw new BundleInvalid(`the ${checkpoint.source} checkpoint at seq ${checkpoint.seq} does not match the entry there`, checkpoint.seq)
    }
    const listed = checkpoints.filter((checkpoint) => checkpoint.source === 'countersigned')
    if (canonicalJson(listed) !== canonicalJson(countersigned)) {
      throw new BundleInvalid('the countersigned checkpoints listed differ from the handover.countersigned entries in the bundle')
    }
    for (const checkpoint of countersigned) {
      if (checkpoint.seq >= (checkpoint.entrySeq as number)) {
        throw new BundleInvalid(`the countersign at seq ${checkpoint.entrySeq} checkpoints seq ${checkpoint.seq}, which is not before it`, checkpoint.entrySeq ?? null)
      }
    }
    return { ok: true, manifest, seatPublicKey: seatKey, fingerprint: manifest.seat.fingerprint }
  } catch (error) {
    if (!(error instanceof BundleInvalid)) throw error
    return manifest === undefined ? { ok: false, reason: error.reason, seq: error.seq } : { ok: false, reason: error.reason, seq: error.seq, manifest }
  }
}
