import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { journalEntrySchema } from '../../../shared/journal/entry'
import { entryShapeProblem, isWellFormedEntry } from './entryShape'

const hex64 = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 })
const wellFormed = fc.record({
  seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  prev: hex64,
  ts: fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((date) => date.toISOString()),
  kind: fc.string({ minLength: 1, maxLength: 64 }),
  actor: fc.string({ minLength: 1, maxLength: 32 }),
  payload: fc.jsonValue(),
  hash: hex64,
  sig: fc.string({ maxLength: 128 }),
})
/** Near misses of every field: wrong types, lengths, cases, dates that do not exist, extra and missing keys. */
const anyField = fc.oneof(
  fc.jsonValue(),
  fc.string({ unit: 'binary', maxLength: 140 }),
  fc.constantFrom(0, -1, 1.5, 2 ** 53, Number.NaN, Infinity, '2026-02-29T10:00:00.000Z', '2024-02-29T10:00:00.000Z', '2026-04-31T00:00:00.000Z', '2026-03-02T24:00:00.000Z', '2026-03-02T01:00:00Z', '2026-03-02T01:00:00.000+08:00', 'A'.repeat(64)),
)
const nearMiss = fc
  .tuple(wellFormed, fc.constantFrom('seq', 'prev', 'ts', 'kind', 'actor', 'payload', 'hash', 'sig', 'extra'), anyField, fc.boolean())
  .map(([entry, key, value, remove]) => {
    const changed: Record<string, unknown> = { ...entry }
    if (remove) delete changed[key]
    else changed[key] = value
    return changed
  })

describe('isWellFormedEntry', () => {
  it('accepts what the entry schema accepts and never anything it refuses', () => {
    fc.assert(
      fc.property(fc.oneof(wellFormed, nearMiss, fc.jsonValue()), (value) => {
        const schema = journalEntrySchema.safeParse(value).success
        if (isWellFormedEntry(value)) expect(schema).toBe(true)
        // Everything with all eight fields the schema accepts takes the quick path.
        if (schema && typeof value === 'object' && value !== null && 'payload' in value) expect(isWellFormedEntry(value)).toBe(true)
      }),
      { numRuns: 5000 },
    )
  })

  it('leaves the reason to the schema, with its path', () => {
    fc.assert(
      fc.property(nearMiss, (value) => {
        const shape = journalEntrySchema.safeParse(value)
        expect(entryShapeProblem(value)).toBe(shape.success ? null : shape.error.issues[0]?.path.join('.') || 'entry')
      }),
      { numRuns: 2000 },
    )
    expect(entryShapeProblem([])).toBe('entry')
  })
})
