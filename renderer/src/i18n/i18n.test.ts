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

describe('i18n resources', () => {
  const zh = flatten(zhCN)
  const english = flatten(en)

  it('zh-CN and en have exactly the same keys', () => {
    expect([...zh.keys()].sort()).toEqual([...english.keys()].sort())
  })

  it.each([
    ['zh-CN', zh],
    ['en', english],
  ])('%s has no empty values', (_name, leaves) => {
    const empty = [...leaves].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key)
    expect(empty).toEqual([])
  })

  it('every error main can answer with has a message', () => {
    expect(errorCodes.filter((code) => !zh.has(`errors.${code}`))).toEqual([])
  })

  it('uses the same {{placeholders}} in both languages', () => {
    const placeholders = (text: unknown) => [...String(text).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort()
    const differing = [...zh.keys()].filter((key) => placeholders(zh.get(key)).join() !== placeholders(english.get(key)).join())
    expect(differing).toEqual([])
  })
})
