import { scrypt as scryptCallback, type ScryptOptions } from 'node:crypto'
import { z } from 'zod'

// scrypt turns a short PIN into a verifier and into an encryption key. Its cost is stored beside every
// salt, so a seat made with a cheap cost (the demo, tests) still verifies after the default changes.
export const scryptCostSchema = z.strictObject({
  N: z.number().int().min(2).max(2 ** 20),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
})
export type ScryptCost = z.infer<typeof scryptCostSchema>

/**
 * N = 2^14, r = 8: about 27 ms per derivation on the build machine. A sign-in derives twice (PIN check,
 * then the key that opens the user's private key), so it stays near 60 ms.
 */
export const defaultScryptCost: ScryptCost = { N: 2 ** 14, r: 8, p: 1 }

/**
 * For tests, the demo seat and benchmarks only: about 0.2 ms. A seat made with it has weak PIN hashes,
 * acceptable for demo accounts whose PINs are published anyway.
 */
export const fastScryptCost: ScryptCost = { N: 2 ** 8, r: 8, p: 1 }

export function deriveFromPin(pin: string, salt: Buffer, cost: ScryptCost, bytes: number): Promise<Buffer> {
  // Node refuses N·r above its 32 MiB default; give each call exactly the memory it needs.
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r * cost.p + 1024 * 1024 }
  return new Promise((resolve, reject) => {
    scryptCallback(pin, salt, bytes, options, (error, key) => (error ? reject(error) : resolve(key)))
  })
}
