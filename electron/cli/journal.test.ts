import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manualClock } from '../main/clock'
import { createDemoSeat } from '../main/demo/createDemoSeat'
import { appendCheckpoint } from '../main/handover/checkpointFile'
import { generateKeyPair } from '../main/journal/ed25519'
import { writeSampleJournal } from '../main/journal/sampleJournal'

// The CLI is spawned exactly as `npm run journal` runs it, so exit codes are the real ones.
const repo = resolve(import.meta.dirname, '../..')
const tsx = join(repo, 'node_modules/.bin/tsx')
const cli = join(repo, 'electron/cli/journal.ts')

// Each spawn starts Node and tsx (a few seconds on a loaded two-core machine), and a test makes up to
// four: the project's 20 s per test is too tight for that, so the spawning tests get a minute.
const SPAWNING = { timeout: 60_000 }

function runCli(...args: string[]) {
  const result = spawnSync(tsx, [cli, ...args], { encoding: 'utf8', timeout: 30_000 })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

let root: string
let seatFolder: string
let journalFolder: string
let seatKey: string

function copyJournal(name: string): string {
  const folder = join(root, name)
  mkdirSync(folder)
  writeFileSync(join(folder, 'segment-000001.ndjson'), readFileSync(join(journalFolder, 'segment-000001.ndjson')))
  return join(folder, 'segment-000001.ndjson')
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'journal-cli-'))
  seatFolder = join(root, 'seat')
  journalFolder = join(seatFolder, 'journal')
  seatKey = (await writeSampleJournal(journalFolder, 12)).signer.publicKey
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('npm run journal -- verify', SPAWNING, () => {
  it('exits 0 for an intact journal, given the seat folder or the journal folder', () => {
    for (const folder of [seatFolder, journalFolder]) {
      const { code, stdout } = runCli('verify', folder)
      expect(code, stdout).toBe(0)
      expect(stdout).toMatch(/intact: 12 entries, head seq 12 hash [0-9a-f]{64}/)
    }
  })

  it('exits 1 for a tampered journal and names the first bad seq', () => {
    const segment = copyJournal('tampered')
    writeFileSync(segment, readFileSync(segment, 'utf8').replace('"reason":"idle"', '"reason":"manual"'))
    const { code, stdout } = runCli('verify', join(root, 'tampered'))
    expect(code, stdout).toBe(1)
    expect(stdout).toContain('first bad entry seq 6')
    expect(stdout).toContain('hash does not match the entry content')
  })

  it('exits 2 for a torn tail only and says it is recoverable', () => {
    const segment = copyJournal('torn')
    appendFileSync(segment, '{"actor":"A0')
    const { code, stdout } = runCli('verify', join(root, 'torn'))
    expect(code, stdout).toBe(2)
    expect(stdout).toContain('set it aside')
    expect(readFileSync(segment, 'utf8').endsWith('{"actor":"A0')).toBe(true)
  })

  it('prints the seat key and its fingerprint, and pins it with --seat-key', () => {
    const fingerprint = createHash('sha256').update(Buffer.from(seatKey, 'base64')).digest('hex').slice(0, 16)
    const plain = runCli('verify', seatFolder)
    expect(plain.stdout).toContain(`seat key: ${seatKey} (fingerprint ${fingerprint})`)

    const pinned = runCli('verify', seatFolder, '--seat-key', seatKey)
    expect(pinned.code, pinned.stdout).toBe(0)
    expect(pinned.stdout).toContain('intact: 12 entries')

    const other = generateKeyPair().publicKeyRaw
    const mismatch = runCli('verify', '--seat-key', other, seatFolder)
    expect(mismatch.code, mismatch.stdout).toBe(1)
    expect(mismatch.stdout).toContain(`SEAT KEY MISMATCH: this journal is signed by seat key ${fingerprint}`)
    expect(mismatch.stdout).not.toContain('intact')

    expect(runCli('verify', seatFolder, '--seat-key').code).toBe(64)
    expect(runCli('verify', seatFolder, '--seat-key', 'not-a-key').stderr).toContain('is not a raw Ed25519 public key')
  })

  it('exits 2 for a last entry missing only its newline and says it will be kept', () => {
    const segment = copyJournal('unterminated')
    const bytes = readFileSync(segment)
    writeFileSync(segment, bytes.subarray(0, bytes.length - 1))
    const { code, stdout } = runCli('verify', join(root, 'unterminated'))
    expect(code, stdout).toBe(2)
    expect(stdout).toContain('is entry seq 12, complete and verified, but its final newline is missing')
    expect(stdout).toContain('SeatDesk will keep it and add the newline')
    expect(stdout).not.toContain('set it aside')
  })

  it('exits 64 on usage errors', () => {
    expect(runCli().code).toBe(64)
    expect(runCli('frobnicate').code).toBe(64)
    expect(runCli('verify').code).toBe(64)
    expect(runCli('verify', join(root, 'missing')).code).toBe(64)
    expect(runCli('verify', root, 'extra').code).toBe(64)
    expect(runCli('verify', mkdtempSync(join(root, 'empty-'))).stderr).toContain('no journal in')
  })

  it('prints help with exit 0', () => {
    const { code, stdout } = runCli('--help')
    expect(code).toBe(0)
    expect(stdout).toContain('verify DIR')
    expect(stdout).toContain('demo DIR [--entries N] [--days N]')
    expect(stdout).toContain('export DIR --from YYYY-MM-DD --to YYYY-MM-DD [--out BUNDLE]')
    expect(stdout).toContain('verify DIR|BUNDLE')
  })
})

describe('npm run journal -- demo', () => {
  it('creates a demo seat that verifies, and prints the demo accounts', () => {
    const dataDir = join(root, 'demo-seat')
    const demo = runCli('demo', dataDir, '--days', '3', '--entries', '200')
    expect(demo.code, demo.stderr).toBe(0)
    expect(demo.stdout).toMatch(/demo seat written to .*: \d+ journal entries/)
    expect(demo.stdout).toMatch(/S001\s+\S+\s+supervisor\s+\d{4,8}/)
    const verify = runCli('verify', dataDir)
    expect(verify.code, verify.stdout).toBe(0)
  }, 60_000)

  it('refuses a folder that already holds a seat, changing nothing', () => {
    const before = readFileSync(join(journalFolder, 'segment-000001.ndjson'))
    const demo = runCli('demo', seatFolder, '--entries', '20')
    expect(demo.code, demo.stderr).toBe(64)
    expect(demo.stderr).toContain('already holds seat data (journal/segment-000001.ndjson)')
    expect(readFileSync(join(journalFolder, 'segment-000001.ndjson'))).toEqual(before)
  })

  it('exits 64 on bad demo arguments', () => {
    expect(runCli('demo').code).toBe(64)
    expect(runCli('demo', join(root, 'x'), '--entries', 'many').code).toBe(64)
    expect(runCli('demo', join(root, 'x'), '--size', '5').code).toBe(64)
    expect(runCli('demo', join(root, 'x'), '--days', '5', '--days', '1').code).toBe(64)
  })
})

describe('npm run journal -- export, and verify BUNDLE', () => {
  let demoDir: string
  let bundle: string
  beforeAll(async () => {
    demoDir = join(root, 'export-seat')
    await createDemoSeat({ dataDir: demoDir, entries: 200, clock: manualClock('2026-11-20T04:00:00.000Z') })
    bundle = join(root, 'hq.bundle')
  }, 60_000)

  it('writes a bundle that verifies with exit 0 and prints the seat key fingerprint', () => {
    const exported = runCli('export', demoDir, '--from', '2026-01-01', '--to', '2026-12-31', '--out', bundle)
    expect(exported.code, exported.stderr).toBe(0)
    expect(exported.stdout).toMatch(/bundle written to .*hq\.bundle: \d+ journal entries from 2026-01-01 to 2026-12-31/)
    const verified = runCli('verify', bundle)
    expect(verified.code, verified.stdout).toBe(0)
    const manifest = JSON.parse(readFileSync(bundle, 'utf8').split('\n')[0] as string) as { seat: { publicKey: string; fingerprint: string } }
    expect(verified.stdout).toContain(`seat key: ${manifest.seat.publicKey} (fingerprint ${manifest.seat.fingerprint})`)
    expect(verified.stdout).toMatch(/intact: \d+ entries \(seq 1 to \d+\)/)
    expect(runCli('verify', bundle, '--seat-key', manifest.seat.publicKey).code).toBe(0)
  }, 30_000)

  it('exits 1 for a tampered bundle or another seat key, saying what and where', () => {
    const lines = readFileSync(bundle, 'utf8').split('\n')
    const at = lines.findIndex((line) => line.includes('"kind":"session.locked"'))
    const seq = (JSON.parse(lines[at] as string) as { entry: { seq: number } }).entry.seq
    const tampered = join(root, 'tampered.bundle')
    writeFileSync(tampered, lines.map((line, index) => (index === at ? line.replace(/"reason":"[a-z]+"/, '"reason":"manual"') : line)).join('\n'))
    const bad = runCli('verify', tampered)
    expect(bad.code, bad.stdout).toBe(1)
    expect(bad.stdout).toContain(`TAMPERED OR CORRUPT BUNDLE: at seq ${seq}`)
    expect(bad.stdout).toContain('why: hash does not match the entry content')

    const other = runCli('verify', bundle, '--seat-key', generateKeyPair().publicKeyRaw)
    expect(other.code, other.stdout).toBe(1)
    expect(other.stdout).toContain('SEAT KEY MISMATCH: the bundle is signed by seat key')
  }, 30_000)

  it('exits 1 for a data folder whose journal was cut below a checkpoint kept with the book', async () => {
    const lines = readFileSync(join(demoDir, 'journal', 'segment-000001.ndjson'), 'utf8').split('\n').slice(0, -1)
    const checkpoint = JSON.parse(lines[100] as string) as { seq: number; hash: string }
    const cutDir = join(root, 'cut-seat')
    mkdirSync(join(cutDir, 'journal'), { recursive: true })
    await appendCheckpoint(cutDir, { seq: checkpoint.seq, hash: checkpoint.hash, pageId: 'page-1', countersignedAt: '2026-11-19T10:00:00.000Z', lead: 'S001' })
    writeFileSync(join(cutDir, 'journal', 'segment-000001.ndjson'), lines.slice(0, 101).map((line) => `${line}\n`).join(''))
    expect(runCli('verify', cutDir).code).toBe(0)
    writeFileSync(join(cutDir, 'journal', 'segment-000001.ndjson'), lines.slice(0, 95).map((line) => `${line}\n`).join(''))
    const cut = runCli('verify', cutDir)
    expect(cut.code, cut.stdout).toBe(1)
    expect(cut.stdout).toContain(`the journal ends at seq 95 but the book holds a checkpoint at seq ${checkpoint.seq} (page page-1): entries were cut from its end`)
    const refused = runCli('export', cutDir, '--from', '2026-01-01', '--to', '2026-12-31')
    expect(refused.code, refused.stderr).toBe(1)
    expect(refused.stdout).toContain('NOT EXPORTED: the journal ends at seq 95')
    expect(existsSync(join(cutDir, 'exports'))).toBe(false)
  }, 30_000)

  it('exits 64 on bad export arguments and writes nothing', () => {
    expect(runCli('export', demoDir, '--from', '2026-11-05').code).toBe(64)
    expect(runCli('export', demoDir, '--from', '2026-11-05', '--to', '2026-11-01').stderr).toContain('is after')
    expect(runCli('export', demoDir, '--from', '2026-02-30', '--to', '2026-03-01').code).toBe(64)
    expect(runCli('export', join(root, 'nowhere'), '--from', '2026-11-01', '--to', '2026-11-02').code).toBe(64)
    expect(runCli('export', journalFolder, '--from', '2026-11-01', '--to', '2026-11-02').code).toBe(64)
    expect(runCli('export', join(root, 'seat'), '--from', '2026-11-01', '--to', '2026-11-02').stderr).toContain('not a seat data folder with its key')
    expect(existsSync(join(demoDir, 'exports'))).toBe(false)
  }, 30_000)
})

describe('the journal CLI import graph', () => {
  it('never imports electron, so it runs under plain Node', async () => {
    const result = await build({
      entryPoints: [cli],
      bundle: true,
      platform: 'node',
      format: 'esm',
      write: false,
      metafile: true,
      external: ['electron'],
      logLevel: 'silent',
    })
    const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports)
    expect(imports.length).toBeGreaterThan(10)
    const packages = imports.filter((imported) => imported.external).map((imported) => imported.path)
    expect(packages.filter((path) => path === 'electron' || path.startsWith('electron/'))).toEqual([])
  })
})
