import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attestedMessage } from '../../../shared/journal/attestation'
import { canonicalJson } from '../../../shared/journal/canonical'
import type { JournalEntry } from '../../../shared/journal/entry'
import type { SeatSigner } from './api'
import { generateKeyPair, sign } from './ed25519'
import { entryLine, hashOfHashedPart, sealEntry } from './entryCodec'
import type { UnsealedEntry } from './entryCodec'
import { writeSampleJournal } from './sampleJournal'
import type { SampleSeat } from './sampleJournal'
import { createSeatSigner } from './seatSigner'
import { verifyJournalDirectory } from './verifyJournalDirectory'

// Every kind of tampering must be found, at the right entry. The sample journal has a seat, two
// users and attested sign-ins and checklists, so each rule of the verifier is exercised.
const ENTRIES = 14
let root: string
let pristine: string
let seat: SampleSeat
let pristineLines: string[]

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'journal-tamper-'))
  pristine = join(root, 'pristine')
  seat = await writeSampleJournal(pristine, ENTRIES)
  pristineLines = readFileSync(join(pristine, 'segment-000001.ndjson'), 'utf8').trimEnd().split('\n')
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

let caseNumber = 0
/** A journal folder holding exactly these lines (each followed by a newline) in one segment. */
function journalOf(lines: string[]): string {
  const directory = join(root, `case-${++caseNumber}`)
  writeSegments(directory, [lines.map((line) => `${line}\n`).join('')])
  return directory
}
function writeSegments(directory: string, contents: (string | Buffer)[]): void {
  rmSync(directory, { recursive: true, force: true })
  mkdirSync(directory, { recursive: true })
  contents.forEach((content, index) => writeFileSync(join(directory, `segment-${String(index + 1).padStart(6, '0')}.ndjson`), content))
}
const parse = (line: string) => JSON.parse(line) as JournalEntry
const unsealed = ({ hash: _hash, sig: _sig, ...rest }: JournalEntry): UnsealedEntry => rest

/** Rewrites entry `index` and re-chains every later entry with `signer`: a forger who holds that key. */
function forgeFrom(lines: string[], index: number, change: (entry: UnsealedEntry) => UnsealedEntry, signer: SeatSigner): string[] {
  const forged = lines.slice(0, index)
  let prev = index === 0 ? undefined : parse(lines[index - 1] as string).hash
  for (let position = index; position < lines.length; position++) {
    let entry = unsealed(parse(lines[position] as string))
    if (position === index) entry = change(entry)
    if (prev !== undefined) entry = { ...entry, prev }
    const sealed = sealEntry(entry, signer)
    forged.push(entryLine(sealed))
    prev = sealed.hash
  }
  return forged
}

async function firstBad(directory: string) {
  const report = await verifyJournalDirectory(directory)
  return { status: report.status, seq: report.firstBad?.seq ?? null, reason: report.firstBad?.reason ?? '' }
}

describe('tamper detection', () => {
  it('finds the pristine sample intact', async () => {
    const report = await verifyJournalDirectory(journalOf(pristineLines))
    expect(report).toMatchObject({ status: 'intact', entries: ENTRIES, firstBad: null })
  })

  it('detects every one of 2,000 random byte flips across two segments', async () => {
    const directory = join(root, 'flips')
    const whole = Buffer.from(pristineLines.map((line) => `${line}\n`).join(''), 'utf8')
    // Split at a line boundary so flips also hit a non-last segment's final newline.
    const cut = whole.indexOf('\n', Math.floor(whole.length / 2)) + 1
    const segments = [whole.subarray(0, cut), whole.subarray(cut)]
    writeSegments(directory, segments)
    expect((await verifyJournalDirectory(directory)).status).toBe('intact')

    await fc.assert(
      fc.asyncProperty(fc.nat({ max: whole.length - 1 }), fc.integer({ min: 1, max: 255 }), async (position, mask) => {
        const segmentIndex = position < cut ? 0 : 1
        const original = segments[segmentIndex] as Buffer
        const flipped = Buffer.from(original)
        const offset = position - (segmentIndex === 0 ? 0 : cut)
        flipped[offset] = (flipped[offset] as number) ^ mask
        const path = join(directory, `segment-00000${segmentIndex + 1}.ndjson`)
        writeFileSync(path, flipped)
        const report = await verifyJournalDirectory(directory)
        writeFileSync(path, original)
        expect(report.status, `flip at ${position} with ${mask}`).not.toBe('intact')
      }),
      { numRuns: 2000 },
    )
  }, 60_000)

  it('detects a deleted entry at its seq', async () => {
    const lines = pristineLines.filter((_, index) => index !== 5)
    expect(await firstBad(journalOf(lines))).toMatchObject({ status: 'corrupt', seq: 6, reason: 'expected seq 6, found seq 7' })
  })

  it('detects reordered entries at the first out-of-place seq', async () => {
    const lines = [...pristineLines]
    ;[lines[7], lines[8]] = [lines[8] as string, lines[7] as string]
    expect(await firstBad(journalOf(lines))).toMatchObject({ status: 'corrupt', seq: 8, reason: 'expected seq 8, found seq 9' })
  })

  it('detects a duplicated entry', async () => {
    const lines = [...pristineLines.slice(0, 4), pristineLines[3] as string, ...pristineLines.slice(4)]
    expect(await firstBad(journalOf(lines))).toMatchObject({ status: 'corrupt', seq: 5, reason: 'expected seq 5, found seq 4' })
  })

  it('detects an entry re-signed with another key', async () => {
    const intruder = createSeatSigner(generateKeyPair().privateKey)
    const lines = [...pristineLines]
    lines[6] = entryLine(sealEntry(unsealed(parse(pristineLines[6] as string)), intruder))
    expect(await firstBad(journalOf(lines))).toMatchObject({ status: 'corrupt', seq: 7, reason: 'seat signature does not verify' })
  })

  it('detects a whole chain re-signed with another key from seq 1', async () => {
    const intruder = createSeatSigner(generateKeyPair().privateKey)
    const lines = forgeFrom(pristineLines, 1, (entry) => entry, intruder)
    expect(await firstBad(journalOf(lines))).toMatchObject({ status: 'corrupt', seq: 2, reason: 'seat signature does not verify' })
  })

  it('detects a sig string changed so that it still decodes to the same bytes', async () => {
    const entry = parse(pristineLines[4] as string)
    expect(entry.sig.endsWith('==')).toBe(true)
    const last = entry.sig.at(-3) as string
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
    // The char before '==' carries 4 unused low bits: flipping one keeps the decoded bytes.
    const sameBytes = `${entry.sig.slice(0, -3)}${alphabet[alphabet.indexOf(last) ^ 1]}==`
    const variants = [sameBytes, entry.sig.slice(0, -2), ` ${entry.sig}`, `${entry.sig.slice(0, 10)}\n${entry.sig.slice(10)}`]
    for (const sig of variants) {
      expect(Buffer.from(sig, 'base64')).toEqual(Buffer.from(entry.sig, 'base64'))
      const lines = [...pristineLines]
      lines[4] = canonicalJson({ ...entry, sig })
      expect(await firstBad(journalOf(lines)), JSON.stringify(sig)).toMatchObject({
        status: 'corrupt',
        seq: 5,
        reason: 'seat signature is not canonical base64 of 64 bytes',
      })
    }
  })

  it('detects a changed payload with a recomputed hash but the old sig', async () => {
    const entry = parse(pristineLines[10] as string)
    expect(entry).toMatchObject({ kind: 'session.locked', payload: { reason: 'idle' } })
    const changed = { ...unsealed(entry), payload: { ...(entry.payload as object), reason: 'manual' } }
    const lines = [...pristineLines]
    lines[10] = canonicalJson({ ...changed, hash: hashOfHashedPart(changed), sig: entry.sig })
    expect(await firstBad(journalOf(lines))).toMatchObject({ status: 'corrupt', seq: 11, reason: 'seat signature does not verify' })
  })

  it('detects a changed payload with its old hash', async () => {
    const entry = parse(pristineLines[2] as string)
    const lines = [...pristineLines]
    lines[2] = canonicalJson({ ...entry, payload: { ...(entry.payload as object), name: '张三' } })
    expect(await firstBad(journalOf(lines))).toMatchObject({ status: 'corrupt', seq: 3, reason: 'hash does not match the entry content' })
  })

  it('detects whitespace and key-order changes as non-canonical', async () => {
    const entry = parse(pristineLines[3] as string)
    const { seq, ...rest } = entry
    const reordered = JSON.stringify({ ...rest, seq })
    for (const line of [JSON.stringify(entry, null, 1).replace(/\n/g, ' '), reordered, `${pristineLines[3]} `]) {
      const lines = [...pristineLines]
      lines[3] = line
      expect(await firstBad(journalOf(lines))).toMatchObject({ status: 'corrupt', seq: 4, reason: 'line is not in canonical form' })
    }
  })

  it('detects an upper-case hash', async () => {
    const entry = parse(pristineLines[3] as string)
    const lines = [...pristineLines]
    lines[3] = canonicalJson({ ...entry, hash: entry.hash.toUpperCase() })
    expect((await firstBad(journalOf(lines))).seq).toBe(4)
  })

  it('detects an attestation that does not verify, even with a valid seat chain', async () => {
    // Seq 4 is A001's first sign-in; the forger holds the seat key but not A001's key.
    const other = generateKeyPair()
    const lines = forgeFrom(
      pristineLines,
      3,
      (entry) => {
        const payload = entry.payload as { sessionId: string; employeeNo: string }
        const rest = { sessionId: payload.sessionId, employeeNo: payload.employeeNo }
        const sig = sign(other.privateKey, attestedMessage(entry.kind, 'A001', rest))
        return { ...entry, payload: { ...rest, attestation: { employeeNo: 'A001', sig } } }
      },
      seat.signer,
    )
    expect(await firstBad(journalOf(lines))).toMatchObject({ status: 'corrupt', seq: 4, reason: 'attestation by A001 does not verify' })
  })

  it('detects an attestation moved to another user', async () => {
    const lines = forgeFrom(
      pristineLines,
      3,
      (entry) => {
        const payload = entry.payload as { attestation: { employeeNo: string; sig: string } }
        return { ...entry, payload: { ...payload, attestation: { ...payload.attestation, employeeNo: 'S001' } } }
      },
      seat.signer,
    )
    expect(await firstBad(journalOf(lines))).toMatchObject({ status: 'corrupt', seq: 4, reason: 'attestation by S001 does not verify' })
  })

  it('detects a segment missing from the numbering', async () => {
    const directory = join(root, 'gap')
    writeSegments(directory, [`${pristineLines.slice(0, 5).join('\n')}\n`, '', `${pristineLines.slice(5).join('\n')}\n`])
    rmSync(join(directory, 'segment-000002.ndjson'))
    expect(await firstBad(directory)).toMatchObject({ status: 'corrupt', seq: null })
    expect(readdirSync(directory)).toEqual(['segment-000001.ndjson', 'segment-000003.ndjson'])
  })

  it('detects a complete last line with bad content as corruption, not a torn tail', async () => {
    const lines = [...pristineLines]
    lines[lines.length - 1] = (lines.at(-1) as string).slice(0, -5)
    expect(await firstBad(journalOf(lines))).toMatchObject({ status: 'corrupt', seq: null, reason: 'line is not valid JSON' })
  })
})
