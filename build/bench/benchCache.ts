import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'

// Inputs that take minutes to write (a million tickets, a year of journal, its built view) are kept
// in node_modules/.cache/seatdesk-bench/, one folder per input, named by a hash of everything that
// decides its content, so a change to any of it writes the input again.

export const repoRoot = resolve(import.meta.dirname, '../..')
const cacheRoot = join(repoRoot, 'node_modules/.cache/seatdesk-bench')
const RECORD = 'record.json'

/** `.ts` and `.tsx` sources under `folder` (repo-relative, recursively), tests excluded. */
export async function sourcesUnder(folder: string): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(join(repoRoot, folder), { withFileTypes: true })) {
    const path = `${folder}/${entry.name}`
    if (entry.isDirectory()) found.push(...(await sourcesUnder(path)))
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) found.push(path)
  }
  return found
}

/** 16 hex digits of a hash over `preamble`, then each file's path and content, in path order. */
export async function contentHash(preamble: string, files: string[]): Promise<string> {
  const hash = createHash('sha256').update(preamble)
  for (const file of [...files].sort()) hash.update(`${file}\n`).update(await readFile(join(repoRoot, file)))
  return hash.digest('hex').slice(0, 16)
}

/** Debian's Chromium answers its version: a new one may store IndexedDB differently. */
export function chromiumVersion(executablePath: string): string {
  return execFileSync(executablePath, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString()
}

export interface CachedInput<Record> {
  /** The cached folder: read or copy from it, never write into it. */
  folder: string
  record: Record
  reused: boolean
}

/**
 * The cache folder `<prefix><name>`, written first when it is missing (or `rewrite`): the other
 * folders with the same prefix are removed, `write` fills a `.writing` folder and answers the record
 * kept beside the content, and the folder is moved into place only then, so an interrupted run
 * leaves nothing the next run would take for finished.
 */
export async function benchCache<Record>(
  prefix: string,
  name: string,
  write: (folder: string) => Promise<Record>,
  options: { rewrite?: boolean } = {},
): Promise<CachedInput<Record>> {
  const folder = join(cacheRoot, `${prefix}${name}`)
  const recordFile = join(folder, RECORD)
  const reused = !options.rewrite && existsSync(recordFile)
  if (!reused) {
    await mkdir(cacheRoot, { recursive: true })
    for (const stale of await readdir(cacheRoot)) if (stale.startsWith(prefix)) await rm(join(cacheRoot, stale), { recursive: true, force: true })
    const writing = `${folder}.writing`
    await mkdir(writing, { recursive: true })
    const record = await write(writing)
    await writeFile(join(writing, RECORD), JSON.stringify(record))
    await rename(writing, folder)
  }
  return { folder, record: JSON.parse(await readFile(recordFile, 'utf8')) as Record, reused }
}
