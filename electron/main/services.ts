import { join } from 'node:path'
import { channelNames, type ChannelName } from '../../shared/ipc/channels'
import type { JournalState } from '../../shared/ipc/contract'
import { AppError } from '../../shared/ipc/errors'
import type { EntryKind, EntryPayload } from '../../shared/journal/kinds'
import { CallBook } from './calls/callBook'
import { CallService } from './calls/callService'
import { CallSettingsService } from './calls/callSettingsService'
import type { Clock } from './clock'
import { SeatDirectory } from './identity/directory'
import { IdentityService } from './identity/identityService'
import { toKnownEntry, type KnownEntry } from '../../shared/journal/knownEntry'
import { defaultScryptCost, type ScryptCost } from './identity/scrypt'
import { SecretsStore } from './identity/secrets'
import { createDispatch, type ChannelHandlers, type Dispatch, type DispatchLogger } from './ipc/dispatch'
import type { Journal, JournalDurability, RecoveryNote } from './journal/api'
import { JournalClosedError, JournalFailedError } from './journal/errors'
import { openJournal } from './journal/openJournal'
import { loadOrCreateSeatKey, type SeatKey } from './keys/seatKey'
import type { KeySealer } from './keys/sealer'
import { AccessGate, channelAccess } from './session/access'
import { SessionService } from './session/sessionService'
import { SessionState } from './session/sessionState'
import { ScriptLibrary } from './scripts/scriptLibrary'
import { ScriptService } from './scripts/scriptService'
import { SettingsService } from './settings/settingsService'
import { CheckpointMismatchError } from './handover/export/bookCheckpoints'
import { exportBundle, ExportRangeError } from './handover/export/exportBundle'
import { JournalNotIntactError } from './handover/export/readJournal'
import { HandoverBook } from './handover/handoverBook'
import { HandoverService } from './handover/handoverService'
import { RosterService } from './handover/rosterService'
import { ShiftSettingsService } from './handover/shiftSettingsService'
import { verifyBook } from './handover/verifyBook'
import { CustomerService } from './tickets/customerService'
import { DeadlineSettingsService } from './tickets/deadlineSettingsService'
import { TicketBook } from './tickets/ticketBook'
import { TicketService } from './tickets/ticketService'
import { TicketTransferService } from './tickets/ticketTransferService'
import { WorkingCalendarService } from './tickets/workingCalendarService'

// Main's services, built from their dependencies alone (no Electron), so the Electron shell, the
// browser preview, the CLI's demo generator and the tests all run the very same code.
export interface SeatDeskServicesOptions {
  /** Holds journal/, keys/ and identity/. */
  dataDir: string
  clock: Clock
  /** safeStorage-backed in Electron when available, else `unprotectedSealer`. */
  sealer: KeySealer
  runtime: 'electron' | 'browserPreview'
  version: string
  /** scrypt cost for new PIN hashes and user keys (default `defaultScryptCost`); tests and the demo pass `fastScryptCost`. */
  scryptCost?: ScryptCost
  /** Where unexpected errors are logged (default console). */
  logger?: DispatchLogger
  /**
   * Prints the handover pages of the dates (China) to a PDF and answers its path. Only the Electron
   * shell can (it renders the print route in a hidden window); absent, handoverPrintPdf is refused
   * with printUnavailable and the browser preview prints from the browser.
   */
  printPdf?: (range: { from: string; to: string }) => Promise<string>
  /**
   * Default `eachAppend`: every call that writes answers only after its entry is fsync'd. Only the
   * demo generator passes `atClose` (one fsync per segment, the last at close), to write months of
   * history in minutes; the Electron shell and the preview never set it.
   */
  journalDurability?: JournalDurability
}

export interface SeatDeskServices {
  /** One guarded handler per channel (access rules applied, payload NOT validated: use `dispatch`). */
  readonly handlers: ChannelHandlers
  /** Validates against the contract, runs the handler, answers an IpcResult. Never throws. */
  readonly dispatch: Dispatch
  journalState(): JournalState
  /** Waits for the call in progress, then closes the journal. */
  close(): Promise<void>
}

/** Everything that exists only when the journal opened. */
interface OpenSeat {
  journal: Journal
  seatKey: SeatKey
  recovered: RecoveryNote | null
  directory: SeatDirectory
  identity: IdentityService
  sessions: SessionService
  settings: SettingsService
  callSettings: CallSettingsService
  calls: CallService
  scripts: ScriptService
  tickets: TicketService
  transfers: TicketTransferService
  customers: CustomerService
  deadlineSettings: DeadlineSettingsService
  workingCalendar: WorkingCalendarService
  shiftSettings: ShiftSettingsService
  roster: RosterService
  handover: HandoverService
  gate: AccessGate
}

export async function createSeatDeskServices(options: SeatDeskServicesOptions): Promise<SeatDeskServices> {
  const logger = options.logger ?? console
  const opened = await openSeat(options)
  const seat = 'state' in opened ? null : opened

  const openSeatOrRefuse = (): OpenSeat => {
    if (!seat) throw new AppError('journalUnavailable')
    return seat
  }
  const signedIn = () => openSeatOrRefuse().sessions.requireSession()
  const actor = (): string => signedIn().employeeNo

  const raw: ChannelHandlers = {
    appInfo: async () => ({ version: options.version, runtime: options.runtime }),
    seatStatus: async () => ({ seat: seat?.directory.publicSeat() ?? null, journal: journalState() }),
    seatSetup: async (request) => {
      const { identity, scripts } = openSeatOrRefuse()
      const configured = await identity.setupSeat(request)
      await scripts.publishMissingSeeds()
      return configured
    },
    signIn: (request) => {
      const { sessions, calls } = openSeatOrRefuse()
      // Replacing a session (only possible while it is unlocked) waits until its call is finished.
      if (sessions.current() && calls.hasOpenCall()) throw new AppError('callInProgress')
      return sessions.signIn(request.employeeNo, request.pin)
    },
    sessionCurrent: async () => {
      const { sessions } = openSeatOrRefuse()
      const session = sessions.current()
      return session ? sessions.view(session) : null
    },
    checklistConfirm: (request) => openSeatOrRefuse().sessions.confirmChecklist(request.items, request.pin),
    sessionLock: (request) => openSeatOrRefuse().sessions.lock(request.reason),
    sessionUnlock: (request) => openSeatOrRefuse().sessions.unlock(request.pin),
    signOut: async () => {
      const { sessions, calls } = openSeatOrRefuse()
      await calls.beforeSessionEnds(sessions.requireSession())
      return sessions.signOut()
    },
    usersList: async () => openSeatOrRefuse().identity.list(),
    userAdd: (request) => openSeatOrRefuse().identity.addUser(actor(), request),
    userSetActive: (request) => openSeatOrRefuse().identity.setActive(actor(), request.employeeNo, request.active),
    userResetPin: (request) => openSeatOrRefuse().identity.resetPin(actor(), request.employeeNo, request.pin),
    settingsGet: async () => openSeatOrRefuse().settings.get(),
    settingsUpdate: (request) => openSeatOrRefuse().settings.update(actor(), request.settings),
    journalRead: async (request) => {
      const { journal } = openSeatOrRefuse()
      return { entries: await journal.read(request.afterSeq, request.limit), headSeq: journal.head().seq }
    },
    callCurrent: async () => openSeatOrRefuse().calls.current(signedIn()),
    callAnswer: () => openSeatOrRefuse().calls.answer(signedIn()),
    callUpdate: (request) => openSeatOrRefuse().calls.update(signedIn(), request),
    callMark: (request) => openSeatOrRefuse().calls.mark(signedIn(), request.mark),
    callScriptShown: (request) => openSeatOrRefuse().calls.scriptShown(signedIn(), request.script),
    callHangUp: () => openSeatOrRefuse().calls.hangUp(signedIn()),
    callComplete: (request) => openSeatOrRefuse().calls.complete(signedIn(), request.overTargetReason),
    callSettingsGet: async () => openSeatOrRefuse().callSettings.get(),
    callSettingsUpdate: (request) => openSeatOrRefuse().callSettings.update(actor(), request.settings),
    scriptsList: async () => openSeatOrRefuse().scripts.list(),
    scriptSave: (request) => openSeatOrRefuse().scripts.save(actor(), request.script),
    scriptRetire: (request) => openSeatOrRefuse().scripts.retire(actor(), request.scriptId),
    scriptsExport: async () => ({ json: openSeatOrRefuse().scripts.exportJson() }),
    scriptsImport: (request) => openSeatOrRefuse().scripts.importJson(actor(), request.json),
    ticketOpen: (request) => openSeatOrRefuse().tickets.open(signedIn(), request.details),
    ticketUpdate: (request) => openSeatOrRefuse().tickets.update(signedIn(), request.ticketId, request.details),
    ticketSetStatus: (request) => openSeatOrRefuse().tickets.setStatus(signedIn(), request),
    ticketAddNote: (request) => openSeatOrRefuse().tickets.addNote(signedIn(), request.ticketId, request.text),
    ticketStepDone: (request) => openSeatOrRefuse().tickets.stepDone(signedIn(), request),
    ticketScheduleCallback: (request) => openSeatOrRefuse().tickets.scheduleCallback(signedIn(), request),
    ticketRecordCallback: (request) => openSeatOrRefuse().tickets.recordCallback(signedIn(), request),
    ticketEscalate: (request) => openSeatOrRefuse().tickets.escalate(signedIn(), request),
    ticketTransferOffer: (request) => openSeatOrRefuse().transfers.offer(signedIn(), request),
    ticketTransferAccept: (request) => openSeatOrRefuse().transfers.accept(signedIn(), request),
    ticketTransferDecline: (request) => openSeatOrRefuse().transfers.decline(signedIn(), request),
    ticketTransferCancel: (request) => openSeatOrRefuse().transfers.cancel(signedIn(), request),
    customerSave: (request) => openSeatOrRefuse().customers.save(actor(), request.customer),
    customerRevealPhone: (request) => openSeatOrRefuse().customers.revealPhone(actor(), request),
    deadlineSettingsGet: async () => openSeatOrRefuse().deadlineSettings.get(),
    deadlineSettingsUpdate: (request) => openSeatOrRefuse().deadlineSettings.update(actor(), request.settings),
    workingCalendarGet: async () => openSeatOrRefuse().workingCalendar.get(),
    workingCalendarUpdate: (request) => openSeatOrRefuse().workingCalendar.update(actor(), request.settings),
    shiftSettingsGet: async () => openSeatOrRefuse().shiftSettings.get(),
    shiftSettingsUpdate: (request) => openSeatOrRefuse().shiftSettings.update(actor(), request.settings),
    rosterSet: (request) => openSeatOrRefuse().roster.set(actor(), request.day),
    handoverSaveDraft: (request) => openSeatOrRefuse().handover.saveDraft(signedIn(), request.page),
    handoverSign: (request) => openSeatOrRefuse().handover.sign(signedIn(), request.page, request.pin),
    handoverAcknowledge: (request) => openSeatOrRefuse().handover.acknowledge(signedIn(), request),
    handoverWaive: (request) => openSeatOrRefuse().handover.waive(signedIn(), request),
    handoverCountersign: (request) => openSeatOrRefuse().handover.countersign(signedIn(), request),
    handoverCorrect: (request) => openSeatOrRefuse().handover.correct(signedIn(), request),
    handoverVerify: async () => {
      const { journal } = openSeatOrRefuse()
      return verifyBook({ journalDirectory: journal.directory, dataDir: options.dataDir })
    },
    handoverExport: async (request) => {
      // The bundle is read back from the journal's files and signed with the seat key already open.
      const { seatKey } = openSeatOrRefuse()
      try {
        return await exportBundle({ dataDir: options.dataDir, from: request.from, to: request.to, clock: options.clock, seatKey })
      } catch (error) {
        // A bundle is refused rather than written when the range is wrong or the journal does not
        // verify: say which, in the user's language.
        if (error instanceof ExportRangeError) throw new AppError('exportRefused', { reason: 'range' })
        if (error instanceof JournalNotIntactError) throw new AppError('exportRefused', { reason: 'journalNotIntact' })
        if (error instanceof CheckpointMismatchError) throw new AppError('exportRefused', { reason: 'checkpointMismatch' })
        throw error
      }
    },
    handoverPrintPdf: async (request) => {
      openSeatOrRefuse()
      if (!options.printPdf) throw new AppError('printUnavailable')
      return { path: await options.printPdf({ from: request.from, to: request.to }) }
    },
  }

  // One call at a time: a sign-in awaits scrypt between reading and writing state, and two
  // interleaved calls must not both pass a check the other is about to invalidate.
  let queue: Promise<unknown> = Promise.resolve()
  const serialized = <T>(run: () => Promise<T>): Promise<T> => {
    const result = queue.then(run)
    queue = result.catch(() => undefined)
    return result
  }

  const handlers = wrapHandlers(raw, (channel, handler) => (request) =>
    serialized(async () => {
      if (channel !== 'appInfo' && channel !== 'seatStatus') {
        openSeatOrRefuse().gate.check(channel, channelAccess[channel])
      }
      try {
        return await handler(request)
      } catch (error) {
        // A journal that stopped after a failed write refuses every later append: say so plainly.
        if (error instanceof JournalFailedError || error instanceof JournalClosedError) {
          logger.error(`SeatDesk: ${channel} could not write the journal`, error)
          throw new AppError('journalUnavailable')
        }
        throw error
      }
    }),
  )

  function journalState(): JournalState {
    if ('state' in opened) return opened
    return { state: 'ok', headSeq: opened.journal.head().seq, recovered: opened.recovered }
  }

  return {
    handlers,
    dispatch: createDispatch(handlers, logger),
    journalState,
    close: async () => {
      await queue
      await seat?.journal.close()
    },
  }
}

/** Opens the seat key, secrets and journal and replays the journal; or says why it cannot. */
async function openSeat(options: SeatDeskServicesOptions): Promise<OpenSeat | Extract<JournalState, { state: 'corrupt' }>> {
  const { dataDir, clock } = options
  let seatKey: SeatKey
  let secrets: SecretsStore
  try {
    seatKey = await loadOrCreateSeatKey(dataDir, options.sealer)
  } catch (error) {
    return { state: 'corrupt', seq: null, reason: `seat key: ${messageOf(error)}`, directory: join(dataDir, 'keys') }
  }
  try {
    secrets = await SecretsStore.open(dataDir)
  } catch (error) {
    return { state: 'corrupt', seq: null, reason: `identity secrets: ${messageOf(error)}`, directory: join(dataDir, 'identity') }
  }
  // A folder another live SeatDesk process has open comes back as corrupt with seq null and the
  // reason "another SeatDesk process is using this data folder (pid N)": nothing was read or written.
  const opened = await openJournal({ directory: join(dataDir, 'journal'), signer: seatKey, clock, durability: options.journalDurability ?? 'eachAppend' })
  if (opened.status === 'corrupt') return { state: 'corrupt', seq: opened.seq, reason: opened.reason, directory: opened.directory }
  try {
    return await buildSeat(options, opened.journal, opened.recovered, seatKey, secrets)
  } catch (error) {
    // Release the journal (and its writer lock) so a retry in this process is not refused.
    await opened.journal.close().catch(() => undefined)
    throw error
  }
}

async function buildSeat(
  options: SeatDeskServicesOptions,
  journal: Journal,
  recovered: RecoveryNote | null,
  seatKey: SeatKey,
  secrets: SecretsStore,
): Promise<OpenSeat> {
  const { clock } = options

  const directory = new SeatDirectory()
  const sessionState = new SessionState()
  const library = new ScriptLibrary()
  const book = new CallBook()
  const ticketBook = new TicketBook()
  const handoverBook = new HandoverBook()
  const project = (entry: KnownEntry): void => {
    directory.apply(entry)
    settings.apply(entry)
    callSettings.apply(entry)
    sessionState.apply(entry)
    library.apply(entry)
    book.apply(entry)
    ticketBook.apply(entry)
    customers.apply(entry)
    deadlineSettings.apply(entry)
    workingCalendar.apply(entry)
    shiftSettings.apply(entry)
    roster.apply(entry)
    handoverBook.apply(entry)
  }
  // Every write goes through here, so the in-memory state is always the journal's replay.
  const record = async <K extends EntryKind>(kind: K, actor: string, payload: EntryPayload<K>) => {
    const entry = await journal.append(kind, actor, payload)
    const known = toKnownEntry(entry)
    if (known) project(known)
    return entry
  }
  const settings = new SettingsService(record)
  const callSettings = new CallSettingsService(record)
  const scripts = new ScriptService(record, library)
  const calls = new CallService({ clock, record, book, settings: callSettings, library })
  const currentSettings = () => settings.get()
  const identity = new IdentityService({
    clock,
    record,
    directory,
    secrets,
    settings: currentSettings,
    seatKey,
    scryptCost: options.scryptCost ?? defaultScryptCost,
  })
  const sessions = new SessionService({ record, state: sessionState, identity, directory, settings: currentSettings })
  const deadlineSettings = new DeadlineSettingsService(record)
  const workingCalendar = new WorkingCalendarService(record)
  const customers = new CustomerService({ record, tickets: ticketBook })
  const tickets = new TicketService({ clock, record, book: ticketBook, directory, calls: book, deadlines: deadlineSettings })
  const transfers = new TicketTransferService({ record, book: ticketBook, directory, identity })
  const shiftSettings = new ShiftSettingsService(record)
  const roster = new RosterService({ record, directory, shiftSettings })
  const handover = new HandoverService({
    record,
    head: () => journal.head(),
    dataDir: options.dataDir,
    book: handoverBook,
    tickets: ticketBook,
    directory,
    identity,
    shiftSettings,
  })

  for await (const entry of journal.replay()) {
    const known = toKnownEntry(entry)
    if (known) project(known)
  }
  await identity.completeInterruptedKeyRotations()
  await handover.completeCheckpointFile()
  if (directory.isConfigured()) await scripts.publishMissingSeeds()
  await calls.closeOrphanedCall(sessionState.current)
  await sessions.lockAfterRestart()

  return {
    journal,
    seatKey,
    recovered,
    directory,
    identity,
    sessions,
    settings,
    callSettings,
    calls,
    scripts,
    tickets,
    transfers,
    customers,
    deadlineSettings,
    workingCalendar,
    shiftSettings,
    roster,
    handover,
    gate: new AccessGate(directory, sessionState),
  }
}

type AnyHandler = (request: never) => Promise<unknown>

/** Applies the same wrapper to every channel's handler (the map keeps its per-channel types). */
function wrapHandlers(handlers: ChannelHandlers, wrap: (channel: ChannelName, handler: AnyHandler) => AnyHandler): ChannelHandlers {
  const wrapped: Partial<Record<ChannelName, unknown>> = {}
  for (const channel of channelNames) wrapped[channel] = wrap(channel, handlers[channel])
  return wrapped as ChannelHandlers
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
