import { z } from 'zod'
import { callRecordSchema, callViewSchema } from '../domain/calls'
import { callSettingsSchema, callSettingsUpdateSchema } from '../domain/callSettings'
import { checklistItemsSchema } from '../domain/checklist'
import { publishedScriptSchema, scriptIdSchema, scriptInputSchema, scriptRefSchema } from '../domain/scripts'
import {
  employeeNoSchema,
  newUserSchema,
  pinSchema,
  seatSchema,
  seatSetupSchema,
  userViewSchema,
} from '../domain/identity'
import { roleSchema } from '../domain/roles'
import { settingsSchema } from '../domain/settings'
import { handoverPageSchema, refusedItemSchema } from '../domain/handover/page'
import { rosterDaySchema, shiftSettingsSchema } from '../domain/handover/shifts'
import { chinaDateSchema } from '../domain/tickets/chinaTime'
import { customerSchema, revealContextSchema } from '../domain/tickets/customer'
import { deadlineSettingsSchema } from '../domain/tickets/deadlines'
import { instantSchema, phoneSchema } from '../domain/tickets/fields'
import { ticketDetailsSchema } from '../domain/tickets/kinds'
import {
  callbackOutcomeSchema,
  escalationTargetSchema,
  ticketStatusSchema,
  waitingOnSchema,
} from '../domain/tickets/lifecycle'
import { workingDayCalendarSettingsSchema } from '../domain/tickets/workingDays'
import { journalEntrySchema } from '../journal/entry'
import type { ChannelName } from './channels'

// The one IPC contract: channel → request schema (strict, every string and array bounded) → response
// schema. Main validates every request with it; the preload and the browser bridge expose exactly
// these channels; the renderer's types come from it.
const empty = z.strictObject({})

export const sessionViewSchema = z.object({
  sessionId: z.string(),
  user: z.object({ employeeNo: z.string(), name: z.string(), role: roleSchema }),
  startedAt: z.string(),
  checklistConfirmedAt: z.string().nullable(),
  lockedAt: z.string().nullable(),
  idleLockMinutes: z.number(),
})
export type SessionView = z.infer<typeof sessionViewSchema>

export const journalStateSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('ok'),
    headSeq: z.number(),
    /** Set when this start set aside a torn last line; shown to the user once. */
    recovered: z.object({ quarantineFile: z.string(), bytes: z.number() }).nullable(),
  }),
  z.object({
    state: z.literal('corrupt'),
    /** First entry that failed, what was wrong, and the folder to hand to support. */
    seq: z.number().nullable(),
    reason: z.string(),
    directory: z.string(),
  }),
])
export type JournalState = z.infer<typeof journalStateSchema>

const ticketIdSchema = z.string().min(1).max(64)
const reasonText = z.string().trim().min(1, { error: 'required' }).max(500, { error: 'tooLong' })

/** Main's answer to a ticket change: enough to confirm it; the lists and timeline come from Dexie. */
export const ticketSummarySchema = z.object({
  ticketId: z.string(),
  ticketNo: z.string(),
  owner: z.string(),
  status: ticketStatusSchema,
  waitingOn: waitingOnSchema.nullable(),
})
export type TicketSummary = z.infer<typeof ticketSummarySchema>

const pageIdSchema = z.string().min(1).max(64)

/** What Verify found: in plain words on screen, by code and entry. */
export const bookVerificationSchema = z.object({
  ok: z.boolean(),
  entries: z.number(),
  pages: z.number(),
  checkpoints: z.number(),
  problems: z.array(
    z.object({
      code: z.enum(['chainBroken', 'badSeatSignature', 'badAttestation', 'pageHashMismatch', 'checkpointMismatch', 'journalShorterThanCheckpoint', 'pageChangedAfterSigning', 'unreadable']),
      seq: z.number().nullable(),
      pageId: z.string().nullable(),
      detail: z.string(),
    }),
  ),
})
export type BookVerification = z.infer<typeof bookVerificationSchema>

export const contract = {
  appInfo: {
    request: empty,
    response: z.object({ version: z.string(), runtime: z.enum(['electron', 'browserPreview']) }),
  },
  seatStatus: {
    request: empty,
    response: z.object({ seat: seatSchema.nullable(), journal: journalStateSchema }),
  },
  seatSetup: { request: seatSetupSchema, response: seatSchema },
  signIn: {
    request: z.strictObject({ employeeNo: employeeNoSchema, pin: pinSchema }),
    response: sessionViewSchema,
  },
  sessionCurrent: { request: empty, response: sessionViewSchema.nullable() },
  checklistConfirm: {
    request: z.strictObject({ items: checklistItemsSchema, pin: pinSchema }),
    response: sessionViewSchema,
  },
  sessionLock: { request: z.strictObject({ reason: z.enum(['idle', 'manual']) }), response: sessionViewSchema },
  sessionUnlock: { request: z.strictObject({ pin: pinSchema }), response: sessionViewSchema },
  signOut: { request: empty, response: z.null() },
  usersList: { request: empty, response: z.array(userViewSchema) },
  userAdd: { request: newUserSchema, response: userViewSchema },
  userSetActive: {
    request: z.strictObject({ employeeNo: employeeNoSchema, active: z.boolean() }),
    response: userViewSchema,
  },
  userResetPin: {
    request: z.strictObject({ employeeNo: employeeNoSchema, pin: pinSchema }),
    response: userViewSchema,
  },
  settingsGet: { request: empty, response: settingsSchema },
  settingsUpdate: { request: z.strictObject({ settings: settingsSchema }), response: settingsSchema },
  journalRead: {
    request: z.strictObject({
      afterSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      limit: z.number().int().min(1).max(1000),
    }),
    response: z.object({ entries: z.array(journalEntrySchema), headSeq: z.number() }),
  },
  callCurrent: { request: empty, response: callViewSchema.nullable() },
  callAnswer: { request: empty, response: callViewSchema },
  /** Caller number as typed (main validates it and stores E.164); customer name; notes. */
  callUpdate: {
    request: z.strictObject({
      callerNumber: z.string().max(32).nullable(),
      customerName: z.string().trim().max(40).nullable(),
      notes: z.string().max(2000),
    }),
    response: callViewSchema,
  },
  callMark: { request: z.strictObject({ mark: z.enum(['greeting', 'closing']) }), response: callViewSchema },
  callScriptShown: { request: z.strictObject({ script: scriptRefSchema }), response: callViewSchema },
  callHangUp: { request: empty, response: callViewSchema },
  callComplete: {
    request: z.strictObject({ overTargetReason: z.string().max(40).nullable() }),
    response: callRecordSchema,
  },
  callSettingsGet: { request: empty, response: callSettingsSchema },
  callSettingsUpdate: { request: z.strictObject({ settings: callSettingsUpdateSchema }), response: callSettingsSchema },
  scriptsList: {
    request: empty,
    response: z.array(publishedScriptSchema.extend({ publishedAt: z.string(), publishedBy: z.string() })),
  },
  scriptSave: { request: z.strictObject({ script: scriptInputSchema }), response: publishedScriptSchema },
  scriptRetire: { request: z.strictObject({ scriptId: scriptIdSchema }), response: z.null() },
  scriptsExport: { request: empty, response: z.object({ json: z.string() }) },
  /** Every entry is checked; nothing is published unless all are valid (errors name each bad entry). */
  scriptsImport: {
    request: z.strictObject({ json: z.string().max(2_000_000) }),
    response: z.object({ published: z.number() }),
  },
  /** Opened by the signed-in agent, who owns it; linked to the call in progress, if any. */
  ticketOpen: { request: z.strictObject({ details: ticketDetailsSchema }), response: ticketSummarySchema },
  /** The owner corrects or completes the details; the kind cannot change. */
  ticketUpdate: { request: z.strictObject({ ticketId: ticketIdSchema, details: ticketDetailsSchema }), response: ticketSummarySchema },
  ticketSetStatus: {
    request: z.strictObject({
      ticketId: ticketIdSchema,
      to: ticketStatusSchema,
      waitingOn: waitingOnSchema.nullable(),
      note: z.string().trim().max(500, { error: 'tooLong' }),
    }),
    response: ticketSummarySchema,
  },
  ticketAddNote: {
    request: z.strictObject({ ticketId: ticketIdSchema, text: z.string().trim().min(1, { error: 'required' }).max(2000, { error: 'tooLong' }) }),
    response: ticketSummarySchema,
  },
  /** The owner met one of the ticket's clocks (a clock id from clocksForTicket). */
  ticketStepDone: {
    request: z.strictObject({ ticketId: ticketIdSchema, clockId: z.string().min(1).max(60), note: z.string().trim().max(500, { error: 'tooLong' }) }),
    response: ticketSummarySchema,
  },
  ticketScheduleCallback: {
    request: z.strictObject({ ticketId: ticketIdSchema, dueAt: instantSchema, note: z.string().trim().max(500, { error: 'tooLong' }) }),
    response: z.object({ callbackId: z.string() }),
  },
  ticketRecordCallback: {
    request: z.strictObject({
      ticketId: ticketIdSchema,
      callbackId: z.string().min(1).max(64),
      outcome: callbackOutcomeSchema,
      note: z.string().trim().max(500, { error: 'tooLong' }),
    }),
    response: ticketSummarySchema,
  },
  ticketEscalate: {
    request: z.strictObject({ ticketId: ticketIdSchema, to: escalationTargetSchema, reason: reasonText }),
    response: ticketSummarySchema,
  },
  /** The owner offers tickets to a colleague; nothing moves until they accept with their PIN. */
  ticketTransferOffer: {
    request: z.strictObject({ ticketIds: z.array(ticketIdSchema).min(1).max(500), to: employeeNoSchema, reason: reasonText }),
    response: z.object({ transferId: z.string() }),
  },
  ticketTransferAccept: { request: z.strictObject({ transferId: z.string().min(1).max(64), pin: pinSchema }), response: z.null() },
  ticketTransferDecline: { request: z.strictObject({ transferId: z.string().min(1).max(64), reason: reasonText }), response: z.null() },
  ticketTransferCancel: { request: z.strictObject({ transferId: z.string().min(1).max(64) }), response: z.null() },
  customerSave: { request: z.strictObject({ customer: customerSchema }), response: customerSchema },
  /** Journals that the signed-in agent saw the full number, then answers it. */
  customerRevealPhone: {
    request: z.strictObject({ phone: phoneSchema, context: revealContextSchema, ticketId: ticketIdSchema.nullable() }),
    response: z.object({ phone: z.string() }),
  },
  deadlineSettingsGet: { request: empty, response: deadlineSettingsSchema },
  deadlineSettingsUpdate: { request: z.strictObject({ settings: deadlineSettingsSchema }), response: deadlineSettingsSchema },
  workingCalendarGet: { request: empty, response: workingDayCalendarSettingsSchema },
  workingCalendarUpdate: { request: z.strictObject({ settings: workingDayCalendarSettingsSchema }), response: workingDayCalendarSettingsSchema },
  shiftSettingsGet: { request: empty, response: shiftSettingsSchema },
  shiftSettingsUpdate: { request: z.strictObject({ settings: shiftSettingsSchema }), response: shiftSettingsSchema },
  rosterSet: { request: z.strictObject({ day: rosterDaySchema }), response: rosterDaySchema },
  /** The signed-in agent is the page's outgoing agent; nothing is signed yet. */
  handoverSaveDraft: { request: z.strictObject({ page: handoverPageSchema }), response: z.object({ pageId: z.string() }) },
  /** Refused while an open ticket the agent owns is missing from the page (nothing falls between shifts). */
  handoverSign: { request: z.strictObject({ page: handoverPageSchema, pin: pinSchema }), response: z.object({ pageId: z.string(), pageHash: z.string() }) },
  /**
   * The signed-in agent is the page's incoming agent; accepted tickets move to them, except one under
   * an open transfer offer (`inTransfer`): it stays with the outgoing agent until the offer is settled.
   */
  handoverAcknowledge: {
    request: z.strictObject({
      pageId: pageIdSchema,
      refused: z.array(refusedItemSchema).max(2000),
      remarks: z.string().trim().max(2000, { error: 'tooLong' }),
      pin: pinSchema,
    }),
    response: z.object({
      movedTicketIds: z.array(z.string()),
      inTransfer: z.array(z.object({ ticketId: z.string(), ticketNo: z.string(), offeredTo: z.string() })),
    }),
  },
  /** A shift lead (or supervisor) at the seat types their own number and PIN. */
  handoverWaive: {
    request: z.strictObject({ pageId: pageIdSchema, employeeNo: employeeNoSchema, pin: pinSchema, reason: reasonText }),
    response: z.null(),
  },
  handoverCountersign: {
    request: z.strictObject({ pageId: pageIdSchema, employeeNo: employeeNoSchema, pin: pinSchema }),
    response: z.object({ checkpoint: z.object({ seq: z.number(), hash: z.string() }) }),
  },
  handoverCorrect: {
    request: z.strictObject({
      pageId: pageIdSchema,
      employeeNo: employeeNoSchema,
      pin: pinSchema,
      text: z.string().trim().min(1, { error: 'required' }).max(2000, { error: 'tooLong' }),
    }),
    response: z.object({ correctionId: z.string() }),
  },
  /** Checks every signature, the chain and the checkpoints of this seat's journal. */
  handoverVerify: { request: empty, response: bookVerificationSchema },
  /** Writes an HQ bundle for the dates (China) to the seat's exports folder, or where the user chose. */
  handoverExport: {
    request: z.strictObject({ from: chinaDateSchema, to: chinaDateSchema }),
    response: z.object({ path: z.string(), entries: z.number() }),
  },
  /** Electron only: prints the page(s) to a PDF file (the preview prints from the browser). */
  handoverPrintPdf: {
    request: z.strictObject({ from: chinaDateSchema, to: chinaDateSchema }),
    response: z.object({ path: z.string() }),
  },
} as const satisfies Record<ChannelName, { request: z.ZodType; response: z.ZodType }>

export type Contract = typeof contract
export type RequestOf<K extends ChannelName> = z.infer<Contract[K]['request']>
export type ResponseOf<K extends ChannelName> = z.infer<Contract[K]['response']>

/** What the preload (Electron) and the HTTP bridge (browser preview) both put at `window.seatdesk`. */
export type SeatDeskApi = {
  [K in ChannelName]: (request: RequestOf<K>) => Promise<import('./errors').IpcResult<ResponseOf<K>>>
}
