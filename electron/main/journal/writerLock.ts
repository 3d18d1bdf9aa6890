import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { join, resolve } from 'node:path'
import { fsyncDirectory } from './durableFiles'

// One writer per journal folder. Two processes appending to one journal (the app and a preview on
// the same data folder, two previews, `journal -- demo` on a live seat) would each extend the chain
// from the head they read on open and fork it: both would acknowledge the same seq.
// `<journal>/writer.lock` holds {pid, host, startedAt} while a journal is open. It is created
// complete (written to a temp file, then hard-linked into place, which fails if the lock exists),
// so a reader never sees a half-written lock. A lock whose process is gone — killed, crashed, or
// this very process after a restart that reused its pid — is stale and taken over.
// Limits: a lock written on another host (a shared network folder) is never taken over, and two
// processes taking over the same stale lock at the same instant are not fully excluded.

export const WRITER_LOCK_FILE = 'writer.lock'

interface LockRecord {
  pid: number
  host: string
  startedAt: string
}

export type LockResult = { ok: true; lock: WriterLock } | { ok: false; reason: string }

/** Journal folders this process holds: a lock with our own pid is live only if it is in here. */
const heldHere = new Set<string>()

export class WriterLock {
  private released = false
  constructor(
    private readonly path: string,
    private readonly key: string,
    private readonly bytes: Buffer,
  ) {}

  /** Removes the lock if it is still ours. Never throws: closing a journal must not fail on it. */
  release(): void {
    if (this.released) return
    this.released = true
    heldHere.delete(this.key)
    try {
      if (readFileSync(this.path).equals(this.bytes)) unlinkSync(this.path)
    } catch {
      // Already gone, or unreadable: nothing of ours to remove.
    }
  }
}

export function acquireWriterLock(directory: string, now: Date = new Date()): LockResult {
  const key = resolve(directory)
  const path = join(key, WRITER_LOCK_FILE)
  if (heldHere.has(key)) return { ok: false, reason: refusal(process.pid) }
  const record: LockRecord = { pid: process.pid, host: hostname(), startedAt: now.toISOString() }
  const bytes = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8')
  const temp = join(key, `.${WRITER_LOCK_FILE}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  const fd = openSync(temp, 'wx', 0o600)
  try {
    writeSync(fd, bytes)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(temp, path)
        fsyncDirectory(key)
        heldHere.add(key)
        return { ok: true, lock: new WriterLock(path, key, bytes) }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
      const existing = readExisting(path)
      if (existing === 'gone') continue
      const holder = existing === 'unreadable' ? null : existing.record
      if (holder && isLive(holder)) return { ok: false, reason: refusal(holder.pid, holder.host) }
      // Stale: remove it only if it is still the very lock we judged stale, then try again.
      if (existing !== 'unreadable' && !sameBytes(path, existing.bytes)) continue
      unlinkIfPresent(path)
    }
    return { ok: false, reason: 'could not take the journal writer lock (writer.lock keeps changing)' }
  } finally {
    unlinkIfPresent(temp)
  }
}

function refusal(pid: number, host?: string): string {
  const where = host && host !== hostname() ? ` on ${host}` : ''
  return `another SeatDesk process is using this data folder (pid ${pid}${where})`
}

function readExisting(path: string): 'gone' | 'unreadable' | { record: LockRecord; bytes: Buffer } {
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone'
    throw error
  }
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as Partial<LockRecord>
    if (!Number.isSafeInteger(parsed.pid) || typeof parsed.host !== 'string') return 'unreadable'
    return { record: { pid: parsed.pid as number, host: parsed.host, startedAt: String(parsed.startedAt) }, bytes }
  } catch {
    return 'unreadable'
  }
}

/** Whether the process that wrote the lock still runs. */
function isLive(holder: LockRecord): boolean {
  // Another host's process cannot be checked from here: assume it is alive.
  if (holder.host !== hostname()) return true
  // Our own pid but not held by this process (checked first): a leftover from an earlier process
  // that had the same pid.
  if (holder.pid === process.pid) return false
  if (holder.pid <= 0) return false
  try {
    process.kill(holder.pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH'
  }
}

function sameBytes(path: string, bytes: Buffer): boolean {
  try {
    return readFileSync(path).equals(bytes)
  } catch {
    return false
  }
}

function unlinkIfPresent(path: string): void {
  try {
    unlinkSync(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
}
