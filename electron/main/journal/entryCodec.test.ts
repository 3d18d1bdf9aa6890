import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../shared/journal/canonical'
import { hashedPart } from '../../../shared/journal/entry'
import type { JournalEntry } from '../../../shared/journal/entry'
import { canonicalEntryTexts, hashedTextOfCanonicalLine, isCanonicalEntryLine } from './entryCodec'

const text = fc.string({ unit: 'binary', maxLength: 20 })
const entryArbitrary: fc.Arbitrary<JournalEntry> = fc.record({
  seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  prev: text,
  ts: text,
  kind: text,
  actor: text,
  payload: fc.jsonValue(),
  hash: text,
  sig: text,
})

describe('canonicalEntryTexts', () => {
  it('equals canonical JSON of the entry and of its hashed part', () => {
    fc.assert(
      fc.property(entryArbitrary, (entry) => {
        const texts = canonicalEntryTexts(entry)
        expect(texts.line).toBe(canonicalJson(entry))
        expect(texts.hashed).toBe(canonicalJson(hashedPart(entry)))
      }),
      { numRuns: 500 },
    )
  })
})

/** Lines JSON.parse reads as `entry` but that may not be its canonical form. */
const lineVariants = (entry: JournalEntry): string[] => {
  const { seq, ...rest } = entry
  return [
    canonicalJson(entry),
    JSON.stringify(entry),
    JSON.stringify({ ...rest, seq }),
    JSON.stringify(entry, null, 1),
    `${canonicalJson(entry)} `,
    canonicalJson(entry).replace('"seq":', '"seq": '),
  ]
}

describe('isCanonicalEntryLine', () => {
  it('says yes exactly when the line is canonicalJson of what it parses to', () => {
    // Integer-like keys ("10", "9") are the case JSON.parse reorders; they must still be judged right.
    const keyed = fc.dictionary(fc.oneof(fc.string({ maxLength: 4 }), fc.nat({ max: 20 }).map(String)), fc.jsonValue({ maxDepth: 2 }))
    const withPayload = fc.tuple(entryArbitrary, fc.oneof(fc.jsonValue(), keyed)).map(([entry, payload]) => ({ ...entry, payload }))
    fc.assert(
      fc.property(withPayload, (entry) => {
        for (const line of lineVariants(entry)) {
          const parsed = JSON.parse(line) as JournalEntry
          expect(isCanonicalEntryLine(parsed, line), line).toBe(canonicalEntryTexts(parsed).line === line)
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('refuses a number canonical JSON cannot write back, instead of throwing', () => {
    const line = '{"actor":"seat","hash":"h","kind":"k","payload":{"n":1e999},"prev":"p","seq":1,"sig":"s","ts":"t"}'
    expect(isCanonicalEntryLine(JSON.parse(line) as JournalEntry, line)).toBe(false)
  })
})

describe('hashedTextOfCanonicalLine', () => {
  it('is the hashed part cut out of the canonical line', () => {
    fc.assert(
      fc.property(entryArbitrary, (entry) => {
        const texts = canonicalEntryTexts(entry)
        expect(hashedTextOfCanonicalLine(entry, texts.line)).toBe(texts.hashed)
      }),
      { numRuns: 1000 },
    )
  })
})
