import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manualClock } from '../clock'
import { generateKeyPair, privateKeyToPkcs8 } from './ed25519'
import { openJournal } from './openJournal'
import { createSeatSigner } from './seatSigner'

// Issue: ≥ 200 kill -9 cycles of a child appending in a loop; no acknowledged entry may be lost and
// the chain must stay intact. One journal is reused for 25 cycles (realistic: the seat restarts on
// the same folder), then a fresh one keeps each open's verification short.
const CYCLES = 200
const CYCLES_PER_JOURNAL = 25

let root: string
let childScript: string
const seatKeys = generateKeyPair()
const signer = createSeatSigner(seatKeys.privateKey)
const seatKeyArgument = privateKeyToPkcs8(seatKeys.privateKey).toString('base64')

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'journal-crash-'))
  childScript = join(root, 'crashChild.mjs')
  // Bundled once so each cycle starts plain Node in ~50 ms instead of a TypeScript loader.
  await build({ entryPoints: [join(import.meta.dirname, 'crashChild.ts')], bundle: true, platform: 'node', format: 'esm', outfile: childScript, logLevel: 'error' })
})
// A child still appending when the test ends (a timeout on a loaded machine) is killed with it: it
// would otherwise write to the temp folder for ever.
const running = new Set<ReturnType<typeof spawn>>()
afterAll(() => {
  for (const child of running) child.kill('SIGKILL')
  rmSync(root, { recursive: true, force: true })
})

interface CycleOutcome {
  acks: Map<number, string>
  output: string
}

/**
 * Runs the child and SIGKILLs it at a random moment while it appends (or while it opens). The moment
 * is drawn after a random number of acknowledged appends rather than a random time after it starts,
 * so a loaded machine (slower appends) still kills mid-stream after as many entries as an idle one.
 */
function runAndKill(directory: string): Promise<CycleOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, directory, seatKeyArgument], { stdio: ['ignore', 'pipe', 'pipe'] })
    running.add(child)
    let output = ''
    let killTimer: NodeJS.Timeout | undefined
    const killSoon = (maxMs: number) => {
      killTimer ??= setTimeout(() => child.kill('SIGKILL'), Math.random() * maxMs)
    }
    // One cycle in ten is killed early, possibly during open or recovery.
    if (Math.random() < 0.1) killSoon(80)
    const killAfterAcks = Math.floor(Math.random() * 20)
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      output += chunk
      // A cycle's output is a few kB: counting its acks again on each chunk costs nothing.
      if (output.includes('ready ') && (output.match(/^ack /gm)?.length ?? 0) >= killAfterAcks) killSoon(5)
    })
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8')
    })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      running.delete(child)
      clearTimeout(killTimer)
      if (signal !== 'SIGKILL') return reject(new Error(`child exited with ${code} instead of being killed:\n${output}`))
      const acks = new Map<number, string>()
      for (const line of output.split('\n')) {
        const match = /^ack (\d+) ([0-9a-f]{64})$/.exec(line)
        if (match) acks.set(Number(match[1]), match[2] as string)
      }
      resolve({ acks, output })
    })
  })
}

describe('journal survives kill -9', () => {
  it(`loses no acknowledged entry over ${CYCLES} kill cycles`, async () => {
    let directory = ''
    let acknowledged = new Map<number, string>()
    let totalAcks = 0
    let recoveries = 0
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      if (cycle % CYCLES_PER_JOURNAL === 0) {
        directory = join(root, `journal-${cycle}`)
        acknowledged = new Map()
      }
      const { acks, output } = await runAndKill(directory)
      expect(output, `cycle ${cycle}`).not.toContain('corrupt')
      for (const [seq, hash] of acks) acknowledged.set(seq, hash)
      totalAcks += acks.size

      const opened = await openJournal({ directory, signer, clock: manualClock('2026-11-23T12:00:00.000Z'), segmentBytes: 8 * 1024 })
      if (opened.status !== 'ok') throw new Error(`cycle ${cycle}: journal corrupt at ${opened.seq}: ${opened.reason}`)
      if (opened.recovered) recoveries++
      const onDisk = new Map<number, string>()
      for await (const entry of opened.journal.replay()) onDisk.set(entry.seq, entry.hash)
      for (const [seq, hash] of acknowledged) expect(onDisk.get(seq), `cycle ${cycle}: acknowledged seq ${seq}`).toBe(hash)
      await opened.journal.close()
    }
    // The test is only meaningful if the child really was killed mid-stream many times.
    expect(totalAcks).toBeGreaterThan(CYCLES * 5)
    console.info(`kill -9 cycles: ${CYCLES}, acknowledged entries: ${totalAcks}, torn tails recovered: ${recoveries}`)
  }, 180_000)
})
