import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../keys/atomicWrite'
import type { LockoutState } from './lockout'
import { pinHashSchema } from './pinHash'
import { lockedPrivateKeySchema } from './userKey'

// What must never reach the journal (which is exported to HQ): PIN verifiers, encrypted private keys
// and the lockout counters. One file, parsed at load and rewritten atomically on every change, so a
// restart neither forgets a lockout nor half-writes a PIN reset.
const userSecretsSchema = z.strictObject({
  pinHash: pinHashSchema,
  /** The public half of `privateKey`; compared with the journal's to finish an interrupted PIN reset. */
  publicKey: z.string().max(128),
  privateKey: lockedPrivateKeySchema,
  failedAttempts: z.number().int().min(0).max(1000),
  lockedUntil: z.iso.datetime().nullable(),
})
export type UserSecrets = z.infer<typeof userSecretsSchema>

const secretsFileSchema = z.strictObject({
  format: z.literal('seatdesk-identity-secrets/v1'),
  users: z.record(z.string().max(16), userSecretsSchema),
})

export class SecretsStore {
  private constructor(
    private readonly path: string,
    private readonly users: Map<string, UserSecrets>,
  ) {}

  static async open(dataDir: string): Promise<SecretsStore> {
    const path = join(dataDir, 'identity', 'secrets.json')
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new SecretsStore(path, new Map())
      throw error
    }
    const file = secretsFileSchema.parse(JSON.parse(text))
    return new SecretsStore(path, new Map(Object.entries(file.users)))
  }

  get(employeeNo: string): UserSecrets | undefined {
    return this.users.get(employeeNo)
  }

  async put(employeeNo: string, secrets: UserSecrets): Promise<void> {
    this.users.set(employeeNo, secrets)
    await this.save()
  }

  async updateLockout(employeeNo: string, lockout: LockoutState): Promise<void> {
    const current = this.users.get(employeeNo)
    if (!current) return
    await this.put(employeeNo, { ...current, ...lockout })
  }

  private async save(): Promise<void> {
    const file: z.infer<typeof secretsFileSchema> = {
      format: 'seatdesk-identity-secrets/v1',
      users: Object.fromEntries(this.users),
    }
    await writeFileAtomic(this.path, `${JSON.stringify(file, null, 2)}\n`, 0o600)
  }
}
