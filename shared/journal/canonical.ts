// Canonical JSON: the one byte form an entry is hashed and signed in. Keys are sorted, there is no
// whitespace, and values JSON cannot round-trip (undefined, NaN, Infinity, functions) are refused
// rather than silently dropped, so two writers can never hash the same entry differently.
export type CanonicalValue =
  | null
  | boolean
  | number
  | string
  | CanonicalValue[]
  | { [key: string]: CanonicalValue }

export class NotCanonicalError extends Error {}

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      if (!Number.isFinite(value)) throw new NotCanonicalError(`non-finite number ${value}`)
      return JSON.stringify(value)
    case 'string':
      return JSON.stringify(value)
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
      const record = value as Record<string, unknown>
      const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort()
      return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`
    }
    default:
      throw new NotCanonicalError(`cannot encode ${typeof value}`)
  }
}
