import { randomBytes, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { deriveFromPin, scryptCostSchema, type ScryptCost } from './scrypt'

// The PIN verifier: scrypt(PIN, random salt). Compared in constant time so the answer's timing says
// nothing about how many bytes matched.
const HASH_BYTES = 32

export const pinHashSchema = z.strictObject({
  salt: z.base64().max(64),
  hash: z.base64().max(128),
  cost: scryptCostSchema,
})
export type PinHash = z.infer<typeof pinHashSchema>

export async function hashPin(pin: string, cost: ScryptCost): Promise<PinHash> {
  const salt = randomBytes(16)
  const hash = await deriveFromPin(pin, salt, cost, HASH_BYTES)
  return { salt: salt.toString('base64'), hash: hash.toString('base64'), cost }
}

export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64')
  const actual = await deriveFromPin(pin, Buffer.from(stored.salt, 'base64'), stored.cost, expected.length)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
