import { createCipheriv, createDecipheriv, randomBytes, type KeyObject } from 'node:crypto'
import { z } from 'zod'
import { generateKeyPair, privateKeyFromPkcs8, privateKeyToPkcs8 } from '../journal/ed25519'
import { deriveFromPin, scryptCostSchema, type ScryptCost } from './scrypt'

// A user's personal Ed25519 key. The private half is stored only encrypted (AES-256-GCM) under a key
// scrypt derives from the PIN with its own salt, so a personal signature proves the PIN was typed.
// The employee number is bound in as associated data: a locked key copied onto another user's
// record in secrets.json does not open.
export const lockedPrivateKeySchema = z.strictObject({
  salt: z.base64().max(64),
  iv: z.base64().max(32),
  tag: z.base64().max(32),
  ciphertext: z.base64().max(512),
  cost: scryptCostSchema,
})
export type LockedPrivateKey = z.infer<typeof lockedPrivateKeySchema>

export interface UserKeyPair {
  publicKey: string
  lockedPrivateKey: LockedPrivateKey
}

export async function createUserKeyPair(employeeNo: string, pin: string, cost: ScryptCost): Promise<UserKeyPair> {
  const pair = generateKeyPair()
  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', await deriveFromPin(pin, salt, cost, 32), iv)
  cipher.setAAD(associatedData(employeeNo))
  const ciphertext = Buffer.concat([cipher.update(privateKeyToPkcs8(pair.privateKey)), cipher.final()])
  return {
    publicKey: pair.publicKeyRaw,
    lockedPrivateKey: {
      salt: salt.toString('base64'),
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      cost,
    },
  }
}

/** The private key, or null when the PIN does not open it (GCM authentication fails). */
export async function unlockPrivateKey(employeeNo: string, pin: string, locked: LockedPrivateKey): Promise<KeyObject | null> {
  const key = await deriveFromPin(pin, Buffer.from(locked.salt, 'base64'), locked.cost, 32)
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(locked.iv, 'base64'))
  decipher.setAAD(associatedData(employeeNo))
  decipher.setAuthTag(Buffer.from(locked.tag, 'base64'))
  try {
    return privateKeyFromPkcs8(Buffer.concat([decipher.update(Buffer.from(locked.ciphertext, 'base64')), decipher.final()]))
  } catch {
    return null
  }
}

function associatedData(employeeNo: string): Buffer {
  return Buffer.from(`seatdesk/user-key/v1:${employeeNo}`, 'utf8')
}
