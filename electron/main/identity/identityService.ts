import { randomUUID, type KeyObject } from 'node:crypto'
import type { NewUser, Seat, SeatSetup, UserView } from '../../../shared/domain/identity'
import type { Settings } from '../../../shared/domain/settings'
import { AppError } from '../../../shared/ipc/errors'
import type { Attestation } from '../../../shared/journal/kinds'
import { SEAT_ACTOR } from '../../../shared/journal/entry'
import type { Clock } from '../clock'
import type { Journal } from '../journal/api'
import { attest } from './attest'
import type { SeatDirectory, UserRecord } from './directory'
import { clearLockout, lockedUntil, registerFailure, type FailureOutcome, type LockoutState } from './lockout'
import { hashPin, pinMatches, type PinHash } from './pinHash'
import type { ScryptCost } from './scrypt'
import type { SecretsStore, UserSecrets } from './secrets'
import { createUserKeyPair, unlockPrivateKey } from './userKey'

export interface IdentityDeps {
  clock: Clock
  /** Appends a journal entry and applies it to the in-memory state. */
  record: Journal['append']
  directory: SeatDirectory
  secrets: SecretsStore
  settings: () => Settings
  seatKey: { publicKey: string; protection: Seat['keyProtection'] }
  scryptCost: ScryptCost
}

// Seat setup, users and PIN checks. Public facts go to the journal; secrets to secrets.json, always
// written first, so a crash between the two leaves at worst an unused secret, never a user who
// cannot sign in.
export class IdentityService {
  /** Wrong-PIN counts for employee numbers that do not exist, so they answer exactly like real ones. */
  private readonly strangers = new Map<string, LockoutState>()
  private decoyHash: Promise<PinHash> | null = null

  constructor(private readonly deps: IdentityDeps) {}

  async setupSeat(setup: SeatSetup): Promise<Seat> {
    const { directory, record, seatKey } = this.deps
    if (directory.isConfigured()) throw new AppError('alreadyConfigured')
    const { supervisor } = setup
    // A setup cut short after `seat.created` keeps that seat and only adds the supervisor.
    if (!directory.seat) {
      await record('seat.created', supervisor.employeeNo, {
        seatId: randomUUID(),
        companyName: setup.companyName,
        branchCode: setup.branchCode,
        seatNumber: setup.seatNumber,
        seatPublicKey: seatKey.publicKey,
        keyProtection: seatKey.protection,
      })
    }
    await this.enrol(supervisor.employeeNo, supervisor.name, 'supervisor', supervisor.pin, supervisor.employeeNo)
    const seat = directory.publicSeat()
    if (!seat) throw new Error('seat setup did not configure the seat')
    return seat
  }

  list(): UserView[] {
    return this.deps.directory
      .all()
      .sort((a, b) => a.employeeNo.localeCompare(b.employeeNo))
      .map((user) => this.view(user))
  }

  async addUser(actor: string, user: NewUser): Promise<UserView> {
    if (this.deps.directory.user(user.employeeNo)) throw new AppError('duplicateEmployeeNo', { employeeNo: user.employeeNo })
    return this.view(await this.enrol(user.employeeNo, user.name, user.role, user.pin, actor))
  }

  async setActive(actor: string, employeeNo: string, active: boolean): Promise<UserView> {
    const { directory, record } = this.deps
    const user = this.requireUser(employeeNo)
    if (user.active === active) return this.view(user)
    if (!active && employeeNo === actor) throw new AppError('cannotDisableSelf')
    if (!active && user.role === 'supervisor' && directory.activeSupervisors().length <= 1) {
      throw new AppError('lastSupervisor')
    }
    await record(active ? 'user.enabled' : 'user.disabled', actor, { employeeNo })
    return this.view(this.requireUser(employeeNo))
  }

  /** A supervisor sets a new PIN: new key pair (the old key cannot be opened without the old PIN). */
  async resetPin(actor: string, employeeNo: string, pin: string): Promise<UserView> {
    this.requireUser(employeeNo)
    const publicKey = await this.storeSecrets(employeeNo, pin)
    await this.deps.record('user.keyRotated', actor, { employeeNo, publicKey })
    return this.view(this.requireUser(employeeNo))
  }

  /**
   * Checks a PIN under the lockout rule. Throws badCredentials {remaining} or userLocked {until,
   * minutes} — the same for unknown employee numbers — and userDisabled only after a correct PIN.
   */
  async verifyPin(employeeNo: string, pin: string): Promise<UserRecord> {
    const user = this.deps.directory.user(employeeNo)
    const secrets = this.deps.secrets.get(employeeNo)
    if (!user || !secrets) return this.rejectStranger(employeeNo, pin)
    this.refuseIfLocked(secrets)
    if (!(await pinMatches(pin, secrets.pinHash))) {
      const outcome = registerFailure(secrets, this.deps.clock.now(), this.deps.settings())
      await this.deps.secrets.updateLockout(employeeNo, outcome.state)
      if (outcome.lockedUntil) {
        await this.deps.record('user.lockedOut', SEAT_ACTOR, {
          employeeNo,
          until: outcome.lockedUntil.toISOString(),
          failedAttempts: this.deps.settings().lockoutAttempts,
        })
      }
      return this.refuseAttempt(outcome)
    }
    if (secrets.failedAttempts > 0 || secrets.lockedUntil !== null) await this.deps.secrets.updateLockout(employeeNo, clearLockout)
    if (!user.active) throw new AppError('userDisabled')
    return user
  }

  /** Checks the PIN and signs with the user's key: the proof that this user typed it now. */
  async attest(kind: string, employeeNo: string, pin: string, payloadWithoutAttestation: object): Promise<Attestation> {
    const user = await this.verifyPin(employeeNo, pin)
    return attest(await this.openPrivateKey(user, pin), kind, user.employeeNo, payloadWithoutAttestation)
  }

  /**
   * Finishes PIN resets a crash interrupted: secrets.json already holds the new key but the journal
   * still names the old one. Without this the user's signatures would not verify.
   */
  async completeInterruptedKeyRotations(): Promise<void> {
    for (const user of this.deps.directory.all()) {
      const secrets = this.deps.secrets.get(user.employeeNo)
      if (secrets && secrets.publicKey !== user.publicKey) {
        await this.deps.record('user.keyRotated', SEAT_ACTOR, { employeeNo: user.employeeNo, publicKey: secrets.publicKey })
      }
    }
  }

  private async enrol(employeeNo: string, name: string, role: UserRecord['role'], pin: string, actor: string): Promise<UserRecord> {
    const publicKey = await this.storeSecrets(employeeNo, pin)
    await this.deps.record('user.added', actor, { employeeNo, name, role, publicKey })
    return this.requireUser(employeeNo)
  }

  private async storeSecrets(employeeNo: string, pin: string): Promise<string> {
    const { scryptCost } = this.deps
    const [pinHash, keyPair] = await Promise.all([hashPin(pin, scryptCost), createUserKeyPair(employeeNo, pin, scryptCost)])
    const secrets: UserSecrets = { pinHash, publicKey: keyPair.publicKey, privateKey: keyPair.lockedPrivateKey, ...clearLockout }
    await this.deps.secrets.put(employeeNo, secrets)
    return keyPair.publicKey
  }

  private async openPrivateKey(user: UserRecord, pin: string): Promise<KeyObject> {
    const secrets = this.deps.secrets.get(user.employeeNo)
    const key = secrets && (await unlockPrivateKey(user.employeeNo, pin, secrets.privateKey))
    // The PIN matched its hash, so a key that does not open means secrets.json is inconsistent.
    if (!key) throw new Error(`the private key of ${user.employeeNo} does not open with a verified PIN`)
    return key
  }

  private async rejectStranger(employeeNo: string, pin: string): Promise<never> {
    const state = this.strangers.get(employeeNo) ?? clearLockout
    this.refuseIfLocked(state)
    // Spend the same scrypt time a real wrong PIN costs, so timing does not tell who exists.
    this.decoyHash ??= hashPin('0000', this.deps.scryptCost)
    await pinMatches(pin, await this.decoyHash)
    const outcome = registerFailure(state, this.deps.clock.now(), this.deps.settings())
    if (this.strangers.size >= 1000) this.strangers.clear()
    this.strangers.set(employeeNo, outcome.state)
    return this.refuseAttempt(outcome)
  }

  private refuseIfLocked(state: LockoutState): void {
    const now = this.deps.clock.now()
    const until = lockedUntil(state, now)
    if (until) throw lockedError(until, now)
  }

  private refuseAttempt(outcome: FailureOutcome): never {
    if (outcome.lockedUntil) throw lockedError(outcome.lockedUntil, this.deps.clock.now())
    throw new AppError('badCredentials', { remaining: outcome.remaining })
  }

  private requireUser(employeeNo: string): UserRecord {
    const user = this.deps.directory.user(employeeNo)
    if (!user) throw new AppError('unknownUser', { employeeNo })
    return user
  }

  private view(user: UserRecord): UserView {
    const secrets = this.deps.secrets.get(user.employeeNo)
    return this.deps.directory.view(user, secrets ? lockedUntil(secrets, this.deps.clock.now()) : null)
  }
}

function lockedError(until: Date, now: Date): AppError {
  return new AppError('userLocked', { until: until.toISOString(), minutes: Math.ceil((until.getTime() - now.getTime()) / 60_000) })
}
