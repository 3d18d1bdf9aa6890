import { describe, expect, it } from 'vitest'
import { scriptInputSchema, scriptProblems } from './scripts'
import { seedScripts } from './seedScripts'

describe('seedScripts', () => {
  it.each(seedScripts.map((script) => [script.scriptId, script] as const))('%s passes the schema and the library checks', (_id, script) => {
    expect(scriptInputSchema.parse(script)).toEqual(script)
    expect(scriptProblems(script)).toEqual([])
  })

  it('has unique ids, a greeting, a closing and every standard phrase kind (004 标准用语)', () => {
    expect(new Set(seedScripts.map((script) => script.scriptId)).size).toBe(seedScripts.length)
    const categories = new Set(seedScripts.map((script) => script.category))
    expect(categories).toEqual(new Set(['greeting', 'closing', 'scenario', 'phrase']))
    const kinds = new Set(seedScripts.flatMap((script) => (script.phraseKind ? [script.phraseKind] : [])))
    expect(kinds.size).toBe(7)
  })
})
