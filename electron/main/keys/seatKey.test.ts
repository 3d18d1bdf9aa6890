import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { publicKeyFromRaw, verify } from '../journal/ed25519'
import { writeFileAtomic } from './atomicWrite'
import type { KeySealer } from './sealer'
import { unprotectedSealer } from './sealer'
import { createSeatKey, loadOrCreateSeatKey, loadSeatKey, SeatKeyLockedError, seatKeyPath } from './seatKey'

/** Stands in for safeStorage: the stored bytes are not the key's bytes. */
const xorSealer: KeySealer = {
  kind: 'safeStorage',
  seal: (plain) => Buffer.from(plain.map((byte) => byte ^ 0x5a)),
  unseal: (sealed) => Buffer.from(sealed.map((byte) => byte ^ 0x5a)),
}

let dataDir: string
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'seatdesk-keys-'))
})
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

describe('seat key', () => {
  it('is created once and loads back as the same signer', async () => {
    expect(await loadSeatKey(dataDir, unprotectedSealer)).toBeNull()
    const created = await loadOrCreateSeatKey(dataDir, unprotectedSealer)
    const loaded = await loadOrCreateSeatKey(dataDir, unprotectedSealer)
    expect(loaded.publicKey).toBe(created.publicKey)
    expect(loaded.protection).toBe('unprotected')
    const signature = loaded.sign(Buffer.from('hash'))
    expect(verify(publicKeyFromRaw(created.publicKey), 'hash', signature.toString('base64'))).toBe(true)
  })

  it('is stored owner-only under <dataDir>/keys', async () => {
    await createSeatKey(dataDir, unprotectedSealer)
    expect(seatKeyPath(dataDir)).toBe(join(dataDir, 'keys', 'seat-key.json'))
    if (process.platform !== 'win32') expect((await stat(seatKeyPath(dataDir))).mode & 0o777).toBe(0o600)
  })

  it('stores the private key only as the sealer sealed it', async () => {
    const key = await createSeatKey(dataDir, xorSealer)
    const file = JSON.parse(await readFile(seatKeyPath(dataDir), 'utf8'))
    expect(file.protection).toBe('safeStorage')
    const reloaded = await loadSeatKey(dataDir, xorSealer)
    expect(reloaded?.publicKey).toBe(key.publicKey)
    // Without the keyring the key cannot be opened: say so plainly, not "corrupt".
    await expect(loadSeatKey(dataDir, unprotectedSealer)).rejects.toThrow(
      "the OS keyring that protects this seat's key is not available; unlock the keyring and restart",
    )
    await expect(loadSeatKey(dataDir, unprotectedSealer)).rejects.toBeInstanceOf(SeatKeyLockedError)
  })

  it('still loads an unprotected key when the runtime now offers safeStorage, and leaves it as it was', async () => {
    const key = await createSeatKey(dataDir, unprotectedSealer)
    const before = await readFile(seatKeyPath(dataDir), 'utf8')
    const loaded = await loadOrCreateSeatKey(dataDir, xorSealer)
    expect(loaded.publicKey).toBe(key.publicKey)
    // The truth about this key: it is stored unprotected (and not re-sealed, so a keyring that goes
    // away again cannot lock the seat out).
    expect(loaded.protection).toBe('unprotected')
    expect(await readFile(seatKeyPath(dataDir), 'utf8')).toBe(before)
    expect(verify(publicKeyFromRaw(key.publicKey), 'h', loaded.sign(Buffer.from('h')).toString('base64'))).toBe(true)
  })

  it('refuses a key file whose private half does not match its public key', async () => {
    await createSeatKey(dataDir, unprotectedSealer)
    const other = join(dataDir, 'other')
    await createSeatKey(other, unprotectedSealer)
    const file = JSON.parse(await readFile(seatKeyPath(dataDir), 'utf8'))
    const otherFile = JSON.parse(await readFile(seatKeyPath(other), 'utf8'))
    await writeFileAtomic(seatKeyPath(dataDir), JSON.stringify({ ...file, sealedPrivateKey: otherFile.sealedPrivateKey }))
    await expect(loadSeatKey(dataDir, unprotectedSealer)).rejects.toThrow(/does not match/)
  })
})

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temp file behind', async () => {
    const path = join(dataDir, 'nested', 'file.json')
    await writeFileAtomic(path, 'one')
    await writeFileAtomic(path, 'two')
    expect(await readFile(path, 'utf8')).toBe('two')
    expect(await readdir(join(dataDir, 'nested'))).toEqual(['file.json'])
  })
})
