import { createPrivateKey, createPublicKey, generateKeyPairSync, sign as cryptoSign, verify as cryptoVerify } from 'node:crypto'
import type { KeyObject } from 'node:crypto'

// Ed25519 helpers shared by the journal (seat key) and identity (users' keys). Public keys travel as
// the raw 32-byte key in standard padded base64, the form `seat.created` and `user.added` carry.
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex')
export const ED25519_PUBLIC_KEY_BYTES = 32
export const ED25519_SIGNATURE_BYTES = 64

export interface Ed25519KeyPair {
  /** Raw 32-byte public key, standard padded base64. */
  publicKeyRaw: string
  publicKey: KeyObject
  privateKey: KeyObject
}

export function generateKeyPair(): Ed25519KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  return { publicKeyRaw: publicKeyToRaw(publicKey), publicKey, privateKey }
}

/**
 * Decodes base64 only when it is in canonical form. Node's decoder is lenient (TOOLCHAIN.md "Known
 * traps"): whitespace, missing padding or different unused bits decode to the same bytes, so a
 * tampered string could still verify. Re-encoding and comparing makes the text itself tamper-evident.
 */
export function decodeCanonicalBase64(text: string, expectedBytes?: number): Buffer | null {
  const bytes = Buffer.from(text, 'base64')
  if (bytes.toString('base64') !== text) return null
  if (expectedBytes !== undefined && bytes.length !== expectedBytes) return null
  return bytes
}

export function publicKeyFromRaw(raw: string | Buffer): KeyObject {
  const bytes = typeof raw === 'string' ? decodeCanonicalBase64(raw, ED25519_PUBLIC_KEY_BYTES) : raw
  if (!bytes || bytes.length !== ED25519_PUBLIC_KEY_BYTES) throw new Error('not a raw 32-byte Ed25519 public key')
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, bytes]), format: 'der', type: 'spki' })
}

export function publicKeyToRaw(key: KeyObject): string {
  const der = key.export({ format: 'der', type: 'spki' })
  return der.subarray(SPKI_ED25519_PREFIX.length).toString('base64')
}

/** PKCS#8 DER, for callers that encrypt a private key at rest (PIN, safeStorage). */
export function privateKeyToPkcs8(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'pkcs8' })
}

export function privateKeyFromPkcs8(der: Buffer): KeyObject {
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
}

/** Signature in standard padded base64. */
export function sign(privateKey: KeyObject, data: Buffer | string): string {
  return cryptoSign(null, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, privateKey).toString('base64')
}

/** True only for a canonical-base64 64-byte signature that verifies. */
export function verify(publicKey: KeyObject, data: Buffer | string, signatureBase64: string): boolean {
  const signature = decodeCanonicalBase64(signatureBase64, ED25519_SIGNATURE_BYTES)
  if (!signature) return false
  return cryptoVerify(null, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, publicKey, signature)
}
