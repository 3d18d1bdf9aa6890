import en from './en.json'
import zhCN from './zh-CN.json'
import { errorCodes } from '../../../shared/ipc/errors'

function flatten(tree: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (value && typeof value === 'object') flatten(value, path).forEach((leaf, leafPath) => out.set(leafPath, leaf))
    else out.set(path, value)
  }
  return out
}

// i18next plural keys: `key_one`, `key_other`, … Languages differ in which forms they need (Chinese
// has only `other`, English `one` and `other`), so parity is between base keys.
const pluralSuffix = /_(zero|one|two|few|many|other)$/
const baseKey = (key: string) => key.replace(pluralSuffix, '')
const baseKeys = (leaves: Map<string, unknown>) => [...new Set([...leaves.keys()].map(baseKey))].sort()

/** The plural forms a language's Intl.PluralRules can ask i18next for. */
const pluralForms = (language: string) => new Intl.PluralRules(language).resolvedOptions().pluralCategories

describe('i18n resources', () => {
  const zh = flatten(zhCN)
  const english = flatten(en)

  it('zh-CN and en have exactly the same keys (plural forms counted once)', () => {
    expect(baseKeys(zh)).toEqual(baseKeys(english))
  })

  it.each([
    ['zh-CN', zh],
    ['en', english],
  ])('%s: every plural key has each form its language uses, and no plain key beside it', (language, leaves) => {
    const plural = [...new Set([...leaves.keys()].filter((key) => pluralSuffix.test(key)).map(baseKey))]
    const missing = plural.flatMap((base) =>
      pluralForms(language)
        .map((form) => `${base}_${form}`)
        .filter((key) => !leaves.has(key)),
    )
    expect(missing).toEqual([])
    expect(plural.filter((base) => leaves.has(base))).toEqual([])
  })

  it('a count-dependent message has the same key shape in both languages', () => {
    const pluralIn = (leaves: Map<string, unknown>) => [...leaves.keys()].filter((key) => pluralSuffix.test(key)).map(baseKey)
    expect([...new Set(pluralIn(zh))].sort()).toEqual([...new Set(pluralIn(english))].sort())
  })

  it.each([
    ['zh-CN', zh],
    ['en', english],
  ])('%s has no empty values', (_name, leaves) => {
    const empty = [...leaves].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key)
    expect(empty).toEqual([])
  })

  it('every error main can answer with has a message', () => {
    const has = (key: string) => zh.has(key) || zh.has(`${key}_other`)
    expect(errorCodes.filter((code) => !has(`errors.${code}`))).toEqual([])
  })

  it('uses the same {{placeholders}} in both languages', () => {
    const placeholders = (text: unknown) => [...String(text).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort()
    // A key's counterpart: the same key, or for a plural form the other language lacks, its `_other`.
    const counterpart = (key: string) => (english.has(key) ? english.get(key) : english.get(`${baseKey(key)}_other`))
    const differing = [...zh.keys()].filter((key) => placeholders(zh.get(key)).join() !== placeholders(counterpart(key)).join())
    expect(differing).toEqual([])
  })
})
