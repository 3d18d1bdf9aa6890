// `npm run bench`: one line per figure, `bench <name> value=… unit=… floor=… ratio=…`.
// Each area exports its figures from `<area>.bench.ts`; add new ones to the list below.
import { formatFigure } from './figure'
import type { BenchFigure } from './figure'
import { journalFigures } from './journal.bench'

const suites: (() => Promise<BenchFigure[]>)[] = [journalFigures]

for (const suite of suites) {
  for (const figure of await suite()) console.log(formatFigure(figure))
}
