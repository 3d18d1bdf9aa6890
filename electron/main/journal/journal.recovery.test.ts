import { createHash } from 'node:crypto'
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../clock'
import { openJournal } from './openJournal'
import { createSampleSeat, sampleEntries, writeSampleJournal } from './sampleJournal'
import type { SampleSeat } from './sampleJournal'
import { verifyJournalDirectory } from './verifyJournalDirectory'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

async function sampleFolder(entries: number, segmentBytes?: number): Promise<{ directory: string; seat: SampleSeat }> {
  const directory = mkdtempSync(join(tmpdir(), 'journal-recovery-'))
  folders.push(directory)
  const seat = await writeSampleJournal(directory, entries, segmentBytes === undefined ? {} : { segmentBytes })
  return { directory, seat }
}

function lastSegment(directory: string): string {
  const name = readdirSync(directory).filter((candidate) => candidate.startsWith('segment-')).sort().at(-1)
  return join(directory, name as string)
}

/** Every file under the folder with its bytes, to prove an operation changed nothing. */
function snapshot(directory: string): Record<string, string> {
  const files: Record<string, string> = {}
  for (const name of readdirSync(directory, { recursive: true }) as string[]) {
    const path = join(directory, name)
    files[name] = statSync(path).isFile() ? readFileSync(path).toString('base64') : '<folder>'
  }
  return files
}

const clock = manualClock('2026-11-23T10:15:00.000Z')

describe('recovery on open', () => {
  it('sets a torn last line aside, records it, and keeps every earlier entry', async () => {
    const { directory, seat } = await sampleFolder(10)
    const before = await verifyJournalDirectory(directory)
    const torn = Buffer.from('{"actor":"A001","hash":"ab', 'utf8')
    appendFileSync(lastSegment(directory), torn)
    expect((await verifyJournalDirectory(directory)).status).toBe('torn')

    const opened = await openJournal({ directory, signer: seat.signer, clock })
    expect(opened.status).toBe('ok')
    if (opened.status !== 'ok') return
    const { journal, recovered } = opened
    expect(recovered).toEqual({ quarantineFile: join(directory, 'quarantine', 'torn-2026-11-23T10-15-00-000Z-11.bin'), bytes: torn.length })
    expect(readFileSync(recovered?.quarantineFile as string)).toEqual(torn)

    const entries = await journal.read(0, 100)
    expect(entries.slice(0, 10).at(-1)?.hash).toBe(before.head.hash)
    expect(entries[10]).toMatchObject({
      seq: 11,
      prev: before.head.hash,
      kind: 'journal.recovered',
      actor: 'seat',
      payload: {
        quarantineFile: 'quarantine/torn-2026-11-23T10-15-00-000Z-11.bin',
        bytes: torn.length,
        sha256: createHash('sha256').update(torn).digest('hex'),
      },
    })
    await journal.close()
    expect(await verifyJournalDirectory(directory)).toMatchObject({ status: 'intact', entries: 11 })
  })

  it('recovers a torn line that is the only content of a freshly rolled segment', async () => {
    const { directory, seat } = await sampleFolder(6, 900)
    const segments = readdirSync(directory).filter((name) => name.startsWith('segment-')).length
    const next = join(directory, `segment-${String(segments + 1).padStart(6, '0')}.ndjson`)
    writeFileSync(next, '{"act')
    const opened = await openJournal({ directory, signer: seat.signer, clock, segmentBytes: 900 })
    expect(opened).toMatchObject({ status: 'ok', recovered: { bytes: 5 } })
    if (opened.status === 'ok') await opened.journal.close()
    expect(await verifyJournalDirectory(directory)).toMatchObject({ status: 'intact', entries: 7 })
  })

  it('records a torn first line of a new journal right after seat.created, which must stay seq 1', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'journal-recovery-'))
    folders.push(directory)
    writeFileSync(join(directory, 'segment-000001.ndjson'), '{"actor":"seat","ha')
    const seat = createSampleSeat()
    const opened = await openJournal({ directory, signer: seat.signer, clock })
    if (opened.status !== 'ok') throw new Error(`did not open: ${opened.reason}`)
    expect(opened.recovered).toMatchObject({ bytes: 19 })
    const [genesis] = sampleEntries(seat, 1)
    const first = await opened.journal.append('seat.created', genesis!.actor, genesis!.payload as never)
    expect(first.seq).toBe(1)
    expect(opened.journal.head().seq).toBe(2)
    const [, recovered] = await opened.journal.read(0, 10)
    expect(recovered).toMatchObject({ seq: 2, kind: 'journal.recovered', payload: { bytes: 19 } })
    await opened.journal.close()
    expect(await verifyJournalDirectory(directory)).toMatchObject({ status: 'intact', entries: 2 })
  })

  it('refuses a corrupted middle line and leaves every byte as it was', async () => {
    const { directory, seat } = await sampleFolder(10)
    const path = lastSegment(directory)
    const text = readFileSync(path, 'utf8').replace('"reason":"idle"', '"reason":"manual"')
    writeFileSync(path, text)
    appendFileSync(path, '{"torn') // a torn tail too: still no repair while corruption is present
    const before = snapshot(directory)

    const opened = await openJournal({ directory, signer: seat.signer, clock })
    expect(opened).toMatchObject({ status: 'corrupt', seq: 6, directory })
    expect(opened.status === 'corrupt' && opened.reason).toMatch(/hash does not match.*segment-000001\.ndjson, line 6/)
    expect(snapshot(directory)).toEqual(before)
    expect(existsSync(join(directory, 'quarantine'))).toBe(false)
  })

  it('refuses a non-last segment that ends without a newline', async () => {
    const { directory, seat } = await sampleFolder(12, 1500)
    const first = join(directory, 'segment-000001.ndjson')
    const bytes = readFileSync(first)
    writeFileSync(first, bytes.subarray(0, bytes.length - 1))
    const opened = await openJournal({ directory, signer: seat.signer, clock })
    expect(opened).toMatchObject({ status: 'corrupt' })
    expect(opened.status === 'corrupt' && opened.reason).toContain('ends without a newline')
  })

  it('keeps a last entry that is complete and valid but lacks only its final newline', async () => {
    const { directory, seat } = await sampleFolder(10)
    const before = await verifyJournalDirectory(directory)
    const path = lastSegment(directory)
    const bytes = readFileSync(path)
    writeFileSync(path, bytes.subarray(0, bytes.length - 1))
    const report = await verifyJournalDirectory(directory)
    expect(report).toMatchObject({ status: 'torn', entries: 9, torn: { completeSeq: 10 } })

    const opened = await openJournal({ directory, signer: seat.signer, clock })
    if (opened.status !== 'ok') throw new Error(`did not open: ${opened.reason}`)
    expect(opened.recovered).toBeNull()
    expect(opened.journal.head()).toEqual(before.head)
    expect(readFileSync(path)).toEqual(bytes)
    expect(existsSync(join(directory, 'quarantine'))).toBe(false)
    const next = await opened.journal.append('session.locked', 'A001', { sessionId: 'after-complete', reason: 'idle' })
    expect(next).toMatchObject({ seq: 11, prev: before.head.hash })
    const entries = await opened.journal.read(0, 100)
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    expect(entries.some((entry) => entry.kind === 'journal.recovered')).toBe(false)
    await opened.journal.close()
    expect(await verifyJournalDirectory(directory)).toMatchObject({ status: 'intact', entries: 11 })
  })
})
