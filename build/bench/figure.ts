// One benchmark figure: a measured value beside its floor, the same work done with no app code in the
// same run, so the ratio says what the app adds regardless of how fast this machine is.
export interface BenchFigure {
  name: string
  value: number
  unit: string
  floor: number
}

function round(value: number): number {
  return Number(value.toPrecision(value >= 1000 ? 6 : 3))
}

export function formatFigure({ name, value, unit, floor }: BenchFigure): string {
  return `bench ${name} value=${round(value)} unit=${unit} floor=${round(floor)} ratio=${(value / floor).toFixed(2)}`
}

export function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] as number
}

export function median(values: number[]): number {
  return percentile(values, 0.5)
}
