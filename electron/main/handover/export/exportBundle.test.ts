import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chinaDateOf } from '../../../../shared/domain/tickets/chinaTime'
import { attestedMessage } from '../../../../shared/journal/attestation'
import { canonicalJson } from '../../../../shared/journal/canonical'
import { GENESIS_PREV, type JournalEntry } from '../../../../shared/journal/entry'
import type { EntryKind, EntryPayload } from '../../../../shared/journal/kinds'
import { manualClock } from '../../clock'
import { createDemoSeat } from '../../demo/createDemoSeat'
import { generateKeyPair, sign } from '../../journal/ed25519'
import { openJournal } from '../../journal/openJournal'
import { createSampleSeat, sampleEntries, type SampleSeat } from '../../journal/sampleJournal'
import { createSeatSigner } from '../../journal/seatSigner'
import { EntryVerifier } from '../../journal/verifyEntries'
import { appendCheckpoint, checkpointsPath as bookCheckpointsPath } from '../checkpointFile'
import { manifestSigningMessage, sectionHash, seatKeyFingerprint, type BundleManifest } from './bundleFormat'
import { CheckpointMismatchError, exportBundle, JournalNotIntactError } from './exportBundle'
import { verifyBundle } from './verifyBundle'

// A seat journal of three China days with sign-ins, a key rotation and countersigned handover pages
// every 60 entries (each with its checkpoint in the book), written through the real journal.
const exportClock = manualClock('2026-11-06T02:00:00.000Z')
let root: string
let dataDir: string
let seat: SampleSeat
let entries: JournalEntry[]

async function writeSeatWithCountersigns(folder: string): Promise<void> {
  seat = createSampleSeat()
  // 20 minutes per entry: ~330 entries span 2026-11-02 to 2026-11-06 (China dates).
  const clock = manualClock('2026-11-02T00:30:00.000Z')
  const opened = await openJournal({ directory: join(folder, 'journal'), signer: seat.signer, clock: { now: () => (clock.advance(20 * 60_000), clock.now()) } })
  if (opened.status !== 'ok') throw new Error(opened.reason)
  const journal = opened.journal
  let written = 0
  for (const { kind, actor, payload } of sampleEntries(seat, 320)) {
    await journal.append(kind as EntryKind, actor, payload as EntryPayload<EntryKind>)
    if (++written % 60 === 0) {
      const checkpoint = journal.head()
      const body = { pageId: `page-${written}`, pageHash: 'a'.repeat(64), checkpoint }
      const key = seat.userKeys.get('S001')
      if (!key) throw new Error('no supervisor key')
      const attestation = { employeeNo: 'S001', sig: sign(key.privateKey, attestedMessage('handover.countersigned', 'S001', body)) }
      await journal.append('handover.countersigned', 'S001', { ...body, attestation })
      await appendCheckpoint(folder, { ...checkpoint, pageId: body.pageId, countersignedAt: clock.now().toISOString(), lead: 'S001' })
    }
  }
  await journal.close()
}

function readEntries(folder: string): JournalEntry[] {
  return readFileSync(join(folder, 'journal', 'segment-000001.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as JournalEntry)
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'bundle-'))
  dataDir = join(root, 'seat')
  await writeSeatWithCountersigns(dataDir)
  entries = readEntries(dataDir)
}, 60_000)
afterAll(() => rmSync(root, { recursive: true, force: true }))

async function exportRange(from: string, to: string, name: string): Promise<Buffer> {
  const outPath = join(root, `${name}.bundle`)
  await exportBundle({ dataDir, from, to, outPath, clock: exportClock, seatKey: seat.signer })
  return readFileSync(outPath)
}

type Line = Record<string, unknown>
const linesOf = (bytes: Buffer): Line[] => bytes.toString('utf8').trim().split('\n').map((line) => JSON.parse(line) as Line)
const bundleOf = (lines: Line[]): Buffer => Buffer.from(lines.map((line) => `${canonicalJson(line)}\n`).join(''), 'utf8')
const manifestOf = (lines: Line[]): BundleManifest => {
  const { record: _record, ...manifest } = lines[0] as Line
  return manifest as unknown as BundleManifest
}
/** What a forger holding some Ed25519 key (not the seat's) would produce after editing the manifest. */
function resign(lines: Line[], edit: (manifest: BundleManifest) => BundleManifest, privateKey = generateKeyPair().privateKey): Line[] {
  const manifest = edit(manifestOf(lines))
  const signer = createSeatSigner(privateKey)
  const sig = signer.sign(manifestSigningMessage(manifest)).toString('base64')
  return [{ record: 'manifest', ...manifest }, ...lines.slice(1, -1), { record: 'signature', alg: 'Ed25519', sig }]
}
const entryLineIndexes = (lines: Line[]) => lines.flatMap((line, index) => (line.record === 'entry' ? [index] : []))

describe('exportBundle', () => {
  it('exports the whole journal with keys and checkpoints, and it verifies', async () => {
    const bytes = await exportRange('2026-11-01', '2026-11-30', 'all')
    const verdict = verifyBundle(bytes, { expectedSeatPublicKey: seat.signer.publicKey })
    expect(verdict).toMatchObject({ ok: true, fingerprint: seatKeyFingerprint(seat.signer.publicKey) })
    const manifest = manifestOf(linesOf(bytes))
    expect(manifest).toMatchObject({ firstSeq: 1, lastSeq: entries.length, entries: entries.length, anchor: GENESIS_PREV, headHash: entries.at(-1)?.hash })
    expect(manifest.exportedAt).toBe('2026-11-06T02:00:00.000Z')
    // 5 countersigns, each listed from its entry and from the book.
    expect(manifest.checkpoints).toBe(10)
    expect(manifest.userKeys).toBe(entries.filter((entry) => entry.kind === 'user.added' || entry.kind === 'user.keyRotated').length)
    // Entries are carried byte for byte as the journal stores them.
    const journalText = readFileSync(join(dataDir, 'journal', 'segment-000001.ndjson'), 'utf8')
    const carried = linesOf(bytes).filter((line) => line.record === 'entry').map((line) => `${canonicalJson(line.entry)}\n`).join('')
    expect(carried).toBe(journalText)
  })

  it('exports a middle range anchored on the entry before it, with the keys from before the range', async () => {
    const day = '2026-11-04'
    const bytes = await exportRange(day, day, 'middle')
    const inRange = entries.filter((entry) => chinaDateOf(entry.ts) === day)
    const manifest = manifestOf(linesOf(bytes))
    expect(manifest.firstSeq).toBe(inRange[0]?.seq)
    expect(manifest.lastSeq).toBe(inRange.at(-1)?.seq)
    expect(manifest.anchor).toBe(inRange[0]?.prev)
    expect(manifest.headHash).toBe(inRange.at(-1)?.hash)
    // The users were added on day one: their keys travel anyway, or no sign-in here could verify.
    const keys = linesOf(bytes).filter((line) => line.record === 'userKey')
    expect(keys.some((key) => (key.validFromSeq as number) < manifest.firstSeq)).toBe(true)
    expect(inRange.some((entry) => entry.kind === 'session.signedIn')).toBe(true)
    expect(verifyBundle(bytes)).toMatchObject({ ok: true })
  })

  it('writes to <dataDir>/exports/seatdesk-<branch>-<seat>-<from>-<to>.bundle by default', async () => {
    const result = await exportBundle({ dataDir, from: '2026-11-03', to: '2026-11-03', clock: exportClock, seatKey: seat.signer })
    expect(result.path).toBe(join(dataDir, 'exports', 'seatdesk-SH01-A-07-2026-11-03-2026-11-03.bundle'))
    expect(result.entries).toBe(entries.filter((entry) => chinaDateOf(entry.ts) === '2026-11-03').length)
    expect(verifyBundle(readFileSync(result.path))).toMatchObject({ ok: true, manifest: { entries: result.entries } })
  })

  it('makes a signed bundle of no entries for a quiet range, anchored on the head before it', async () => {
    const bytes = await exportRange('2026-12-01', '2026-12-31', 'empty')
    const manifest = manifestOf(linesOf(bytes))
    expect(manifest).toMatchObject({ entries: 0, lastSeq: entries.length, firstSeq: entries.length + 1, anchor: entries.at(-1)?.hash, headHash: entries.at(-1)?.hash })
    expect(verifyBundle(bytes)).toMatchObject({ ok: true })
  })

  it('refuses bad ranges, a tampered journal, and a book checkpoint the journal no longer reaches', async () => {
    await expect(exportBundle({ dataDir, from: '2026-11-05', to: '2026-11-04', clock: exportClock, seatKey: seat.signer })).rejects.toThrow('after')
    await expect(exportBundle({ dataDir, from: '2026-13-01', to: '2026-13-02', clock: exportClock, seatKey: seat.signer })).rejects.toThrow('YYYY-MM-DD')

    const copy = join(root, 'tampered-seat')
    mkdirSync(join(copy, 'journal'), { recursive: true })
    const segment = readFileSync(join(dataDir, 'journal', 'segment-000001.ndjson'), 'utf8')
    writeFileSync(join(copy, 'journal', 'segment-000001.ndjson'), segment.replace('"reason":"idle"', '"reason":"manual"'))
    await expect(exportBundle({ dataDir: copy, from: '2026-11-01', to: '2026-11-30', clock: exportClock, seatKey: seat.signer })).rejects.toBeInstanceOf(JournalNotIntactError)

    // The journal cut after the last countersign: its chain is valid, the book proves it was longer.
    const cut = join(root, 'cut-seat')
    mkdirSync(join(cut, 'journal'), { recursive: true })
    mkdirSync(join(cut, 'book'))
    const lastCheckpoint = entries.filter((entry) => entry.kind === 'handover.countersigned').at(-1)?.seq as number
    writeFileSync(join(cut, 'journal', 'segment-000001.ndjson'), segment.split('\n').slice(0, lastCheckpoint - 5).map((line) => `${line}\n`).join(''))
    writeFileSync(bookCheckpointsPath(cut), readFileSync(bookCheckpointsPath(dataDir)))
    await expect(exportBundle({ dataDir: cut, from: '2026-11-01', to: '2026-11-30', clock: exportClock, seatKey: seat.signer })).rejects.toBeInstanceOf(CheckpointMismatchError)
  })

  it('exports a demo seat (a few hundred entries written by the app services) that verifies', async () => {
    const demoDir = join(root, 'demo')
    await createDemoSeat({ dataDir: demoDir, entries: 300, clock: manualClock('2026-11-20T04:00:00.000Z') })
    const result = await exportBundle({ dataDir: demoDir, from: '2026-01-01', to: '2026-12-31', clock: exportClock })
    expect(result.entries).toBeGreaterThanOrEqual(300)
    expect(verifyBundle(readFileSync(result.path))).toMatchObject({ ok: true, manifest: { entries: result.entries } })
  }, 60_000)
})

describe('verifyBundle refuses a tampered bundle', () => {
  let whole: Buffer
  let day: Buffer
  beforeAll(async () => {
    whole = await exportRange('2026-11-01', '2026-11-30', 'tamper-all')
    day = await exportRange('2026-11-04', '2026-11-04', 'tamper-day')
  })

  it('fails on any single byte changed (fast-check)', () => {
    fc.assert(
      fc.property(fc.nat({ max: day.length - 1 }), fc.integer({ min: 1, max: 255 }), (position, mask) => {
        const flipped = Buffer.from(day)
        flipped[position] = (flipped[position] as number) ^ mask
        expect(verifyBundle(flipped).ok).toBe(false)
      }),
      { numRuns: 300 },
    )
  })

  it('fails when an entry in the middle is removed, with or without fixing the manifest', () => {
    const lines = linesOf(whole)
    const middle = entryLineIndexes(lines)[150] as number
    const removed = lines.filter((_, index) => index !== middle)
    expect(verifyBundle(bundleOf(removed))).toMatchObject({ ok: false, reason: expect.stringContaining('records were removed or added') })
    const recounted = resign(removed, (manifest) => ({ ...manifest, entries: manifest.entries - 1 }))
    expect(verifyBundle(bundleOf(recounted))).toMatchObject({ ok: false, reason: expect.stringContaining('manifest signature does not verify') })
  })

  it('fails when a handover page (its countersign entry) is removed, naming the seq where the chain breaks', () => {
    const lines = linesOf(whole)
    const countersign = lines.findIndex((line) => line.record === 'entry' && (line.entry as JournalEntry).kind === 'handover.countersigned')
    const seq = ((lines[countersign] as Line).entry as JournalEntry).seq
    // Keep the line count right by duplicating the next entry: only the chain can catch it now.
    const replaced = lines.map((line, index) => (index === countersign ? (lines[countersign + 1] as Line) : line))
    expect(verifyBundle(bundleOf(replaced))).toMatchObject({ ok: false, seq, reason: `expected seq ${seq}, found seq ${seq + 1}` })
  })

  it('fails when the last entries are dropped, with or without editing the manifest lastSeq', () => {
    const lines = linesOf(whole)
    const indexes = entryLineIndexes(lines)
    const dropped = new Set(indexes.slice(-3))
    const cut = lines.filter((_, index) => !dropped.has(index))
    expect(verifyBundle(bundleOf(cut)).ok).toBe(false)
    // The checkpoint the seat signed at export still says where the journal ended.
    const manifest = manifestOf(lines)
    const withManifestEdited = bundleOf([{ ...(lines[0] as Line), entries: manifest.entries - 3, lastSeq: manifest.lastSeq - 3 }, ...cut.slice(1)])
    expect(verifyBundle(withManifestEdited)).toMatchObject({ ok: false, reason: expect.stringContaining('manifest signature does not verify') })
    // Dropping the tail together with its manifest counts, but keeping the count via a duplicated
    // record elsewhere, is caught by the export checkpoint itself.
    const padded = [...cut.slice(0, -1), ...[...dropped].map(() => lines[1] as Line), cut.at(-1) as Line]
    expect(verifyBundle(bundleOf(padded)).ok).toBe(false)
  })

  it('checks the entries end at the export checkpoint even under a valid seat signature', () => {
    // Signed with the real seat key, so only the rule itself can refuse it: the signed head must be
    // the last entry carried, and seqs must fill firstSeq..lastSeq.
    const lines = linesOf(whole)
    const wrongHead = resign(lines, (manifest) => ({ ...manifest, headHash: entries[entries.length - 2]?.hash as string }), seat.seatKeys.privateKey)
    expect(verifyBundle(bundleOf(wrongHead))).toMatchObject({ ok: false, seq: entries.length, reason: expect.stringContaining("is not the one the seat signed as the export's head") })
    const shifted = resign(lines, (manifest) => ({ ...manifest, lastSeq: manifest.lastSeq + 1, firstSeq: manifest.firstSeq + 1 }), seat.seatKeys.privateKey)
    expect(verifyBundle(bundleOf(shifted)).ok).toBe(false)
    const narrowed = resign(lines, (manifest) => ({ ...manifest, from: '2026-11-03' }), seat.seatKeys.privateKey)
    expect(verifyBundle(bundleOf(narrowed))).toMatchObject({ ok: false, seq: 1, reason: expect.stringContaining("outside the bundle's range 2026-11-03 to 2026-11-30") })
    const resigned = resign(lines, (manifest) => manifest, seat.seatKeys.privateKey)
    expect(verifyBundle(bundleOf(resigned))).toMatchObject({ ok: true })
  })

  it('fails when a user key is swapped for another valid key, even with the entry and hash edited', () => {
    const lines = linesOf(day)
    const keyIndex = lines.findIndex((line) => line.record === 'userKey' && line.employeeNo === 'A001')
    const other = generateKeyPair().publicKeyRaw
    const swapRecord = (line: Line): Line => ({ ...line, publicKey: other, entry: { ...(line.entry as Line), payload: { ...((line.entry as Line).payload as Line), publicKey: other } } })
    const swapped = lines.map((line, index) => (index === keyIndex ? swapRecord(line) : line))
    expect(verifyBundle(bundleOf(swapped))).toMatchObject({ ok: false, reason: expect.stringContaining('userKeysHash') })
    // The manifest updated to pin the forged keys: only the seat key could sign that.
    const userKeys = swapped.filter((line) => line.record === 'userKey')
    const repinned = bundleOf([{ ...(swapped[0] as Line), userKeysHash: sectionHash(userKeys) }, ...swapped.slice(1)])
    expect(verifyBundle(repinned)).toMatchObject({ ok: false, reason: expect.stringContaining('manifest signature does not verify') })
  })

  it('fails when the seat key is swapped, and names the mismatch when HQ pins the key', () => {
    const lines = linesOf(day)
    const forger = generateKeyPair()
    const forged = resign(lines, (manifest) => ({ ...manifest, seat: { ...manifest.seat, publicKey: forger.publicKeyRaw, fingerprint: seatKeyFingerprint(forger.publicKeyRaw) } }), forger.privateKey)
    // Signed by the forger's key, but the seat's entries are not: the seat entry names the real key.
    expect(verifyBundle(bundleOf(forged))).toMatchObject({ ok: false })
    expect(verifyBundle(bundleOf(forged), { expectedSeatPublicKey: seat.signer.publicKey })).toMatchObject({
      ok: false,
      seatKeyMismatch: { found: forger.publicKeyRaw, expected: seat.signer.publicKey },
    })
    expect(verifyBundle(day, { expectedSeatPublicKey: forger.publicKeyRaw })).toMatchObject({ ok: false, seatKeyMismatch: { found: seat.signer.publicKey } })
  })

  it('fails when a checkpoint is changed or does not match its entry', () => {
    const lines = linesOf(whole)
    const at = lines.findIndex((line) => line.record === 'checkpoint' && line.source === 'book')
    const edited = lines.map((line, index) => (index === at ? { ...line, hash: 'b'.repeat(64) } : line))
    expect(verifyBundle(bundleOf(edited))).toMatchObject({ ok: false, reason: expect.stringContaining('checkpointsHash') })
    // Even pinned and signed by the seat, a checkpoint must match the entry at its seq.
    const seq = (lines[at] as Line).seq as number
    const pinned = resign(edited, (manifest) => ({ ...manifest, checkpointsHash: sectionHash(edited.filter((line) => line.record === 'checkpoint')) }), seat.seatKeys.privateKey)
    expect(verifyBundle(bundleOf(pinned))).toMatchObject({ ok: false, seq, reason: `the book checkpoint at seq ${seq} does not match the entry there` })
    expect(verifyBundle(Buffer.concat([whole.subarray(0, -1)]))).toMatchObject({ ok: false, reason: expect.stringContaining('newline') })
  })
})

describe('EntryVerifier anchored on an entry', () => {
  it('continues a chain from its anchor, with the users\' keys current there, and refuses an entry that does not link to it', () => {
    // A sign-in right after the anchor: its attestation needs the key the user had at that point.
    const signIn = entries.find((entry) => entry.seq > 100 && entry.kind === 'session.signedIn') as JournalEntry
    const anchor = { seq: signIn.seq - 1, hash: signIn.prev }
    const userKeys = new Map<string, string>()
    for (const entry of entries.slice(0, anchor.seq)) {
      if (entry.kind === 'user.added' || entry.kind === 'user.keyRotated') {
        const { employeeNo, publicKey } = entry.payload as { employeeNo: string; publicKey: string }
        userKeys.set(employeeNo, publicKey)
      }
    }
    const keys = { expectedSeatPublicKey: seat.signer.publicKey }
    const withKeys = { ...anchor, userKeys: [...userKeys].map(([employeeNo, publicKey]) => ({ employeeNo, publicKey })) }
    expect(new EntryVerifier({ ...keys, anchor: withKeys }).verifyLine(canonicalJson(signIn)).ok).toBe(true)
    expect(new EntryVerifier({ ...keys, anchor }).verifyLine(canonicalJson(signIn))).toMatchObject({ ok: false, reason: expect.stringContaining('no such user') })
    const wrongAnchor = new EntryVerifier({ ...keys, anchor: { ...withKeys, hash: 'c'.repeat(64) } }).verifyLine(canonicalJson(signIn))
    expect(wrongAnchor).toEqual({ ok: false, seq: signIn.seq, reason: `prev does not link to the hash of seq ${anchor.seq}` })
    const otherSeat = { expectedSeatPublicKey: generateKeyPair().publicKeyRaw }
    expect(new EntryVerifier({ ...otherSeat, anchor: withKeys }).verifyLine(canonicalJson(signIn))).toMatchObject({ ok: false, reason: 'seat signature does not verify' })
    expect(() => new EntryVerifier({ anchor })).toThrow('needs the seat public key')
    expect(() => new EntryVerifier({ ...keys, anchor: { seq: 0, hash: anchor.hash } })).toThrow('genesis')
  })
})
