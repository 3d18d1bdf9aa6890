import { basename } from 'node:path'
import { handoverPageSchema } from '../../../shared/domain/handover/page'
import type { BookVerification } from '../../../shared/ipc/contract'
import type { JournalEntry } from '../../../shared/journal/entry'
import { scanJournal } from '../journal/scanJournal'
import type { JournalScan } from '../journal/scanJournal'
import { readCheckpoints } from './checkpointFile'
import { pageHash } from './pageHash'

// "Verify the book": the journal's own checks (chain, seat signatures, every PIN attestation, through
// the very scan the journal opens with), then the book's: each signed page hashes to what was signed,
// every later signature cites that hash, every checkpoint names a real journal position, and the
// journal still reaches every checkpoint kept in the book's own file (a journal cut at its end).
// One pass: each entry is checked for the book as it verifies, and of the entries only their hashes
// are kept (32 bytes a seq), so a year of a seat's journal is never held in memory.

type Problem = BookVerification['problems'][number]
type ProblemCode = Problem['code']

export interface VerifyBookOptions {
  journalDirectory: string
  dataDir: string
}

export async function verifyBook(options: VerifyBookOptions): Promise<BookVerification> {
  const book = new BookPages()
  const scan = await scanJournal(options.journalDirectory, {}, (entry) => book.visit(entry))
  const head = scan.head.seq
  // The journal's own damage first, then what the pages say, then the book's file: as they are read.
  const journal = journalProblem(scan)
  const problems: Problem[] = journal ? [journal, ...book.problems] : [...book.problems]
  const problem = (code: ProblemCode, seq: number | null, pageId: string | null, detail: string) => problems.push({ code, seq, pageId, detail })

  const file = await readCheckpoints(options.dataDir)
  for (const bad of file.unreadable) problem('unreadable', null, null, `checkpoints.ndjson line ${bad.line}: ${bad.reason}`)
  for (const line of file.lines) {
    if (line.seq > head || !book.countersignedPages.has(line.pageId)) {
      // The book's own file remembers a countersign the journal no longer reaches: entries were cut off its end.
      problem(
        'journalShorterThanCheckpoint',
        line.seq,
        line.pageId,
        `the book's checkpoint for page ${line.pageId} (seq ${line.seq}) is beyond what the journal holds (head seq ${head})`,
      )
    } else if (!book.hashes.matches(line)) {
      problem('checkpointMismatch', line.seq, line.pageId, `the book's checkpoint for seq ${line.seq} does not match the journal's hash there`)
    }
  }

  return { ok: problems.length === 0, entries: head, pages: book.pages, checkpoints: book.checkpoints, problems }
}

/** The book's checks of each verified entry, in seq order. */
class BookPages {
  readonly problems: Problem[] = []
  readonly hashes = new JournalHashes()
  readonly countersignedPages = new Set<string>()
  pages = 0
  checkpoints = 0
  private readonly signedHashes = new Map<string, string>()

  visit(entry: JournalEntry): void {
    // Recorded first, so a countersign's checkpoint is compared with every hash up to its own entry's.
    // It cannot name a later entry: that entry's hash covers this one's through the chain.
    this.hashes.add(entry.seq, entry.hash)
    const payload = entry.payload as Record<string, unknown>
    switch (entry.kind) {
      case 'handover.drafted': {
        const pageId = (payload.page as { pageId: string }).pageId
        if (this.signedHashes.has(pageId)) this.problem('pageChangedAfterSigning', entry.seq, pageId, `a draft of page ${pageId} was written after it was signed`)
        break
      }
      case 'handover.signed': {
        const page = handoverPageSchema.parse(payload.page)
        if (this.signedHashes.has(page.pageId)) {
          this.problem('pageChangedAfterSigning', entry.seq, page.pageId, `page ${page.pageId} was signed a second time`)
          break
        }
        this.pages++
        const recomputed = pageHash(page)
        if (recomputed !== payload.pageHash) this.problem('pageHashMismatch', entry.seq, page.pageId, `the signed page's content hashes to ${recomputed}, not ${String(payload.pageHash)}`)
        this.signedHashes.set(page.pageId, String(payload.pageHash))
        break
      }
      case 'handover.acknowledged':
      case 'handover.countersigned': {
        const pageId = String(payload.pageId)
        const signed = this.signedHashes.get(pageId)
        if (signed === undefined) this.problem('pageHashMismatch', entry.seq, pageId, `${entry.kind} cites page ${pageId}, which was never signed`)
        else if (signed !== payload.pageHash) this.problem('pageHashMismatch', entry.seq, pageId, `${entry.kind} cites a page hash other than the signed one`)
        if (entry.kind === 'handover.countersigned') {
          this.checkpoints++
          this.countersignedPages.add(pageId)
          const checkpoint = payload.checkpoint as { seq: number; hash: string }
          if (!this.hashes.matches(checkpoint)) {
            this.problem('checkpointMismatch', entry.seq, pageId, `the checkpoint names seq ${checkpoint.seq} with a hash the journal does not have there`)
          }
        }
        break
      }
      default:
        break
    }
  }

  private problem(code: ProblemCode, seq: number | null, pageId: string | null, detail: string): void {
    this.problems.push({ code, seq, pageId, detail })
  }
}

const HASH_BYTES = 32

/** Each verified entry's hash by seq, as raw bytes: what checkpoints are compared with. */
export class JournalHashes {
  private bytes = Buffer.alloc(HASH_BYTES * 4096)
  private count = 0

  /** `seq` is the next one (entries arrive in order) and `hash` lowercase hex, as the verifier accepted it. */
  add(seq: number, hash: string): void {
    if (seq !== this.count + 1) throw new Error(`internal: hash of seq ${seq} after seq ${this.count}`)
    if (seq * HASH_BYTES > this.bytes.length) {
      const grown = Buffer.alloc(this.bytes.length * 2)
      this.bytes.copy(grown)
      this.bytes = grown
    }
    this.bytes.write(hash, (seq - 1) * HASH_BYTES, HASH_BYTES, 'hex')
    this.count = seq
  }

  /** Whether the journal holds an entry at `seq` with exactly this hash (seq 0, the empty journal's head, never: a countersign always follows the seat's creation). */
  matches(checkpoint: { seq: number; hash: string }): boolean {
    const { seq } = checkpoint
    if (!Number.isInteger(seq) || seq < 1 || seq > this.count) return false
    return this.bytes.toString('hex', (seq - 1) * HASH_BYTES, seq * HASH_BYTES) === checkpoint.hash
  }
}

/** The journal's first damage as a problem of the book, worded as the book words it; null when intact. */
function journalProblem(scan: JournalScan): Problem | null {
  const next = scan.head.seq + 1
  const unreadable = (seq: number | null, detail: string): Problem => ({ code: 'unreadable', seq, pageId: null, detail })
  const bad = scan.firstBad
  if (scan.status === 'torn') return unreadable(next, `${basename(scan.torn?.path ?? '')} ends with an unfinished last line`)
  if (scan.status !== 'corrupt' || !bad) return null
  switch (scan.damage) {
    case 'listing':
      return unreadable(null, bad.reason)
    case 'notUtf8':
      return unreadable(next, `${bad.file} line ${bad.line} is not valid UTF-8`)
    case 'unterminatedSegment':
      return unreadable(next, `${bad.file} ends with an unfinished line before the last segment`)
    case 'emptySegment':
      // The journal refuses to open such a folder (a segment's entries are missing), so the book says so too.
      return unreadable(next, `${bad.file} is empty but is not the last segment`)
    default:
      return { code: codeOfReason(bad.reason), seq: bad.seq, pageId: null, detail: `${bad.file} line ${bad.line}: ${bad.reason}` }
  }
}

/** The journal verifier says why in words; the book's report files it under one of its codes. */
function codeOfReason(reason: string): ProblemCode {
  if (reason.startsWith('attestation')) return 'badAttestation'
  if (reason.includes('seat signature')) return 'badSeatSignature'
  if (reason.startsWith('expected seq') || reason.startsWith('prev does not link') || reason.startsWith('hash ')) return 'chainBroken'
  return 'unreadable'
}
