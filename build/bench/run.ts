// `npm run bench`: one line per figure, `bench <name> value=… unit=… floor=… ratio=…`.
// Each area exports its figures from `<area>.bench.ts`; add new ones to the list below.
// `npm run bench -- tickets call` runs only those areas (all of them when none is named).
// The call figures drive the built renderer in Chromium: `npm run bench` builds it first.
import { callFigures } from './call.bench'
import { formatFigure } from './figure'
import type { BenchFigure } from './figure'
import { journalFigures } from './journal.bench'
import { ledgerFigures } from './ledger.bench'
import { ticketFigures } from './tickets.bench'

const suites: Record<string, () => Promise<BenchFigure[]>> = { journal: journalFigures, call: callFigures, tickets: ticketFigures, ledger: ledgerFigures }

const asked = process.argv.slice(2)
const unknown = asked.filter((name) => !(name in suites))
if (unknown.length > 0) {
  console.error(`bench: no area named ${unknown.join(', ')}; the areas are ${Object.keys(suites).join(', ')}`)
  process.exit(64)
}

for (const [name, suite] of Object.entries(suites)) {
  if (asked.length > 0 && !asked.includes(name)) continue
  for (const figure of await suite()) console.log(formatFigure(figure))
}
