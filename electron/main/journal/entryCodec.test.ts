import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../shared/journal/canonical'
import { hashedPart } from '../../../shared/journal/entry'
import type { JournalEntry } from '../../../shared/journal/entry'
import { canonicalEntryTexts } from './entryCodec'

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
