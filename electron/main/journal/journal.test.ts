import { createHash, createPublicKey, verify as cryptoVerify } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../shared/journal/canonical'
import { GENESIS_PREV, hashedPart } from '../../../shared/journal/entry'
import type { JournalEntry } from '../../../shared/journal/entry'
import { manualClock } from '../clock'
import type { Journal } from './api'
import { generateKeyPair } from './ed25519'
import { InvalidEntryError, JournalFailedError } from './errors'
import { openJournal } from './openJournal'
import type { OpenJournalOptions } from './openJournal'
import { createSampleSeat, sampleEntries } from './sampleJournal'
import { createSeatSigner } from './seatSigner'
import { verifyJournalDirectory } from './verifyJournalDirectory'

const folders: string[] = []
function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'journal-test-'))
  folders.push(folder)
  return folder
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

const seatKeys = generateKeyPair()
const signer = createSeatSigner(seatKeys.privateKey)

async function open(directory: string, extra: Partial<OpenJournalOptions> = {}): Promise<Journal> {
  const result = await openJournal({ directory, signer, clock: manualClock('2026-11-23T08:00:00.000Z'), ...extra })
  if (result.status !== 'ok') throw new Error(`expected ok, got corrupt: ${result.reason}`)
  return result.journal
}

function segmentBytes(directory: string): Buffer {
  const names = readdirSync(directory).filter((name) => name.startsWith('segment-')).sort()
  return Buffer.concat(names.map((name) => readFileSync(join(directory, name))))
}

const lockedPayload = (n: number) => ({ sessionId: `s-${n}`, reason: 'manual' as const })

describe('journal append, read, replay and head', () => {
  it('starts empty at seq 0 with the genesis hash', async () => {
    const journal = await open(tempFolder())
    expect(journal.head()).toEqual({ seq: 0, hash: GENESIS_PREV })
    expect(await journal.read(0, 10)).toEqual([])
    await journal.close()
  })

  it('writes a signed, hash-linked, canonical line per entry', async () => {
    const directory = tempFolder()
    const journal = await open(directory)
    const written: JournalEntry[] = []
    for (let n = 1; n <= 5; n++) written.push(await journal.append('session.locked', 'A001', lockedPayload(n)))

    expect(written.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5])
    expect(written[0]?.prev).toBe(GENESIS_PREV)
    const seatKey = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(signer.publicKey, 'base64')]), format: 'der', type: 'spki' })
    written.forEach((entry, index) => {
      if (index > 0) expect(entry.prev).toBe(written[index - 1]?.hash)
      expect(entry.ts).toBe('2026-11-23T08:00:00.000Z')
      expect(entry.hash).toBe(createHash('sha256').update(canonicalJson(hashedPart(entry))).digest('hex'))
      expect(cryptoVerify(null, Buffer.from(entry.hash, 'ascii'), seatKey, Buffer.from(entry.sig, 'base64'))).toBe(true)
    })
    expect(segmentBytes(directory).toString('utf8')).toBe(written.map((entry) => `${canonicalJson(entry)}\n`).join(''))
    expect(journal.head()).toEqual({ seq: 5, hash: written[4]?.hash })
    await journal.close()
  })

  it('reads pages after a seq and replays everything in order', async () => {
    const journal = await open(tempFolder())
    for (let n = 1; n <= 7; n++) await journal.append('session.locked', 'A001', lockedPayload(n))
    expect((await journal.read(0, 3)).map((entry) => entry.seq)).toEqual([1, 2, 3])
    expect((await journal.read(5, 100)).map((entry) => entry.seq)).toEqual([6, 7])
    expect(await journal.read(7, 1)).toEqual([])
    const replayed: number[] = []
    for await (const entry of journal.replay()) replayed.push(entry.seq)
    expect(replayed).toEqual([1, 2, 3, 4, 5, 6, 7])
    await expect(journal.read(-1, 1)).rejects.toThrow(RangeError)
    await expect(journal.read(0, 0)).rejects.toThrow(RangeError)
    await journal.close()
  })

  it('gives concurrent appends consecutive seqs in call order', async () => {
    const journal = await open(tempFolder())
    const entries = await Promise.all(Array.from({ length: 25 }, (_, n) => journal.append('session.locked', 'A001', lockedPayload(n))))
    expect(entries.map((entry) => entry.seq)).toEqual(Array.from({ length: 25 }, (_, n) => n + 1))
    expect(entries.map((entry) => (entry.payload as { sessionId: string }).sessionId)).toEqual(Array.from({ length: 25 }, (_, n) => `s-${n}`))
    await journal.close()
  })

  it('rejects an invalid payload, kind or actor and writes nothing', async () => {
    const directory = tempFolder()
    const journal = await open(directory)
    await journal.append('session.locked', 'A001', lockedPayload(1))
    const before = segmentBytes(directory)
    const invalid = [
      journal.append('session.locked', 'A001', { sessionId: 's', reason: 'bored' } as never),
      journal.append('session.locked', 'A001', { ...lockedPayload(2), extra: 1 } as never),
      journal.append('no.such.kind' as never, 'A001', {} as never),
      journal.append('session.locked', '', lockedPayload(2)),
      journal.append('session.locked', 'x'.repeat(33), lockedPayload(2)),
    ]
    for (const attempt of invalid) await expect(attempt).rejects.toThrow(InvalidEntryError)
    expect(segmentBytes(directory)).toEqual(before)
    expect(journal.head().seq).toBe(1)
    expect((await journal.append('session.locked', 'A001', lockedPayload(2))).seq).toBe(2)
    await journal.close()
  })

  it('refuses a session entry whose attestation does not verify', async () => {
    const seat = createSampleSeat()
    const journal = await open(tempFolder(), { signer: seat.signer })
    for (const { kind, actor, payload } of sampleEntries(seat, 3)) await journal.append(kind, actor, payload as never)
    const forged = { sessionId: 's', employeeNo: 'A001', attestation: { employeeNo: 'A001', sig: Buffer.alloc(64, 1).toString('base64') } }
    await expect(journal.append('session.signedIn', 'A001', forged)).rejects.toThrow('attestation by A001 does not verify')
    expect(journal.head().seq).toBe(3)
    await journal.close()
  })

  it('only accepts seat.created first and naming the signer key', async () => {
    const journal = await open(tempFolder())
    const created = { seatId: 's', companyName: 'c', branchCode: 'SH01', seatNumber: '1', keyProtection: 'unprotected' as const }
    await expect(journal.append('seat.created', 'seat', { ...created, seatPublicKey: generateKeyPair().publicKeyRaw })).rejects.toThrow(InvalidEntryError)
    await journal.append('seat.created', 'seat', { ...created, seatPublicKey: signer.publicKey })
    await expect(journal.append('seat.created', 'seat', { ...created, seatPublicKey: signer.publicKey })).rejects.toThrow('only be the first')
    await journal.close()
  })
})

describe('journal segments and reopening', () => {
  it('rolls to a new segment at the size limit and reads across segments', async () => {
    const directory = tempFolder()
    const journal = await open(directory, { segmentBytes: 1024 })
    for (let n = 1; n <= 30; n++) await journal.append('session.locked', 'A001', lockedPayload(n))
    const names = readdirSync(directory).filter((name) => name.startsWith('segment-')).sort()
    expect(names.length).toBeGreaterThan(3)
    expect(names[0]).toBe('segment-000001.ndjson')
    for (const name of names) expect(readFileSync(join(directory, name)).length).toBeLessThanOrEqual(1024)
    expect((await journal.read(0, 30)).map((entry) => entry.seq)).toEqual(Array.from({ length: 30 }, (_, n) => n + 1))
    expect((await journal.read(13, 4)).map((entry) => entry.seq)).toEqual([14, 15, 16, 17])
    await journal.close()
    expect((await verifyJournalDirectory(directory, { publicKey: signer.publicKey })).status).toBe('intact')
  })

  it('continues the chain after close and reopen', async () => {
    const directory = tempFolder()
    const first = await open(directory, { segmentBytes: 1024 })
    for (let n = 1; n <= 12; n++) await first.append('session.locked', 'A001', lockedPayload(n))
    const head = first.head()
    await first.close()
    await expect(first.append('session.locked', 'A001', lockedPayload(0))).rejects.toThrow('closed')

    const second = await open(directory, { segmentBytes: 1024 })
    expect(second.head()).toEqual(head)
    const next = await second.append('session.locked', 'A001', lockedPayload(13))
    expect(next).toMatchObject({ seq: 13, prev: head.hash })
    expect((await second.read(10, 5)).map((entry) => entry.seq)).toEqual([11, 12, 13])
    await second.close()
  })

  it('refuses to open an existing journal with another seat key', async () => {
    const directory = tempFolder()
    const seat = createSampleSeat()
    const journal = await open(directory, { signer: seat.signer })
    for (const { kind, actor, payload } of sampleEntries(seat, 3)) await journal.append(kind, actor, payload as never)
    await journal.close()
    const before = segmentBytes(directory)
    const result = await openJournal({ directory, signer, clock: manualClock('2026-11-23T08:00:00.000Z') })
    expect(result).toMatchObject({ status: 'corrupt', seq: 1, directory })
    expect(result.status === 'corrupt' && result.reason).toContain('different seat key')
    expect(segmentBytes(directory)).toEqual(before)
  })
})

describe('journal write failures', () => {
  it('stops after a failed fsync and rejects every later append', async () => {
    const directory = tempFolder()
    let failNext = false
    const journal = await open(directory, {
      io: {
        fsyncSync: () => {
          if (failNext) throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' })
        },
      },
    })
    await journal.append('session.locked', 'A001', lockedPayload(1))
    failNext = true
    await expect(journal.append('session.locked', 'A001', lockedPayload(2))).rejects.toThrow(JournalFailedError)
    failNext = false
    await expect(journal.append('session.locked', 'A001', lockedPayload(3))).rejects.toThrow(JournalFailedError)
    expect(journal.head().seq).toBe(1)
    await journal.close()
  })

  it('stops after a failed write and the next open sets the partial line aside', async () => {
    const directory = tempFolder()
    let failNext = false
    const journal = await open(directory, {
      io: {
        writeSync: (fd, buffer, offset, length) => {
          if (!failNext) return writeSync(fd, buffer, offset, length)
          // The disk fills part way through the line.
          writeSync(fd, buffer, offset, 10)
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
        },
      },
    })
    await journal.append('session.locked', 'A001', lockedPayload(1))
    failNext = true
    await expect(journal.append('session.locked', 'A001', lockedPayload(2))).rejects.toThrow(JournalFailedError)
    await journal.close()

    const reopened = await openJournal({ directory, signer, clock: manualClock('2026-11-23T09:00:00.000Z') })
    expect(reopened.status).toBe('ok')
    if (reopened.status !== 'ok') return
    expect(reopened.recovered?.bytes).toBe(10)
    expect((await reopened.journal.read(1, 1))[0]?.kind).toBe('journal.recovered')
    await reopened.journal.close()
  })
})
