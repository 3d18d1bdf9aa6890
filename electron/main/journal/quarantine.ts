import { createHash } from 'node:crypto'
import { closeSync, fsyncSync, ftruncateSync, openSync } from 'node:fs'
import { join } from 'node:path'
import type { Clock } from '../clock'
import { ensureDirectory, fsyncDirectory, nodeFileIo, writeFully } from './durableFiles'
import type { TornTail } from './scanJournal'

export const QUARANTINE_FOLDER = 'quarantine'

export interface SetAside {
  /** Absolute path of the quarantine file. */
  path: string
  /** Path relative to the journal folder, as recorded in `journal.recovered`. */
  relativePath: string
  bytes: number
  sha256: string
}

/**
 * Moves a torn last line out of the chain: the bytes are copied to `quarantine/` and made durable
 * before the segment is truncated, so a crash at any step loses nothing (at worst the tail is
 * set aside twice on the next start).
 */
export function setAsideTornTail(directory: string, torn: TornTail, nextSeq: number, clock: Clock): SetAside {
  const folder = join(directory, QUARANTINE_FOLDER)
  ensureDirectory(folder)
  const stamp = clock.now().toISOString().replace(/[:.]/g, '-')
  const { fd, name } = createUnique(folder, `torn-${stamp}-${nextSeq}`)
  try {
    writeFully(nodeFileIo, fd, torn.bytes)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  fsyncDirectory(folder)

  const segment = openSync(torn.path, 'r+')
  try {
    ftruncateSync(segment, torn.offset)
    fsyncSync(segment)
  } finally {
    closeSync(segment)
  }
  return {
    path: join(folder, name),
    relativePath: `${QUARANTINE_FOLDER}/${name}`,
    bytes: torn.bytes.length,
    sha256: createHash('sha256').update(torn.bytes).digest('hex'),
  }
}

function createUnique(folder: string, base: string): { fd: number; name: string } {
  for (let attempt = 1; ; attempt++) {
    const name = attempt === 1 ? `${base}.bin` : `${base}-${attempt}.bin`
    try {
      return { fd: openSync(join(folder, name), 'wx'), name }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
}
