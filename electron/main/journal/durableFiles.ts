import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

// File-system calls that make bytes durable. The journal's append path goes through `JournalFileIo`
// so a test can make a write or fsync fail and check that the journal stops (issue: "must not
// continue as if ok").
export interface JournalFileIo {
  writeSync(fd: number, buffer: Buffer, offset: number, length: number): number
  fsyncSync(fd: number): void
}

export const nodeFileIo: JournalFileIo = {
  writeSync: (fd, buffer, offset, length) => writeSync(fd, buffer, offset, length),
  fsyncSync: (fd) => fsyncSync(fd),
}

/** A new or removed directory entry is durable only once its folder is fsync'd (POSIX). */
export function fsyncDirectory(path: string): void {
  // Windows cannot open a folder for fsync; NTFS journals its metadata itself.
  if (process.platform === 'win32') return
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Creates a folder (and parents, with `mode` before umask) and makes its creation durable. */
export function ensureDirectory(folder: string, mode?: number): void {
  const path = resolve(folder)
  const firstCreated = mkdirSync(path, mode === undefined ? { recursive: true } : { recursive: true, mode })
  if (firstCreated === undefined) return
  // Each new folder's name lives in its parent: fsync from the deepest one up to the parent of the first.
  const stop = dirname(firstCreated)
  for (let folder = path; folder !== stop && folder !== dirname(folder); folder = dirname(folder)) fsyncDirectory(folder)
  fsyncDirectory(stop)
}

/** Writes the whole buffer; a short write continues where it stopped. */
export function writeFully(io: JournalFileIo, fd: number, buffer: Buffer): void {
  let written = 0
  while (written < buffer.length) {
    written += io.writeSync(fd, buffer, written, buffer.length - written)
  }
}
