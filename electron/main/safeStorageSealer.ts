import type { SafeStorage } from 'electron'
import type { KeySealer } from './keys/sealer'

// Seals the seat's private key with the OS keychain (DPAPI, Keychain, libsecret) through Electron's
// safeStorage. safeStorage encrypts strings, so the key bytes travel as base64 inside.
export function createSafeStorageSealer(safeStorage: Pick<SafeStorage, 'encryptString' | 'decryptString'>): KeySealer {
  return {
    kind: 'safeStorage',
    seal: (plain) => safeStorage.encryptString(plain.toString('base64')),
    unseal: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  }
}
