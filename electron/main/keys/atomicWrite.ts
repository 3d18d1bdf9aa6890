import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { ensureDirectory } from '../journal/durableFiles'

// A key or secrets file is either the old bytes or the new bytes after a crash, never half of each:
// write a temp file beside it, fsync, rename over, then fsync the folder so the rename itself lasts.
export async function writeFileAtomic(path: string, data: string | Buffer, mode = 0o600): Promise<void> {
  const folder = dirname(path)
  // A folder this creates (keys/, identity/) is fsync'd into its parent, so the file cannot vanish
  // with its folder on power loss after the write was reported durable.
  ensureDirectory(folder, 0o700)
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const file = await open(temp, 'wx', mode)
    try {
      await file.writeFile(data)
      await file.sync()
    } finally {
      await file.close()
    }
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  await fsyncFolder(folder)
}

async function fsyncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
