import { existsSync } from 'node:fs'
import { open, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { ensureDirectory, fsyncDirectory } from '../journal/durableFiles'

// The checkpoints "kept with the book" (<dataDir>/book/checkpoints.ndjson): one line per countersign,
// outside the journal, so cutting entries off the journal's end cannot also remove the evidence that
// they existed. Each line is fsync'd before the countersign answers.

export const checkpointLineSchema = z.strictObject({
  pageId: z.string(),
  seq: z.number().int().nonnegative(),
  hash: z.string(),
  countersignedAt: z.string(),
  lead: z.string(),
})
export type CheckpointLine = z.infer<typeof checkpointLineSchema>

export function checkpointsPath(dataDir: string): string {
  return join(dataDir, 'book', 'checkpoints.ndjson')
}

/** Appends one line and makes it durable: the file's bytes, and the folder when this created it. */
export async function appendCheckpoint(dataDir: string, line: CheckpointLine): Promise<void> {
  const path = checkpointsPath(dataDir)
  // ensureDirectory fsyncs a folder it creates into its parent.
  ensureDirectory(join(dataDir, 'book'), 0o700)
  const created = !existsSync(path)
  const file = await open(path, 'a', 0o600)
  try {
    await file.appendFile(`${JSON.stringify(checkpointLineSchema.parse(line))}\n`, 'utf8')
    await file.sync()
  } finally {
    await file.close()
  }
  if (created) fsyncDirectory(join(dataDir, 'book'))
}

export type CheckpointsRead = { lines: CheckpointLine[]; unreadable: { line: number; reason: string }[] }

/** Every line of the file (none when it does not exist yet); a line that does not parse is reported, not skipped silently. */
export async function readCheckpoints(dataDir: string): Promise<CheckpointsRead> {
  let text: string
  try {
    text = await readFile(checkpointsPath(dataDir), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], unreadable: [] }
    throw error
  }
  const result: CheckpointsRead = { lines: [], unreadable: [] }
  const pieces = text.split('\n')
  // The piece after the last newline is empty, or an append a crash interrupted before it was
  // acknowledged (its countersign never answered): like the journal's torn tail, it is not a checkpoint.
  pieces.pop()
  pieces.forEach((raw, index) => {
    if (raw === '') return
    try {
      result.lines.push(checkpointLineSchema.parse(JSON.parse(raw)))
    } catch {
      result.unreadable.push({ line: index + 1, reason: 'not a checkpoint line' })
    }
  })
  return result
}
