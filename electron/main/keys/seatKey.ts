import { createPublicKey, sign as cryptoSign, type KeyObject } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { SeatSigner } from '../journal/api'
import { generateKeyPair, privateKeyFromPkcs8, privateKeyToPkcs8, publicKeyToRaw } from '../journal/ed25519'
import { writeFileAtomic } from './atomicWrite'
import type { KeySealer } from './sealer'
import { unprotectedSealer } from './sealer'

// The seat key signs every journal line. It is made once, when the data folder is first used, and
// lives in `<dataDir>/keys/seat-key.json` with its private half sealed by the KeySealer.
const seatKeyFileSchema = z.strictObject({
  format: z.literal('seatdesk-seat-key/v1'),
  protection: z.enum(['safeStorage', 'unprotected']),
  publicKey: z.string().max(128),
  sealedPrivateKey: z.string().max(4096),
})

export interface SeatKey extends SeatSigner {
  readonly protection: KeySealer['kind']
}

export function seatKeyPath(dataDir: string): string {
  return join(dataDir, 'keys', 'seat-key.json')
}

/** The seat key in `dataDir`, or null when this data folder has none yet. */
export async function loadSeatKey(dataDir: string, sealer: KeySealer): Promise<SeatKey | null> {
  let text: string
  try {
    text = await readFile(seatKeyPath(dataDir), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  const file = seatKeyFileSchema.parse(JSON.parse(text))
  // The runtime's keyring can come and go (a Linux seat whose keyring is unlocked one day and not
  // the next). A key stored unprotected is read as stored whatever the runtime now offers: it is left
  // unprotected (not re-sealed), so a keyring that later disappears cannot lock the seat out of it.
  // A key sealed by safeStorage cannot be opened without it: say exactly that.
  if (file.protection === 'safeStorage' && sealer.kind !== 'safeStorage') throw new SeatKeyLockedError()
  const unsealer = file.protection === 'unprotected' ? unprotectedSealer : sealer
  const privateKey = privateKeyFromPkcs8(unsealer.unseal(Buffer.from(file.sealedPrivateKey, 'base64')))
  if (publicKeyToRaw(createPublicKey(privateKey)) !== file.publicKey) throw new Error('the seat key file does not match its public key')
  return toSeatKey(privateKey, file.publicKey, file.protection)
}

/** The seat key is sealed by the OS keyring (safeStorage) and this runtime cannot use the keyring now. */
export class SeatKeyLockedError extends Error {
  override name = 'SeatKeyLockedError'
  constructor() {
    super("the OS keyring that protects this seat's key is not available; unlock the keyring and restart")
  }
}

export async function createSeatKey(dataDir: string, sealer: KeySealer): Promise<SeatKey> {
  const pair = generateKeyPair()
  const file: z.infer<typeof seatKeyFileSchema> = {
    format: 'seatdesk-seat-key/v1',
    protection: sealer.kind,
    publicKey: pair.publicKeyRaw,
    sealedPrivateKey: sealer.seal(privateKeyToPkcs8(pair.privateKey)).toString('base64'),
  }
  await writeFileAtomic(seatKeyPath(dataDir), `${JSON.stringify(file, null, 2)}\n`, 0o600)
  return toSeatKey(pair.privateKey, pair.publicKeyRaw, sealer.kind)
}

export async function loadOrCreateSeatKey(dataDir: string, sealer: KeySealer): Promise<SeatKey> {
  return (await loadSeatKey(dataDir, sealer)) ?? (await createSeatKey(dataDir, sealer))
}

function toSeatKey(privateKey: KeyObject, publicKey: string, protection: KeySealer['kind']): SeatKey {
  return { publicKey, protection, sign: (data) => cryptoSign(null, data, privateKey) }
}
