import { hash as digest, verify as cryptoVerify } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { attestedMessage } from '../../../shared/journal/attestation'
import { GENESIS_PREV } from '../../../shared/journal/entry'
import type { JournalEntry } from '../../../shared/journal/entry'
import { entryPayloads, isEntryKind } from '../../../shared/journal/kinds'
import type { Attestation } from '../../../shared/journal/kinds'
import { hashedTextOfCanonicalLine, isCanonicalEntryLine } from './entryCodec'
import { entryShapeProblem } from './entryShape'
import { decodeCanonicalBase64, ED25519_SIGNATURE_BYTES, publicKeyFromRaw, verify } from './ed25519'

// Per-entry verification, free of files, so opening a journal, the CLI and the HQ bundle verifier all
// apply exactly the same rules. It walks entries in order and keeps only what the chain needs: the
// expected seq, the previous hash, the seat key and each user's current key (for attestations).

export type EntryCheck = { ok: true; entry: JournalEntry } | { ok: false; seq: number | null; reason: string }

export interface EntryVerifierOptions {
  /**
   * The seat key (raw base64) to verify against. A genesis `seat.created` names its own key; when both
   * are present they must agree. Without either, nothing can be verified and seq 1 is refused.
   */
  expectedSeatPublicKey?: string
  /**
   * Start the chain after a known entry instead of at seq 1 (the HQ bundle: a slice of the journal).
   * Requires `expectedSeatPublicKey`, since the slice's own `seat.created` is not in the chain; the
   * first line must then be seq `anchor.seq + 1` with `prev` = `anchor.hash`. `userKeys` are the users'
   * keys current at the anchor (attestations in the slice verify against them until a rotation in
   * the slice replaces one). Without `anchor` the chain starts at seq 1 exactly as before.
   */
  anchor?: { seq: number; hash: string; userKeys?: ReadonlyArray<{ employeeNo: string; publicKey: string }> }
}

const HASH_PATTERN = /^[0-9a-f]{64}$/
// Entries a user signs with their PIN; the signature covers the payload without the attestation field.
const ATTESTED_KINDS = new Set([
  'session.signedIn',
  'session.checklistConfirmed',
  'ticket.transferAccepted',
  'handover.signed',
  'handover.acknowledged',
  'handover.waived',
  'handover.countersigned',
  'handover.corrected',
])

/**
 * Kinds whose payload verification itself reads, so a stored entry's payload is checked against its
 * schema on every read, exactly as when it was written: the seat's key (seat.created), users' keys,
 * every attested payload (the PIN signature vouches for it, and its attestation names the signer), and
 * the handover book's pages, citations and checkpoints, which the book's Verify and the HQ bundle check.
 *
 * Every other kind's payload is checked against its schema by the writer before the seat signs it
 * (`checkNewEntry`), and again by each reader that uses it (main's replay on start, `toKnownEntry`; the
 * renderer's projection, `applyEntries`). Reading, verification checks it only through its canonical
 * bytes, hash and seat signature: re-running the domain rules on it there found no tampering (a change
 * breaks the hash or the signature, and whoever holds the seat key can sign a valid-looking payload as
 * easily), cost more than everything else per entry except the signature (a year's ticket details and
 * phones, each phone parsed again with libphonenumber's full metadata), and could only misreport an
 * untampered journal as corrupt when a rule or the phone metadata of a newer build differs from the
 * one that wrote it. HQ's `verify` and the book's Verify promise the chain, the signatures, the
 * attestations, the pages and the checkpoints: all of those are still checked in full.
 */
const PAYLOADS_VERIFICATION_READS = new Set<string>([
  'seat.created',
  'user.added',
  'user.keyRotated',
  ...ATTESTED_KINDS,
  'handover.drafted',
])

function isRawPublicKey(raw: string): boolean {
  try {
    publicKeyFromRaw(raw)
    return true
  } catch {
    return false
  }
}

function fail(seq: number | null, reason: string): EntryCheck {
  return { ok: false, seq, reason }
}

export class EntryVerifier {
  private nextSeq = 1
  private prevHash = GENESIS_PREV
  private seatKey: KeyObject | null = null
  private seatKeyRaw: string | null = null
  private readonly userKeys = new Map<string, KeyObject>()

  constructor(private readonly options: EntryVerifierOptions = {}) {
    const anchor = options.anchor
    if (anchor === undefined) return
    // Misuse is a programming error: a slice verified without its seat key would verify nothing.
    if (options.expectedSeatPublicKey === undefined) throw new Error('an anchored verifier needs the seat public key')
    if (!Number.isSafeInteger(anchor.seq) || anchor.seq < 0 || !HASH_PATTERN.test(anchor.hash)) throw new Error('anchor is not {seq >= 0, hex hash}')
    if (anchor.seq === 0 && anchor.hash !== GENESIS_PREV) throw new Error('an anchor at seq 0 must be the genesis prev')
    this.nextSeq = anchor.seq + 1
    this.prevHash = anchor.hash
    // Seq 1 takes its key from seat.created (genesisKey); later seqs need the key set here.
    if (anchor.seq > 0) this.seatKey = publicKeyFromRaw(options.expectedSeatPublicKey)
    for (const { employeeNo, publicKey } of anchor.userKeys ?? []) this.userKeys.set(employeeNo, publicKeyFromRaw(publicKey))
  }

  /** The last accepted entry (seq 0 and GENESIS_PREV before any). */
  head(): { seq: number; hash: string } {
    return { seq: this.nextSeq - 1, hash: this.prevHash }
  }

  /** The seat key entries are verified under, once known. */
  seatPublicKey(): string | null {
    return this.seatKeyRaw ?? this.options.expectedSeatPublicKey ?? null
  }

  /** Checks one line (without its newline) and, when it is good, advances the chain past it. */
  verifyLine(line: string): EntryCheck {
    const check = this.inspectLine(line)
    if (check.ok) this.accept(check.entry)
    return check
  }

  /** Full check of a stored line: encoding, chain link, hash, seat signature, payload, attestation. */
  inspectLine(line: string): EntryCheck {
    let parsed: unknown
    try {
      parsed = JSON.parse(line)
    } catch {
      return fail(null, 'line is not valid JSON')
    }
    const seq = this.nextSeq
    const shapeProblem = entryShapeProblem(parsed)
    if (shapeProblem !== null) return fail(seq, `entry fields are malformed (${shapeProblem})`)
    const entry = parsed as JournalEntry
    if (entry.payload === undefined) return fail(seq, 'entry has no payload')
    if (!isCanonicalEntryLine(entry, line)) return fail(seq, 'line is not in canonical form')
    const semantic = this.checkEntry(entry, 'whatVerificationReads')
    if (semantic) return fail(seq, semantic)
    // Hash and signature last: they are the expensive part and every cheaper check has passed.
    if (!HASH_PATTERN.test(entry.hash)) return fail(seq, 'hash is not lowercase hex SHA-256')
    // The line is canonical, so the hashed text is the line without its hash and sig members.
    const recomputed = digest('sha256', hashedTextOfCanonicalLine(entry, line), 'hex')
    if (recomputed !== entry.hash) return fail(seq, 'hash does not match the entry content')
    const signature = decodeCanonicalBase64(entry.sig, ED25519_SIGNATURE_BYTES)
    if (!signature) return fail(seq, 'seat signature is not canonical base64 of 64 bytes')
    const seatKey = entry.seq === 1 ? this.genesisKey(entry) : this.seatKey
    if (!seatKey || !cryptoVerify(null, Buffer.from(entry.hash, 'ascii'), seatKey, signature)) {
      return fail(seq, 'seat signature does not verify')
    }
    return { ok: true, entry }
  }

  /**
   * The checks that do not need the hash or signature: the writer runs them before it signs and
   * writes, so it can never produce an entry the next open would call corrupt.
   * Returns the reason the entry cannot be the next one, or null.
   */
  checkNewEntry(entry: Pick<JournalEntry, 'seq' | 'prev' | 'kind' | 'payload'>): string | null {
    return this.checkEntry(entry, 'every')
  }

  /** `payloads`: which kinds' payloads are checked against their schema (see PAYLOADS_VERIFICATION_READS). */
  private checkEntry(entry: Pick<JournalEntry, 'seq' | 'prev' | 'kind' | 'payload'>, payloads: 'every' | 'whatVerificationReads'): string | null {
    if (entry.seq !== this.nextSeq) return `expected seq ${this.nextSeq}, found seq ${entry.seq}`
    if (entry.prev !== this.prevHash) return `prev does not link to the hash of seq ${this.nextSeq - 1}`
    if (!isEntryKind(entry.kind)) return `unknown entry kind ${entry.kind}`
    if (payloads === 'every' || PAYLOADS_VERIFICATION_READS.has(entry.kind)) {
      const payload = entryPayloads[entry.kind].safeParse(entry.payload)
      if (!payload.success) return `${entry.kind} payload is invalid (${payload.error.issues[0]?.path.join('.') || 'payload'})`
    }
    if (entry.kind === 'seat.created') {
      if (entry.seq !== 1) return 'seat.created may only be the first entry'
      const named = (entry.payload as { seatPublicKey: string }).seatPublicKey
      const expected = this.options.expectedSeatPublicKey
      if (expected !== undefined && named !== expected) return 'seat.created names a different seat key than this seat signs with'
      if (!isRawPublicKey(named)) return 'seat.created seatPublicKey is not a raw Ed25519 key'
    } else if (entry.seq === 1 && this.options.expectedSeatPublicKey === undefined) {
      return 'first entry is not seat.created and no seat public key was given'
    }
    if (entry.kind === 'user.added' || entry.kind === 'user.keyRotated') {
      const { employeeNo, publicKey } = entry.payload as { employeeNo: string; publicKey: string }
      if (!isRawPublicKey(publicKey)) return `public key of ${employeeNo} is not a raw Ed25519 key`
    }
    if (ATTESTED_KINDS.has(entry.kind)) return this.checkAttestation(entry.kind, entry.payload as { attestation: Attestation })
    return null
  }

  /** Moves the chain past an entry that passed `inspectLine` or was just written after `checkNewEntry`. */
  accept(entry: JournalEntry): void {
    if (entry.seq === 1) {
      this.seatKey = this.genesisKey(entry)
      if (entry.kind === 'seat.created') this.seatKeyRaw = (entry.payload as { seatPublicKey: string }).seatPublicKey
    }
    if (entry.kind === 'user.added' || entry.kind === 'user.keyRotated') {
      const { employeeNo, publicKey } = entry.payload as { employeeNo: string; publicKey: string }
      this.userKeys.set(employeeNo, publicKeyFromRaw(publicKey))
    }
    this.nextSeq = entry.seq + 1
    this.prevHash = entry.hash
  }

  private genesisKey(entry: Pick<JournalEntry, 'kind' | 'payload'>): KeyObject | null {
    const raw =
      entry.kind === 'seat.created'
        ? (entry.payload as { seatPublicKey: string }).seatPublicKey
        : this.options.expectedSeatPublicKey
    if (raw === undefined) return null
    try {
      return publicKeyFromRaw(raw)
    } catch {
      return null
    }
  }

  // Personal attestations prove the user typed their PIN; the key is the one current at this point
  // of the chain, so a PIN reset does not invalidate older sign-ins (shared/journal/kinds.ts).
  private checkAttestation(kind: string, payload: { attestation: Attestation }): string | null {
    const { attestation, ...rest } = payload
    const key = this.userKeys.get(attestation.employeeNo)
    if (!key) return `attestation by ${attestation.employeeNo}: no such user`
    const message = attestedMessage(kind, attestation.employeeNo, rest)
    if (!verify(key, message, attestation.sig)) return `attestation by ${attestation.employeeNo} does not verify`
    return null
  }
}

export interface LinesVerdict {
  /** Lines that verified, in order, before the first bad one. */
  entries: number
  head: { seq: number; hash: string }
  /** Index (0-based) of the first bad line, with the seq it should have had and why. */
  firstBad: { index: number; seq: number | null; reason: string } | null
}

/** Verifies a sequence of lines (no newlines) from seq 1, stopping at the first bad one. */
export function verifyLines(lines: Iterable<string>, options: EntryVerifierOptions = {}): LinesVerdict {
  const verifier = new EntryVerifier(options)
  let index = 0
  for (const line of lines) {
    const check = verifier.verifyLine(line)
    if (!check.ok) return { entries: index, head: verifier.head(), firstBad: { index, seq: check.seq, reason: check.reason } }
    index++
  }
  return { entries: index, head: verifier.head(), firstBad: null }
}
