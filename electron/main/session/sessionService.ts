import { randomUUID } from 'node:crypto'
import type { ChecklistItems } from '../../../shared/domain/checklist'
import type { Settings } from '../../../shared/domain/settings'
import type { SessionView } from '../../../shared/ipc/contract'
import { AppError } from '../../../shared/ipc/errors'
import { SEAT_ACTOR } from '../../../shared/journal/entry'
import type { SeatDirectory } from '../identity/directory'
import type { IdentityService } from '../identity/identityService'
import type { Journal } from '../journal/api'
import type { OpenSession, SessionState } from './sessionState'

export interface SessionDeps {
  record: Journal['append']
  state: SessionState
  identity: IdentityService
  directory: SeatDirectory
  settings: () => Settings
}

// Sign-in, the pre-shift checklist, screen lock and sign-out. Every step is a journal entry; the two
// that need the PIN (sign-in, checklist) carry the user's personal signature.
export class SessionService {
  constructor(private readonly deps: SessionDeps) {}

  current(): OpenSession | null {
    return this.deps.state.current
  }

  requireSession(): OpenSession {
    const session = this.deps.state.current
    if (!session) throw new AppError('notSignedIn')
    return session
  }

  /** A sign-in while someone else's session is open signs that one out first ('replaced'). */
  async signIn(employeeNo: string, pin: string): Promise<SessionView> {
    const sessionId = randomUUID()
    // The PIN check comes first: a wrong PIN must leave the open session as it was.
    const attestation = await this.deps.identity.attest('session.signedIn', employeeNo, pin, { sessionId, employeeNo })
    const open = this.deps.state.current
    if (open) await this.deps.record('session.signedOut', employeeNo, { sessionId: open.sessionId, reason: 'replaced' })
    await this.deps.record('session.signedIn', employeeNo, { sessionId, employeeNo, attestation })
    return this.view(this.requireSession())
  }

  /** 003 岗前准备: every item confirmed, signed with the PIN. Confirming twice changes nothing. */
  async confirmChecklist(items: ChecklistItems, pin: string): Promise<SessionView> {
    const session = this.requireSession()
    if (session.checklistConfirmedAt !== null) return this.view(session)
    const { sessionId, employeeNo } = session
    const attestation = await this.deps.identity.attest('session.checklistConfirmed', employeeNo, pin, { sessionId, items })
    await this.deps.record('session.checklistConfirmed', employeeNo, { sessionId, items, attestation })
    return this.view(this.requireSession())
  }

  async lock(reason: 'idle' | 'manual'): Promise<SessionView> {
    const session = this.requireSession()
    if (session.lockedAt !== null) return this.view(session)
    await this.deps.record('session.locked', session.employeeNo, { sessionId: session.sessionId, reason })
    return this.view(this.requireSession())
  }

  /** Only the session's own user unlocks it; a wrong PIN counts toward that user's lockout. */
  async unlock(pin: string): Promise<SessionView> {
    const session = this.requireSession()
    if (session.lockedAt === null) return this.view(session)
    await this.deps.identity.verifyPin(session.employeeNo, pin)
    await this.deps.record('session.unlocked', session.employeeNo, { sessionId: session.sessionId })
    return this.view(this.requireSession())
  }

  async signOut(): Promise<null> {
    const session = this.requireSession()
    await this.deps.record('session.signedOut', session.employeeNo, { sessionId: session.sessionId, reason: 'user' })
    return null
  }

  /** On start: a session the app stopped with comes back locked, so a restart never skips the PIN. */
  async lockAfterRestart(): Promise<void> {
    const session = this.deps.state.current
    if (session && session.lockedAt === null) {
      await this.deps.record('session.locked', SEAT_ACTOR, { sessionId: session.sessionId, reason: 'restart' })
    }
  }

  view(session: OpenSession): SessionView {
    const user = this.deps.directory.user(session.employeeNo)
    if (!user) throw new Error(`session ${session.sessionId} belongs to unknown user ${session.employeeNo}`)
    return {
      sessionId: session.sessionId,
      user: { employeeNo: user.employeeNo, name: user.name, role: user.role },
      startedAt: session.startedAt,
      checklistConfirmedAt: session.checklistConfirmedAt,
      lockedAt: session.lockedAt,
      idleLockMinutes: this.deps.settings().idleLockMinutes,
    }
  }
}
