import { createHash, sign, verify } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { closeSync, fsyncSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { attestedMessage } from '../../shared/journal/attestation'
import type { JournalEntry } from '../../shared/journal/entry'
import { systemClock } from '../../electron/main/clock'
import { generateKeyPair, publicKeyFromRaw } from '../../electron/main/journal/ed25519'
import { openJournal } from '../../electron/main/journal/openJournal'
import { writeSampleJournal } from '../../electron/main/journal/sampleJournal'
import { createSeatSigner } from '../../electron/main/journal/seatSigner'
import { verifyJournalDirectory } from '../../electron/main/journal/verifyJournalDirectory'
import type { BenchFigure } from './figure'
import { median, percentile } from './figure'

const APPEND_SAMPLES = 2000
const APPEND_BLOCK = 100
const VERIFY_ENTRIES = 20_000
const VERIFY_ROUNDS = 3

const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6

/**
 * Append latency against its floor: sign a hash, one write of a line of the same length and an fsync,
 * with no journal code. Raw and journal appends alternate in blocks so disk drift hits both alike.
 */
async function appendFigures(folder: string): Promise<BenchFigure[]> {
  const keys = generateKeyPair()
  const opened = await openJournal({ directory: join(folder, 'append'), signer: createSeatSigner(keys.privateKey), clock: systemClock })
  if (opened.status !== 'ok') throw new Error(opened.reason)
  const journal = opened.journal
  const payload = (n: number) => ({ sessionId: `bench-session-${n}`, reason: 'idle' as const })
  const first = await journal.append('session.locked', 'A001', payload(0))
  const lineLength = Buffer.byteLength(JSON.stringify(first)) + 1

  const rawFd = openSync(join(folder, 'raw.ndjson'), 'a')
  const rawLine = Buffer.from(`${'x'.repeat(lineLength - 1)}\n`)
  const rawAppend = () => {
    const hash = createHash('sha256').update(String(Math.random())).digest('hex')
    sign(null, Buffer.from(hash, 'ascii'), keys.privateKey)
    writeSync(rawFd, rawLine, 0, rawLine.length)
    fsyncSync(rawFd)
  }

  const raw: number[] = []
  const app: number[] = []
  for (let done = 0; done < APPEND_SAMPLES; done += APPEND_BLOCK) {
    for (let i = 0; i < APPEND_BLOCK; i++) {
      const start = process.hrtime.bigint()
      rawAppend()
      raw.push(elapsedMs(start))
    }
    for (let i = 0; i < APPEND_BLOCK; i++) {
      const start = process.hrtime.bigint()
      await journal.append('session.locked', 'A001', payload(done + i))
      app.push(elapsedMs(start))
    }
  }
  closeSync(rawFd)
  await journal.close()
  return [
    { name: 'journal_append_p50', value: percentile(app, 0.5), unit: 'ms', floor: percentile(raw, 0.5) },
    { name: 'journal_append_p95', value: percentile(app, 0.95), unit: 'ms', floor: percentile(raw, 0.95) },
  ]
}

/** Every Ed25519 signature a verifier must check in this journal: each seat sig and each attestation. */
export function signaturesOf(directory: string): { message: Buffer; signature: Buffer; key: KeyObject }[] {
  const lines = readdirSync(directory)
    .filter((name) => name.startsWith('segment-'))
    .sort()
    .flatMap((name) => readFileSync(join(directory, name), 'utf8').trimEnd().split('\n'))
  const entries = lines.map((line) => JSON.parse(line) as JournalEntry)
  const seatKey = publicKeyFromRaw((entries[0]?.payload as { seatPublicKey: string }).seatPublicKey)
  const userKeys = new Map<string, KeyObject>()
  const signatures = []
  for (const entry of entries) {
    signatures.push({ message: Buffer.from(entry.hash, 'ascii'), signature: Buffer.from(entry.sig, 'base64'), key: seatKey })
    const payload = entry.payload as { employeeNo?: string; publicKey?: string; attestation?: { employeeNo: string; sig: string } }
    if (payload.publicKey && payload.employeeNo) userKeys.set(payload.employeeNo, publicKeyFromRaw(payload.publicKey))
    if (payload.attestation) {
      const { attestation, ...rest } = payload
      signatures.push({
        message: Buffer.from(attestedMessage(entry.kind, attestation.employeeNo, rest)),
        signature: Buffer.from(attestation.sig, 'base64'),
        key: userKeys.get(attestation.employeeNo) as KeyObject,
      })
    }
  }
  return signatures
}

/**
 * Verify rate against its floor: raw Ed25519 verification of exactly the signatures the journal
 * holds (seat signatures plus personal attestations), expressed per entry like the real figure.
 */
async function verifyFigure(folder: string): Promise<BenchFigure> {
  const directory = join(folder, 'verify')
  // fsync is skipped only while generating the input; the figure measures reading and verifying.
  await writeSampleJournal(directory, VERIFY_ENTRIES, { io: { fsyncSync: () => undefined } })
  const signatures = signaturesOf(directory)
  const floors: number[] = []
  const rates: number[] = []
  // Round 0 warms the JIT and the page cache for both sides and is not counted.
  for (let round = 0; round <= VERIFY_ROUNDS; round++) {
    let start = process.hrtime.bigint()
    for (const { message, signature, key } of signatures) {
      if (!verify(null, message, key, signature)) throw new Error('sample signature does not verify')
    }
    const floor = VERIFY_ENTRIES / (elapsedMs(start) / 1000)
    start = process.hrtime.bigint()
    const report = await verifyJournalDirectory(directory)
    if (report.status !== 'intact' || report.entries !== VERIFY_ENTRIES) throw new Error(`sample journal is ${report.status}`)
    const rate = VERIFY_ENTRIES / (elapsedMs(start) / 1000)
    if (round === 0) continue
    floors.push(floor)
    rates.push(rate)
  }
  return { name: 'journal_verify_rate', value: median(rates), unit: 'entries/s', floor: median(floors) }
}

export async function journalFigures(): Promise<BenchFigure[]> {
  const folder = mkdtempSync(join(tmpdir(), 'seatdesk-bench-'))
  try {
    return [...(await appendFigures(folder)), await verifyFigure(folder)]
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}
