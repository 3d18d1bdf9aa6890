import { join } from 'node:path'
import { chinaDateOf, isChinaDate, type ChinaDate } from '../../../../shared/domain/tickets/chinaTime'
import { canonicalJson } from '../../../../shared/journal/canonical'
import { GENESIS_PREV, type JournalEntry } from '../../../../shared/journal/entry'
import type { EntryPayload } from '../../../../shared/journal/kinds'
import type { Clock } from '../../clock'
import type { SeatSigner } from '../../journal/api'
import { writeFileAtomic } from '../../keys/atomicWrite'
import { loadSeatKey } from '../../keys/seatKey'
import { unprotectedSealer, type KeySealer } from '../../keys/sealer'
import { CheckpointMismatchError, checkBookAgainstJournal, readBookCheckpoints } from './bookCheckpoints'
import {
  BUNDLE_EXTENSION,
  BUNDLE_FORMAT,
  manifestSigningMessage,
  sectionHash,
  seatKeyFingerprint,
  type BundleManifest,
  type CheckpointRecord,
  type UserKeyRecord,
} from './bundleFormat'
import { JournalNotIntactError, readVerifiedJournal } from './readJournal'

// Writes the HQ export bundle (format: bundleFormat.ts) of a seat's journal for a range of China dates.

export interface ExportBundleOptions {
  dataDir: string
  from: ChinaDate
  to: ChinaDate
  /** Default: <dataDir>/exports/seatdesk-<branch>-<seat>-<from>-<to>.bundle */
  outPath?: string
  clock: Clock
  /**
   * The seat key that signs the manifest. The app passes the one it has open (it may be sealed by
   * safeStorage); without it the key is loaded from <dataDir>/keys with `sealer` (default: unprotected,
   * which is what the CLI under plain Node can open).
   */
  seatKey?: SeatSigner
  sealer?: KeySealer
}

export class ExportRangeError extends Error {
  override name = 'ExportRangeError'
}

export { JournalNotIntactError }

export { CheckpointMismatchError }

/** The data folder has no seat key, or one that did not sign this journal: nothing can sign the bundle. */
export class SeatKeyMissingError extends Error {
  override name = 'SeatKeyMissingError'
}

type SeatCreated = EntryPayload<'seat.created'>

export function defaultBundlePath(dataDir: string, seat: Pick<SeatCreated, 'branchCode' | 'seatNumber'>, from: ChinaDate, to: ChinaDate): string {
  // Branch and seat number are short codes, but a path must never take a separator from data.
  const safe = (text: string) => text.replace(/[^\p{L}\p{N}_.-]/gu, '_')
  return join(dataDir, 'exports', `seatdesk-${safe(seat.branchCode)}-${safe(seat.seatNumber)}-${from}-${to}${BUNDLE_EXTENSION}`)
}

export async function exportBundle(options: ExportBundleOptions): Promise<{ path: string; entries: number }> {
  const { dataDir, from, to } = options
  if (!isChinaDate(from) || !isChinaDate(to)) throw new ExportRangeError('from and to must be dates YYYY-MM-DD')
  if (from > to) throw new ExportRangeError(`from ${from} is after to ${to}`)

  // The journal and the book are checked before anything is signed: the seat must never vouch for
  // a journal that is tampered or was cut below a checkpoint.
  const journal = await readVerifiedJournal(join(dataDir, 'journal'))
  const book = await readBookCheckpoints(dataDir)
  checkBookAgainstJournal(book, journal.entries)
  const signer = options.seatKey ?? (await loadSeatKey(dataDir, options.sealer ?? unprotectedSealer))
  if (!signer) throw new SeatKeyMissingError(`no seat key in ${dataDir} (keys/seat-key.json)`)
  if (signer.publicKey !== journal.seatPublicKey) throw new SeatKeyMissingError('the seat key here is not the key this journal is signed with')

  const { entries } = journal
  const genesis = entries[0] as JournalEntry
  const seat = genesis.payload as SeatCreated
  const { firstSeq, lastSeq } = sliceByChinaDate(entries, from, to)
  const slice = entries.slice(firstSeq - 1, lastSeq)
  const anchor = firstSeq === 1 ? GENESIS_PREV : (entries[firstSeq - 2] as JournalEntry).hash
  const headHash = lastSeq === 0 ? GENESIS_PREV : (entries[lastSeq - 1] as JournalEntry).hash

  const userKeys: UserKeyRecord[] = entries
    .slice(0, lastSeq)
    .filter((entry) => entry.kind === 'user.added' || entry.kind === 'user.keyRotated')
    .map((entry) => {
      const { employeeNo, publicKey } = entry.payload as { employeeNo: string; publicKey: string }
      return { record: 'userKey', employeeNo, publicKey, validFromSeq: entry.seq, entry }
    })
  const checkpoints: CheckpointRecord[] = [
    ...slice
      .filter((entry) => entry.kind === 'handover.countersigned')
      .map((entry): CheckpointRecord => {
        const { checkpoint, pageId } = entry.payload as EntryPayload<'handover.countersigned'>
        return { record: 'checkpoint', source: 'countersigned', seq: checkpoint.seq, hash: checkpoint.hash, entrySeq: entry.seq, pageId }
      }),
    ...book
      .filter((checkpoint) => checkpoint.seq >= firstSeq - 1 && checkpoint.seq <= lastSeq)
      .map((checkpoint): CheckpointRecord => ({ record: 'checkpoint', source: 'book', seq: checkpoint.seq, hash: checkpoint.hash, pageId: checkpoint.pageId })),
  ]

  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    seat: {
      seatId: seat.seatId,
      companyName: seat.companyName,
      branchCode: seat.branchCode,
      seatNumber: seat.seatNumber,
      publicKey: seat.seatPublicKey,
      fingerprint: seatKeyFingerprint(seat.seatPublicKey),
    },
    from,
    to,
    firstSeq,
    lastSeq,
    anchor,
    headHash,
    exportedAt: options.clock.now().toISOString(),
    entries: slice.length,
    userKeys: userKeys.length,
    checkpoints: checkpoints.length,
    userKeysHash: sectionHash(userKeys),
    checkpointsHash: sectionHash(checkpoints),
  }
  const sig = signer.sign(manifestSigningMessage(manifest)).toString('base64')
  const lines = [
    { record: 'manifest', ...manifest },
    { record: 'genesis', entry: genesis },
    ...userKeys,
    ...slice.map((entry) => ({ record: 'entry', entry })),
    ...checkpoints,
    { record: 'signature', alg: 'Ed25519', sig },
  ]
  const path = options.outPath ?? defaultBundlePath(dataDir, seat, from, to)
  // Whole or not at all: HQ must never receive half a bundle that a crash left behind.
  await writeFileAtomic(path, lines.map((line) => `${canonicalJson(line)}\n`).join(''), 0o644)
  return { path, entries: slice.length }
}

/**
 * First and last seq dated (China date of ts) within [from, to]. With none, an empty slice right
 * after the last entry dated before `to` ends: firstSeq = lastSeq + 1.
 */
function sliceByChinaDate(entries: readonly JournalEntry[], from: ChinaDate, to: ChinaDate): { firstSeq: number; lastSeq: number } {
  let firstSeq = 0
  let lastSeq = 0
  let lastBefore = 0
  for (const entry of entries) {
    const date = chinaDateOf(entry.ts)
    if (date >= from && date <= to) {
      if (firstSeq === 0) firstSeq = entry.seq
      lastSeq = entry.seq
    } else if (date < from) {
      lastBefore = entry.seq
    }
  }
  return firstSeq === 0 ? { firstSeq: lastBefore + 1, lastSeq: lastBefore } : { firstSeq, lastSeq }
}
