import { describe, expect, it } from 'vitest'
import { createSafeStorageSealer } from './safeStorageSealer'

// A reversible stand-in for the OS keychain that visibly changes the bytes.
const fakeSafeStorage = {
  encryptString: (plain: string) => Buffer.from(`sealed:${plain}`, 'utf8').reverse(),
  decryptString: (sealed: Buffer) => {
    const text = Buffer.from(sealed).reverse().toString('utf8')
    if (!text.startsWith('sealed:')) throw new Error('not sealed by this keychain')
    return text.slice('sealed:'.length)
  },
}

describe('createSafeStorageSealer', () => {
  const sealer = createSafeStorageSealer(fakeSafeStorage)

  it('says it is the safeStorage kind', () => {
    expect(sealer.kind).toBe('safeStorage')
  })

  it('round-trips arbitrary key bytes through the keychain', () => {
    const key = Buffer.from(Array.from({ length: 64 }, (_, index) => (index * 37) % 256))
    const sealed = sealer.seal(key)
    expect(sealed.includes(key)).toBe(false)
    expect(sealer.unseal(sealed).equals(key)).toBe(true)
  })

  it('fails on bytes the keychain did not seal', () => {
    expect(() => sealer.unseal(Buffer.from('tampered'))).toThrow()
  })
})
