import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import * as fs from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { writeFileAtomic } from './atomicWrite'

// Records which paths are opened read-only (the way folders are opened to be fsync'd).
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>()
  return { ...actual, openSync: vi.fn(actual.openSync) }
})

let dataDir: string
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'seatdesk-atomic-'))
  vi.mocked(fs.openSync).mockClear()
})
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

describe('writeFileAtomic folder durability', () => {
  it.skipIf(process.platform === 'win32')('fsyncs the parent of a folder it creates, so the folder survives power loss', async () => {
    await writeFileAtomic(join(dataDir, 'identity', 'secrets.json'), '{}')
    expect(await readFile(join(dataDir, 'identity', 'secrets.json'), 'utf8')).toBe('{}')
    const openedForSync = vi.mocked(fs.openSync).mock.calls.filter(([, flags]) => flags === 'r').map(([path]) => String(path))
    // identity/ itself, then its parent, which holds the new name.
    expect(openedForSync).toEqual([join(dataDir, 'identity'), dataDir])
    expect((await stat(join(dataDir, 'identity'))).mode & 0o777).toBe(0o700)
  })

  it('does not fsync any parent when the folder already exists', async () => {
    await writeFileAtomic(join(dataDir, 'file.json'), 'one')
    expect(vi.mocked(fs.openSync).mock.calls.filter(([, flags]) => flags === 'r')).toEqual([])
  })
})
