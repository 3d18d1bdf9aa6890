import { fstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../clock'
import type { JournalDurability } from './api'
import { nodeFileIo } from './durableFiles'
import { generateKeyPair } from './ed25519'
import { openJournal } from './openJournal'
import { createSeatSigner } from './seatSigner'
import { verifyJournalDirectory } from './verifyJournalDirectory'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

const signer = createSeatSigner(generateKeyPair().privateKey)
const lockedPayload = (n: number) => ({ sessionId: `s-${n}`, reason: 'manual' as const })

/** A journal whose fsyncs are counted (and still done), with the size of the file each one covered. */
async function countingJournal(durability: JournalDurability | undefined, segmentBytes?: number, folder?: string) {
  const directory = folder ?? mkdtempSync(join(tmpdir(), 'journal-durability-'))
  folders.push(directory)
  const fsyncs: number[] = []
  const opened = await openJournal({
    directory,
    signer,
    clock: manualClock('2026-11-23T08:00:00.000Z'),
    ...(segmentBytes === undefined ? {} : { segmentBytes }),
    ...(durability === undefined ? {} : { durability }),
    io: {
      fsyncSync: (fd) => {
        fsyncs.push(fstatSync(fd).size)
        nodeFileIo.fsyncSync(fd)
      },
    },
  })
  if (opened.status !== 'ok') throw new Error(opened.reason)
  return { directory, journal: opened.journal, fsyncs }
}

describe('journal durability', () => {
  it('fsyncs every append before it resolves by default (the app)', async () => {
    const { journal, fsyncs } = await countingJournal(undefined)
    const sizes: number[] = []
    for (let n = 1; n <= 20; n++) {
      await journal.append('session.locked', 'A001', lockedPayload(n))
      // The fsync of this entry happened before its append resolved, and covered its line.
      expect(fsyncs).toHaveLength(n)
      sizes.push(fsyncs.at(-1) as number)
    }
    expect(new Set(sizes).size).toBe(20)
    await journal.close()
    expect(fsyncs).toHaveLength(20)
  })

  it('says the same when eachAppend is asked for by name', async () => {
    const { journal, fsyncs } = await countingJournal('eachAppend')
    for (let n = 1; n <= 5; n++) await journal.append('session.locked', 'A001', lockedPayload(n))
    expect(fsyncs).toHaveLength(5)
    await journal.close()
  })

  it('with atClose (demo generation), fsyncs each full segment once and the last one at close', async () => {
    const { directory, journal, fsyncs } = await countingJournal('atClose', 4_096)
    for (let n = 1; n <= 200; n++) await journal.append('session.locked', 'A001', lockedPayload(n))
    const segments = readdirSync(directory).filter((name) => name.startsWith('segment-'))
    expect(segments.length).toBeGreaterThan(3)
    // One fsync per segment already rolled over, none per entry.
    expect(fsyncs).toHaveLength(segments.length - 1)
    await journal.close()
    expect(fsyncs).toHaveLength(segments.length)
    expect(await verifyJournalDirectory(directory, { publicKey: signer.publicKey })).toMatchObject({ status: 'intact', entries: 200 })
  })

  it('with atClose, a journal closed without new entries needs no fsync', async () => {
    const { directory, journal, fsyncs } = await countingJournal('atClose')
    await journal.append('session.locked', 'A001', lockedPayload(1))
    await journal.close()
    expect(fsyncs).toHaveLength(1)
    const reopened = await countingJournal('atClose', undefined, directory)
    await reopened.journal.close()
    expect(reopened.fsyncs).toEqual([])
    expect(await verifyJournalDirectory(directory, { publicKey: signer.publicKey })).toMatchObject({ status: 'intact', entries: 1 })
  })
})
