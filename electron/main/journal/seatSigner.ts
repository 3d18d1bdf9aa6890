import { createPublicKey, sign as cryptoSign } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import type { SeatSigner } from './api'
import { publicKeyToRaw } from './ed25519'

/** A SeatSigner over an in-memory Ed25519 private key (how it is stored at rest is identity's concern). */
export function createSeatSigner(privateKey: KeyObject): SeatSigner {
  const publicKey = publicKeyToRaw(createPublicKey(privateKey))
  return { publicKey, sign: (data) => cryptoSign(null, data, privateKey) }
}
