// `npm run bench`: one line per figure, `bench <name> value=… unit=… floor=… ratio=…`.
// Each area exports its figures from `<area>.bench.ts`; add new ones to the list below.
// The call figures drive the built renderer in Chromium: `npm run bench` builds it first.
import { callFigures } from './call.bench'
import { formatFigure } from './figure'
import type { BenchFigure } from './figure'
import { journalFigures } from './journal.bench'
import { ticketFigures } from './tickets.bench'

const suites: (() => Promise<BenchFigure[]>)[] = [journalFigures, callFigures, ticketFigures]

for (const suite of suites) {
  for (const figure of await suite()) console.log(formatFigure(figure))
}
