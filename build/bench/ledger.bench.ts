import { verify } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { verifyBook } from '../../electron/main/handover/verifyBook'
import { verifyJournalDirectory } from '../../electron/main/journal/verifyJournalDirectory'
import { bookOpenFigure } from './browser/bookOpen'
import { openLedgerView } from './browser/ledgerView'
import type { BenchFigure } from './figure'
import { signaturesOf } from './journal.bench'
import { LEDGER_YEAR, ledgerYear, type LedgerYear } from './ledgerYear'

// The handover ledger's figures (issue 5), on a year of one seat's journal written by the demo
// generator (ledgerYear.ts: ~200,000 entries over 365 days, two countersigned pages a day):
// - ledger_verify_year_rate: entries per second through the book's Verify — verifyBook, what the
//   handover screen's 校验交接本 runs in main: every line through the journal's own EntryVerifier
//   (chain, seat signature, the payloads verification reads, every PIN attestation), then every page hash and checkpoint
//   against the journal and book/checkpoints.ndjson. Floor: the same Ed25519 signatures (seat and
//   attestations) verified with node:crypto and nothing else, per entry. The journal alone
//   (verifyJournalDirectory, what every app start and `npm run journal -- verify` run) is measured
//   in the same rounds and printed beside it as a note.
// - book_open_ms: opening the handover screen in the browser preview on that year (browser/bookOpen.ts).

const VERIFY_ROUNDS = 2

async function ledgerVerifyFigure(year: LedgerYear): Promise<BenchFigure> {
  const journalDirectory = join(year.dataDir, 'journal')
  const signatures = signaturesOf(journalDirectory)
  const verifyLedger = async () => {
    const report = await verifyBook({ journalDirectory, dataDir: year.dataDir })
    if (!report.ok || report.entries !== year.entries) throw new Error(`bench: the year's book does not verify: ${JSON.stringify(report.problems.slice(0, 3))}`)
  }
  const verifyJournal = async () => {
    const report = await verifyJournalDirectory(journalDirectory)
    if (report.status !== 'intact') throw new Error(`bench: the year's journal is ${report.status}`)
  }
  const verifySignatures = () => {
    for (const { message, signature, key } of signatures) {
      if (!verify(null, message, key, signature)) throw new Error('bench: a signature of the year does not verify')
    }
  }
  const timed = async (run: () => unknown) => {
    const start = process.hrtime.bigint()
    await run()
    return Number(process.hrtime.bigint() - start) / 1e6
  }
  // A first pass warms the JIT and the page cache, and checks the year is whole.
  await verifyLedger()
  // Rounds alternate the three, so a neighbour's load on this shared machine falls on all alike.
  const totals = { floor: 0, ledger: 0, journal: 0 }
  for (let round = 0; round < VERIFY_ROUNDS; round++) {
    totals.floor += await timed(verifySignatures)
    totals.ledger += await timed(verifyLedger)
    totals.journal += await timed(verifyJournal)
  }
  const rate = (ms: number) => (year.entries * VERIFY_ROUNDS) / (ms / 1000)
  console.error(
    `bench: ${year.entries} entries carry ${signatures.length} signatures; the journal alone (verifyJournalDirectory, what every start and \`journal -- verify\` run) verifies at ${Math.round(rate(totals.journal))} entries/s, ratio ${(totals.floor / totals.journal).toFixed(2)}`,
  )
  return { name: 'ledger_verify_year_rate', value: rate(totals.ledger), unit: 'entries/s', floor: rate(totals.floor) }
}

export async function ledgerFigures(): Promise<BenchFigure[]> {
  const workDir = await mkdtemp(join(tmpdir(), 'seatdesk-bench-ledger-'))
  try {
    const year = await ledgerYear(workDir)
    // Not figures: how the inputs were made, so a slow first run is explained.
    console.error(
      `bench: a year of one seat (${year.entries.toLocaleString('en')} entries over ${LEDGER_YEAR.days} days) ${year.reused ? 'reused from node_modules/.cache (written' : 'written by the demo generator'} in ${(year.generateMs / 1000).toFixed(0)} s${year.reused ? ' when the cache was made)' : ''}`,
    )
    const verifyFigure = await ledgerVerifyFigure(year)
    const seat = await openLedgerView(year, workDir)
    try {
      console.error(
        `bench: the preview's first projection of that year took ${(seat.projectionMs / 1000).toFixed(0)} s${seat.reused ? ' (when the cached view was made)' : ''}; book_open_ms is measured with the view built, as an agent meets it`,
      )
      const book = await bookOpenFigure(seat, Date.parse(LEDGER_YEAR.now))
      console.error(
        `bench: the book opens on ${book.rows} lines (the last seven days); the first open, with its lazy code, took ${book.coldMs.toFixed(0)} ms; the click's own task (leaving the call screen) takes ${book.switchedMs.app.toFixed(0)} ms of the median open (floor page: ${book.switchedMs.floor.toFixed(0)} ms)`,
      )
      return [verifyFigure, book.figure]
    } finally {
      await seat.close()
    }
  } finally {
    await rm(workDir, { recursive: true, force: true })
  }
}
