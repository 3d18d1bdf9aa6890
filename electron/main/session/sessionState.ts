import type { KnownEntry } from '../../../shared/journal/knownEntry'

// The seat's one session as the journal tells it. Rebuilt on start by replay, so after a restart the
// app knows who was signed in and whether they had confirmed the checklist.
export interface OpenSession {
  sessionId: string
  employeeNo: string
  startedAt: string
  checklistConfirmedAt: string | null
  lockedAt: string | null
}

export class SessionState {
  current: OpenSession | null = null

  apply(entry: KnownEntry): void {
    switch (entry.kind) {
      case 'session.signedIn':
        this.current = {
          sessionId: entry.payload.sessionId,
          employeeNo: entry.payload.employeeNo,
          startedAt: entry.ts,
          checklistConfirmedAt: null,
          lockedAt: null,
        }
        break
      case 'session.checklistConfirmed':
        this.update(entry.payload.sessionId, { checklistConfirmedAt: entry.ts })
        break
      case 'session.locked':
        this.update(entry.payload.sessionId, { lockedAt: entry.ts })
        break
      case 'session.unlocked':
        this.update(entry.payload.sessionId, { lockedAt: null })
        break
      case 'session.signedOut':
        if (this.current?.sessionId === entry.payload.sessionId) this.current = null
        break
      default:
        break
    }
  }

  private update(sessionId: string, change: Partial<OpenSession>): void {
    if (this.current?.sessionId === sessionId) this.current = { ...this.current, ...change }
  }
}
