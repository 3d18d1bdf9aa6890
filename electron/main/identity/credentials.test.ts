import { describe, expect, it } from 'vitest'
import { defaultSettings } from '../../../shared/domain/settings'
import { verifyAttestation, attest } from './attest'
import { clearLockout, lockedUntil, registerFailure } from './lockout'
import { hashPin, pinMatches } from './pinHash'
import { defaultScryptCost, deriveFromPin, fastScryptCost } from './scrypt'
import { createUserKeyPair, unlockPrivateKey } from './userKey'

describe('PIN hash', () => {
  it('matches only the PIN it was made from, with a fresh salt each time', async () => {
    const first = await hashPin('123456', fastScryptCost)
    const second = await hashPin('123456', fastScryptCost)
    expect(first.salt).not.toBe(second.salt)
    expect(first.hash).not.toBe(second.hash)
    expect(await pinMatches('123456', first)).toBe(true)
    expect(await pinMatches('123457', first)).toBe(false)
    expect(await pinMatches('12345', first)).toBe(false)
  })

  it('keeps the default cost near the sign-in budget (two derivations well under 100 ms)', async () => {
    const started = performance.now()
    await deriveFromPin('123456', Buffer.alloc(16), defaultScryptCost, 32)
    // Generous for slow CI machines; ~27 ms on the build machine.
    expect(performance.now() - started).toBeLessThan(250)
  })
})

describe('user key', () => {
  it('opens with the right PIN only, and its signatures verify under the public key', async () => {
    const pair = await createUserKeyPair('A001', '2468', fastScryptCost)
    expect(await unlockPrivateKey('A001', '2469', pair.lockedPrivateKey)).toBeNull()
    const key = await unlockPrivateKey('A001', '2468', pair.lockedPrivateKey)
    expect(key).not.toBeNull()
    if (!key) return
    const payload = { sessionId: 's-1', employeeNo: 'A001' }
    const attestation = attest(key, 'session.signedIn', 'A001', payload)
    expect(verifyAttestation(pair.publicKey, 'session.signedIn', { ...payload, attestation })).toBe(true)
    // Bound to kind, signer and payload: moving it anywhere else fails.
    expect(verifyAttestation(pair.publicKey, 'session.checklistConfirmed', { ...payload, attestation })).toBe(false)
    expect(verifyAttestation(pair.publicKey, 'session.signedIn', { ...payload, sessionId: 's-2', attestation })).toBe(false)
  })

  it('does not open on another user’s record even with the right PIN', async () => {
    const pair = await createUserKeyPair('A001', '2468', fastScryptCost)
    expect(await unlockPrivateKey('A002', '2468', pair.lockedPrivateKey)).toBeNull()
  })
})

describe('lockout rule', () => {
  const now = new Date('2026-03-02T01:00:00.000Z')

  it('counts down the attempts and locks on the last one for lockoutMinutes', () => {
    let state = clearLockout
    for (let attempt = 1; attempt < defaultSettings.lockoutAttempts; attempt++) {
      const outcome = registerFailure(state, now, defaultSettings)
      expect(outcome.remaining).toBe(defaultSettings.lockoutAttempts - attempt)
      expect(outcome.lockedUntil).toBeNull()
      state = outcome.state
    }
    const last = registerFailure(state, now, defaultSettings)
    expect(last.remaining).toBe(0)
    expect(last.lockedUntil?.getTime()).toBe(now.getTime() + defaultSettings.lockoutMinutes * 60_000)
    expect(lockedUntil(last.state, now)).toEqual(last.lockedUntil)
    expect(lockedUntil(last.state, new Date(now.getTime() + defaultSettings.lockoutMinutes * 60_000))).toBeNull()
    // After the lock the count starts afresh.
    expect(registerFailure(last.state, now, defaultSettings).remaining).toBe(defaultSettings.lockoutAttempts - 1)
  })
})
