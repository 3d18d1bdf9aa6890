import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { handoverPageSchema } from '../../../shared/domain/handover/page'
import type { BookVerification } from '../../../shared/ipc/contract'
import type { JournalEntry } from '../../../shared/journal/entry'
import { decodeLine, listSegments, splitSegment } from '../journal/segmentFiles'
import { EntryVerifier } from '../journal/verifyEntries'
import { readCheckpoints } from './checkpointFile'
import { pageHash } from './pageHash'

// "Verify the book": the journal's own checks (chain, seat signatures, every PIN attestation, through
// the very EntryVerifier the journal opens with), then the book's: each signed page hashes to what was
// signed, every later signature cites that hash, every checkpoint names a real journal position, and
// the journal still reaches every checkpoint kept in the book's own file (a journal cut at its end).

type Problem = BookVerification['problems'][number]
type ProblemCode = Problem['code']

export interface VerifyBookOptions {
  journalDirectory: string
  dataDir: string
}

export async function verifyBook(options: VerifyBookOptions): Promise<BookVerification> {
  const problems: Problem[] = []
  const problem = (code: ProblemCode, seq: number | null, pageId: string | null, detail: string) => problems.push({ code, seq, pageId, detail })

  const entries = await readVerifiedEntries(options.journalDirectory, problem)
  const bySeq = new Map(entries.map((entry) => [entry.seq, entry]))
  const head = entries.at(-1) ?? null

  const signedHashes = new Map<string, string>()
  let pages = 0
  let checkpoints = 0
  const countersignedPages = new Set<string>()
  for (const entry of entries) {
    const payload = entry.payload as Record<string, unknown>
    switch (entry.kind) {
      case 'handover.drafted': {
        const pageId = (payload.page as { pageId: string }).pageId
        if (signedHashes.has(pageId)) problem('pageChangedAfterSigning', entry.seq, pageId, `a draft of page ${pageId} was written after it was signed`)
        break
      }
      case 'handover.signed': {
        const page = handoverPageSchema.parse(payload.page)
        if (signedHashes.has(page.pageId)) {
          problem('pageChangedAfterSigning', entry.seq, page.pageId, `page ${page.pageId} was signed a second time`)
          break
        }
        pages++
        const recomputed = pageHash(page)
        if (recomputed !== payload.pageHash) problem('pageHashMismatch', entry.seq, page.pageId, `the signed page's content hashes to ${recomputed}, not ${String(payload.pageHash)}`)
        signedHashes.set(page.pageId, String(payload.pageHash))
        break
      }
      case 'handover.acknowledged':
      case 'handover.countersigned': {
        const pageId = String(payload.pageId)
        const signed = signedHashes.get(pageId)
        if (signed === undefined) problem('pageHashMismatch', entry.seq, pageId, `${entry.kind} cites page ${pageId}, which was never signed`)
        else if (signed !== payload.pageHash) problem('pageHashMismatch', entry.seq, pageId, `${entry.kind} cites a page hash other than the signed one`)
        if (entry.kind === 'handover.countersigned') {
          checkpoints++
          countersignedPages.add(pageId)
          const checkpoint = payload.checkpoint as { seq: number; hash: string }
          if (!checkpointMatches(bySeq, checkpoint)) {
            problem('checkpointMismatch', entry.seq, pageId, `the checkpoint names seq ${checkpoint.seq} with a hash the journal does not have there`)
          }
        }
        break
      }
      default:
        break
    }
  }

  const file = await readCheckpoints(options.dataDir)
  for (const bad of file.unreadable) problem('unreadable', null, null, `checkpoints.ndjson line ${bad.line}: ${bad.reason}`)
  for (const line of file.lines) {
    if (line.seq > (head?.seq ?? 0) || !countersignedPages.has(line.pageId)) {
      // The book's own file remembers a countersign the journal no longer reaches: entries were cut off its end.
      problem(
        'journalShorterThanCheckpoint',
        line.seq,
        line.pageId,
        `the book's checkpoint for page ${line.pageId} (seq ${line.seq}) is beyond what the journal holds (head seq ${head?.seq ?? 0})`,
      )
    } else if (!checkpointMatches(bySeq, line)) {
      problem('checkpointMismatch', line.seq, line.pageId, `the book's checkpoint for seq ${line.seq} does not match the journal's hash there`)
    }
  }

  return { ok: problems.length === 0, entries: entries.length, pages, checkpoints, problems }
}

function checkpointMatches(bySeq: Map<number, JournalEntry>, checkpoint: { seq: number; hash: string }): boolean {
  // Seq 0 is the empty journal's head; a countersign always follows at least the seat's creation.
  return bySeq.get(checkpoint.seq)?.hash === checkpoint.hash
}

/** Every entry that verifies, in order, up to the first that does not (reported with its code). */
async function readVerifiedEntries(
  directory: string,
  problem: (code: ProblemCode, seq: number | null, pageId: string | null, detail: string) => void,
): Promise<JournalEntry[]> {
  const listing = await listSegments(directory)
  if (!listing.ok) {
    problem('unreadable', null, null, listing.reason)
    return []
  }
  const verifier = new EntryVerifier()
  const entries: JournalEntry[] = []
  for (const [position, segment] of listing.segments.entries()) {
    const bytes = await readFile(segment.path)
    const file = basename(segment.path)
    const { lines, tailStart } = splitSegment(bytes)
    for (const [index, span] of lines.entries()) {
      const text = decodeLine(bytes, span)
      if (text === null) {
        problem('unreadable', verifier.head().seq + 1, null, `${file} line ${index + 1} is not valid UTF-8`)
        return entries
      }
      const check = verifier.verifyLine(text)
      if (!check.ok) {
        problem(codeOfReason(check.reason), check.seq, null, `${file} line ${index + 1}: ${check.reason}`)
        return entries
      }
      entries.push(check.entry)
    }
    if (tailStart < bytes.length) {
      const where = position === listing.segments.length - 1 ? 'an unfinished last line' : 'an unfinished line before the last segment'
      problem('unreadable', verifier.head().seq + 1, null, `${file} ends with ${where}`)
      return entries
    }
  }
  return entries
}

/** The journal verifier says why in words; the book's report files it under one of its codes. */
function codeOfReason(reason: string): ProblemCode {
  if (reason.startsWith('attestation')) return 'badAttestation'
  if (reason.includes('seat signature')) return 'badSeatSignature'
  if (reason.startsWith('expected seq') || reason.startsWith('prev does not link') || reason.startsWith('hash ')) return 'chainBroken'
  return 'unreadable'
}
