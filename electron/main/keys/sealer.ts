// How the seat's private key is protected at rest. The Electron shell passes a sealer built on
// `safeStorage` (the OS keychain / DPAPI) when `safeStorage.isEncryptionAvailable()`; where that is
// missing — Node, the browser preview, a Linux box without a keyring — the key is stored as is, in a
// 0600 file, and `seat.created` records `keyProtection: 'unprotected'` so HQ can see it.
// This module must not import electron: the journal CLI and tests use it in plain Node.
export interface KeySealer {
  readonly kind: 'safeStorage' | 'unprotected'
  seal(plain: Buffer): Buffer
  unseal(sealed: Buffer): Buffer
}

export const unprotectedSealer: KeySealer = {
  kind: 'unprotected',
  seal: (plain) => Buffer.from(plain),
  unseal: (sealed) => Buffer.from(sealed),
}
