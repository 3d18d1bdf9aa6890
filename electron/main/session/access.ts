import { isLeadRole } from '../../../shared/domain/handover/leads'
import type { ChannelName } from '../../../shared/ipc/channels'
import { AppError } from '../../../shared/ipc/errors'
import type { SeatDirectory, UserRecord } from '../identity/directory'
import type { SessionState } from './sessionState'

// Who may call what, decided in one place before any handler runs. Each level includes the ones
// before it: the journal must be open, the seat configured, someone signed in, the screen unlocked,
// the 003 checklist confirmed, and for management the supervisor role. `lead` branches off
// `unlocked`: signed in and unlocked as a shift lead or a supervisor (the checklist is not asked, as
// for the rest of the handover book, which is part of starting and ending a shift).
export type AccessLevel = 'journal' | 'seat' | 'session' | 'unlocked' | 'lead' | 'ready' | 'supervisor'

export const channelAccess: Record<Exclude<ChannelName, 'appInfo' | 'seatStatus'>, AccessLevel> = {
  // The renderer's Dexie projection reads the journal only for a signed-in session: it holds the
  // customers' phones, names and addresses on tickets, and no screen before sign-in (setup, sign-in)
  // needs the view. It stays readable while locked (openWhileLocked below): the view keeps catching
  // up under the lock screen for the session that is signed in, and the lock screen shows none of it.
  journalRead: 'session',
  seatSetup: 'journal',
  sessionCurrent: 'journal',
  signIn: 'seat',
  sessionUnlock: 'session',
  signOut: 'session',
  sessionLock: 'unlocked',
  checklistConfirm: 'unlocked',
  settingsGet: 'unlocked',
  usersList: 'supervisor',
  userAdd: 'supervisor',
  userSetActive: 'supervisor',
  userResetPin: 'supervisor',
  settingsUpdate: 'supervisor',
  // Reading the library and the call settings: anyone signed in (the renderer fills scripts and the
  // timer from them). Taking calls: an agent ready for the shift (003 岗前准备 confirmed).
  callSettingsGet: 'unlocked',
  scriptsList: 'unlocked',
  scriptsExport: 'unlocked',
  callCurrent: 'ready',
  callAnswer: 'ready',
  callUpdate: 'ready',
  callMark: 'ready',
  callScriptShown: 'ready',
  callHangUp: 'ready',
  callComplete: 'ready',
  callSettingsUpdate: 'supervisor',
  scriptSave: 'supervisor',
  scriptRetire: 'supervisor',
  scriptsImport: 'supervisor',
  // Tickets and the customer archive: an agent ready for the shift. Accepting a transfer is done by
  // the receiving user in their own session, with their PIN.
  ticketOpen: 'ready',
  ticketUpdate: 'ready',
  ticketSetStatus: 'ready',
  ticketAddNote: 'ready',
  ticketStepDone: 'ready',
  ticketScheduleCallback: 'ready',
  ticketRecordCallback: 'ready',
  ticketEscalate: 'ready',
  ticketTransferOffer: 'ready',
  ticketTransferAccept: 'ready',
  ticketTransferDecline: 'ready',
  ticketTransferCancel: 'ready',
  customerSave: 'ready',
  customerRevealPhone: 'ready',
  // The clocks and the calendar are read by every screen that shows a deadline; a supervisor edits them.
  deadlineSettingsGet: 'unlocked',
  workingCalendarGet: 'unlocked',
  deadlineSettingsUpdate: 'supervisor',
  workingCalendarUpdate: 'supervisor',
  // The handover book (issue 5) is part of starting and ending a shift: it is open once signed in and
  // unlocked, before the 003 checklist too, because the incoming agent acknowledges the page first.
  // Who may sign what (outgoing, incoming, lead) is the handover service's check, with their PIN.
  shiftSettingsGet: 'unlocked',
  shiftSettingsUpdate: 'supervisor',
  rosterSet: 'supervisor',
  handoverSaveDraft: 'unlocked',
  handoverSign: 'unlocked',
  handoverAcknowledge: 'unlocked',
  handoverWaive: 'unlocked',
  handoverCountersign: 'unlocked',
  handoverCorrect: 'unlocked',
  handoverVerify: 'unlocked',
  // The HQ bundle carries the journal, with customers' phones and addresses: leads and supervisors only.
  handoverExport: 'lead',
  handoverPrintPdf: 'unlocked',
}

/** While the screen is locked only these answer; everything else says sessionLocked. */
const openWhileLocked: ReadonlySet<ChannelName> = new Set([
  'appInfo',
  'seatStatus',
  'sessionCurrent',
  'sessionUnlock',
  'signOut',
  'journalRead',
])

export class AccessGate {
  constructor(
    private readonly directory: SeatDirectory,
    private readonly sessions: SessionState,
  ) {}

  /** Throws the AppError that says why `channel` may not run now. */
  check(channel: ChannelName, level: AccessLevel): void {
    const session = this.sessions.current
    if (session?.lockedAt != null && !openWhileLocked.has(channel)) throw new AppError('sessionLocked')
    if (level === 'journal') return
    if (!this.directory.isConfigured()) throw new AppError('notConfigured')
    if (level === 'seat') return
    if (!session) throw new AppError('notSignedIn')
    if (level === 'session') return
    if (session.lockedAt !== null) throw new AppError('sessionLocked')
    if (level === 'unlocked') return
    if (level === 'lead') {
      if (!isLeadRole(this.signedInUser(session.employeeNo).role)) throw new AppError('leadOrSupervisorOnly')
      return
    }
    if (session.checklistConfirmedAt === null) throw new AppError('checklistPending')
    if (level === 'ready') return
    if (this.signedInUser(session.employeeNo).role !== 'supervisor') throw new AppError('notAllowed')
  }

  private signedInUser(employeeNo: string): UserRecord {
    const user = this.directory.user(employeeNo)
    if (!user) throw new AppError('notSignedIn')
    return user
  }
}
