import type { Seat, UserView } from '../../../shared/domain/identity'
import type { Role } from '../../../shared/domain/roles'
import type { KnownEntry } from '../../../shared/journal/knownEntry'

// The seat and its users as the journal tells them: public facts only (the secrets are elsewhere).
export interface UserRecord {
  employeeNo: string
  name: string
  role: Role
  active: boolean
  /** Current public key; a PIN reset rotates it. */
  publicKey: string
}

export class SeatDirectory {
  seat: (Seat & { seatPublicKey: string }) | null = null
  private readonly users = new Map<string, UserRecord>()

  apply(entry: KnownEntry): void {
    switch (entry.kind) {
      case 'seat.created': {
        const { seatId, companyName, branchCode, seatNumber, keyProtection, seatPublicKey } = entry.payload
        this.seat = { seatId, companyName, branchCode, seatNumber, keyProtection, seatPublicKey }
        break
      }
      case 'user.added': {
        const { employeeNo, name, role, publicKey } = entry.payload
        this.users.set(employeeNo, { employeeNo, name, role, publicKey, active: true })
        break
      }
      case 'user.disabled':
      case 'user.enabled':
        this.update(entry.payload.employeeNo, { active: entry.kind === 'user.enabled' })
        break
      case 'user.keyRotated':
        this.update(entry.payload.employeeNo, { publicKey: entry.payload.publicKey })
        break
      default:
        break
    }
  }

  /** Configured = the seat exists and has its first supervisor (setup writes both). */
  isConfigured(): boolean {
    return this.seat !== null && this.users.size > 0
  }

  publicSeat(): Seat | null {
    if (!this.isConfigured() || !this.seat) return null
    const { seatId, companyName, branchCode, seatNumber, keyProtection } = this.seat
    return { seatId, companyName, branchCode, seatNumber, keyProtection }
  }

  user(employeeNo: string): UserRecord | undefined {
    return this.users.get(employeeNo)
  }

  all(): UserRecord[] {
    return [...this.users.values()]
  }

  activeSupervisors(): UserRecord[] {
    return this.all().filter((user) => user.active && user.role === 'supervisor')
  }

  view(user: UserRecord, lockedUntil: Date | null): UserView {
    const { employeeNo, name, role, active } = user
    return { employeeNo, name, role, active, lockedUntil: lockedUntil?.toISOString() ?? null }
  }

  private update(employeeNo: string, change: Partial<UserRecord>): void {
    const user = this.users.get(employeeNo)
    if (user) this.users.set(employeeNo, { ...user, ...change })
  }
}
