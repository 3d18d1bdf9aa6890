import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { percentile, type BenchFigure } from './figure'
import type { LookupKind } from './browser/ticketBenchPage'
import { ticketDatabase } from './browser/ticketDatabase'
import { ticketFormKeystrokeFigures } from './browser/ticketFormKeystroke'
import { openTicketBenchPage } from './browser/ticketPage'
import { openPreviewSeat } from './browser/previewSeat'

// The ticket figures (issue 4), in Debian's Chromium:
// - ticket_lookup_{phone,waybill,number}_p95: the search box's lookup (searchTickets with the typed
//   text) on a seat holding a million tickets, on a page running the renderer's own Dexie schema and
//   queries (browser/ticketBenchPage.ts); floor: one raw IndexedDB index get of the stored key on the
//   same store, alternated with the app's lookups.
// - projection_rebuild_rate: ticket journal entries per second through the projection's applyEntries, a
//   page of 500 per transaction as a rebuild does, into an empty view; floor: raw IndexedDB puts of
//   the rows that replay wrote, in the same page-sized transactions.
// - keystroke_p95_ticket_form (and _60hz): typing into the ticket form on a call, in the browser
//   preview (browser/ticketFormKeystroke.ts).

export const TICKETS = 1_000_000
/** Lookups per figure after the warm-up; keys are spread over the year of history. */
const LOOKUPS = 400
const WARMUP_LOOKUPS = 40
const REBUILD_ENTRIES = 20_000
const REBUILD_WARMUP = 1_000

const lookupFigures: [LookupKind, string][] = [
  ['phone', 'ticket_lookup_phone_p95'],
  ['waybill', 'ticket_lookup_waybill_p95'],
  ['number', 'ticket_lookup_number_p95'],
]

export async function ticketFigures(): Promise<BenchFigure[]> {
  return [...(await databaseFigures()), ...(await keystrokeFigures())]
}

async function databaseFigures(): Promise<BenchFigure[]> {
  const workDir = await mkdtemp(join(tmpdir(), 'seatdesk-bench-tickets-'))
  try {
    const database = await ticketDatabase(TICKETS, workDir)
    // Not a figure: how long the rows take to write, so a slow first run is explained.
    console.error(
      `bench: ${TICKETS.toLocaleString('en')} tickets ${database.reused ? 'reused from node_modules/.cache (written' : 'written to IndexedDB'} in ${(database.fillMs / 1000).toFixed(0)} s${database.reused ? ' when the cache was made)' : ''}`,
    )
    const bench = await openTicketBenchPage(database.profile)
    try {
      await bench.run('openLookups', TICKETS)
      const figures: BenchFigure[] = []
      for (const [kind, name] of lookupFigures) {
        const { keys } = database
        const typed = kind === 'phone' ? keys.phones : kind === 'waybill' ? keys.waybills : keys.ticketNos
        const stored = kind === 'phone' ? keys.storedPhones : typed
        // Consecutive lookups land far apart in the year, as a day's calls do.
        const order = spread(typed.length, WARMUP_LOOKUPS + LOOKUPS)
        const pick = (list: string[], shift = 0) => order.map((index) => list[(index + shift) % list.length] as string)
        const { app, floor } = await bench.run('lookups', kind, pick(typed), pick(stored), pick(stored, Math.floor(typed.length / 2)))
        figures.push({ name, value: percentile(app.slice(WARMUP_LOOKUPS), 0.95), unit: 'ms', floor: percentile(floor.slice(WARMUP_LOOKUPS), 0.95) })
      }
      const rebuild = await bench.run('rebuild', REBUILD_ENTRIES, REBUILD_WARMUP)
      figures.push({ name: 'projection_rebuild_rate', value: rebuild.entries / (rebuild.appMs / 1000), unit: 'events/s', floor: rebuild.entries / (rebuild.floorMs / 1000) })
      return figures
    } finally {
      await bench.close()
    }
  } finally {
    await rm(workDir, { recursive: true, force: true })
  }
}

async function keystrokeFigures(): Promise<BenchFigure[]> {
  const seat = await openPreviewSeat()
  try {
    return await ticketFormKeystrokeFigures(seat)
  } finally {
    await seat.close()
  }
}

/** `count` indexes into a list of `length`, stepping by a stride coprime with the length. */
function spread(length: number, count: number): number[] {
  if (length === 0) throw new Error('bench: no lookup keys were sampled')
  let stride = Math.max(1, Math.floor(length * 0.618))
  while (gcd(stride, length) !== 1) stride++
  return Array.from({ length: count }, (_, index) => (index * stride) % length)
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b)
}
