import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SEAT_ACTOR } from '../../../shared/journal/entry'
import type { EntryPayload } from '../../../shared/journal/kinds'
import { manualClock } from '../clock'
import { attest } from '../identity/attest'
import type { Journal } from '../journal/api'
import { generateKeyPair, type Ed25519KeyPair } from '../journal/ed25519'
import { openJournal } from '../journal/openJournal'
import { createSampleSeat } from '../journal/sampleJournal'
import { appendCheckpoint } from './checkpointFile'
import { handoverPage } from './handoverTestPages'
import { pageHash } from './pageHash'
import { verifyBook } from './verifyBook'

// The book's own checks on journals the app would never write: every entry here is seat-signed and
// every PIN attestation genuine, so only the handover rules can find what is wrong.

let dataDir: string
let journal: Journal
const users = new Map<string, Ed25519KeyPair>()

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'seatdesk-book-'))
  const seat = createSampleSeat()
  const opened = await openJournal({ directory: join(dataDir, 'journal'), signer: seat.signer, clock: manualClock('2026-03-02T01:00:00Z') })
  if (opened.status !== 'ok') throw new Error(opened.reason)
  journal = opened.journal
  await journal.append('seat.created', SEAT_ACTOR, {
    seatId: 'seat-1',
    companyName: '佳途物流',
    branchCode: 'SZ01',
    seatNumber: '01',
    seatPublicKey: seat.seatKeys.publicKeyRaw,
    keyProtection: 'unprotected',
  })
  for (const employeeNo of ['A001', 'A002', 'L001']) {
    const keys = generateKeyPair()
    users.set(employeeNo, keys)
    await journal.append('user.added', SEAT_ACTOR, { employeeNo, name: employeeNo, role: employeeNo === 'L001' ? 'shiftLead' : 'agent', publicKey: keys.publicKeyRaw })
  }
})
afterEach(async () => {
  await journal.close()
  await rm(dataDir, { recursive: true, force: true })
})

type Attested = 'handover.signed' | 'handover.acknowledged' | 'handover.countersigned'
function signed<K extends Attested>(kind: K, employeeNo: string, terms: Omit<EntryPayload<K>, 'attestation'>): EntryPayload<K> {
  const keys = users.get(employeeNo)
  if (!keys) throw new Error(employeeNo)
  return { ...terms, attestation: attest(keys.privateKey, kind, employeeNo, terms) } as EntryPayload<K>
}

const verify = () => verifyBook({ journalDirectory: join(dataDir, 'journal'), dataDir })

describe('verifyBook', () => {
  it('passes a page signed, acknowledged and countersigned at the journal head, with its checkpoint kept', async () => {
    const page = handoverPage('page-1', [])
    const hash = pageHash(page)
    await journal.append('handover.signed', 'A001', signed('handover.signed', 'A001', { page, pageHash: hash }))
    await journal.append('handover.acknowledged', 'A002', signed('handover.acknowledged', 'A002', { pageId: 'page-1', pageHash: hash, refused: [], remarks: '' }))
    const checkpoint = journal.head()
    const entry = await journal.append('handover.countersigned', 'A002', signed('handover.countersigned', 'L001', { pageId: 'page-1', pageHash: hash, checkpoint }))
    await appendCheckpoint(dataDir, { pageId: 'page-1', ...checkpoint, countersignedAt: entry.ts, lead: 'L001' })
    expect(await verify()).toEqual({ ok: true, entries: 7, pages: 1, checkpoints: 1, problems: [] })
  })

  it('finds a page hash that is not its content, a citation of another hash, a page redrafted after signing and a false checkpoint', async () => {
    const page = handoverPage('page-1', [])
    const hash = pageHash(page)
    const wrong = pageHash({ ...page, remarks: '签字后改过' })
    await journal.append('handover.signed', 'A001', signed('handover.signed', 'A001', { page, pageHash: wrong }))
    await journal.append('handover.drafted', 'A001', { page: { ...page, remarks: '改过' } })
    await journal.append('handover.acknowledged', 'A002', signed('handover.acknowledged', 'A002', { pageId: 'page-1', pageHash: hash, refused: [], remarks: '' }))
    const head = journal.head()
    const entry = await journal.append(
      'handover.countersigned',
      'A002',
      signed('handover.countersigned', 'L001', { pageId: 'page-1', pageHash: wrong, checkpoint: { seq: head.seq, hash: '0'.repeat(64) } }),
    )
    await appendCheckpoint(dataDir, { pageId: 'page-1', seq: head.seq, hash: 'f'.repeat(64), countersignedAt: entry.ts, lead: 'L001' })

    const report = await verify()
    expect(report.ok).toBe(false)
    expect(report.problems.map(({ code, seq, pageId }) => ({ code, seq, pageId }))).toEqual([
      { code: 'pageHashMismatch', seq: 5, pageId: 'page-1' },
      { code: 'pageChangedAfterSigning', seq: 6, pageId: 'page-1' },
      { code: 'pageHashMismatch', seq: 7, pageId: 'page-1' },
      { code: 'checkpointMismatch', seq: 8, pageId: 'page-1' },
      { code: 'checkpointMismatch', seq: head.seq, pageId: 'page-1' },
    ])
    for (const problem of report.problems) expect(problem.detail).not.toBe('')
  })

  it('reports a countersign the book remembers but the journal no longer holds', async () => {
    await appendCheckpoint(dataDir, { pageId: 'page-9', seq: 40, hash: 'a'.repeat(64), countersignedAt: '2026-03-02T09:00:00.000Z', lead: 'L001' })
    const report = await verify()
    expect(report.problems).toEqual([
      { code: 'journalShorterThanCheckpoint', seq: 40, pageId: 'page-9', detail: expect.stringContaining('head seq 4') },
    ])
  })
})
