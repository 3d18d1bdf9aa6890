import { z } from 'zod'
import { callerNumberSchema, callIdSchema, callRecordSchema } from '../domain/calls'
import { callSettingsSchema } from '../domain/callSettings'
import { checklistItemsSchema } from '../domain/checklist'
import { publishedScriptSchema, scriptRefSchema } from '../domain/scripts'
import { roleSchema } from '../domain/roles'
import { settingsSchema } from '../domain/settings'
import { checkpointSchema, handoverPageSchema, refusedItemSchema } from '../domain/handover/page'
import { rosterDaySchema, shiftSettingsSchema } from '../domain/handover/shifts'
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

// Every kind of journal entry with its payload schema. Main writes only these; the renderer's
// projection and the CLI verifier read them. Later features add kinds here, never change old ones.
const employeeNo = z.string().max(16)
const base64Key = z.string().max(128)
const ticketId = z.string().max(64)
/** The call in progress when a ticket was opened or changed (the call record lists its tickets). */
const duringCall = callIdSchema.nullable()

/** A personal signature: the user's Ed25519 key (unlocked by their PIN) over `attestedBytes(...)`. */
export const attestationSchema = z.strictObject({ employeeNo, sig: z.string().max(128) })
export type Attestation = z.infer<typeof attestationSchema>

export const entryPayloads = {
  'seat.created': z.strictObject({
    seatId: z.string().max(64),
    companyName: z.string().max(60),
    branchCode: z.string().max(8),
    seatNumber: z.string().max(8),
    seatPublicKey: base64Key,
    keyProtection: z.enum(['safeStorage', 'unprotected']),
  }),
  'user.added': z.strictObject({
    employeeNo,
    name: z.string().max(40),
    role: roleSchema,
    publicKey: base64Key,
  }),
  'user.disabled': z.strictObject({ employeeNo }),
  'user.enabled': z.strictObject({ employeeNo }),
  /** A PIN reset by a supervisor gives the user a new key pair; old signatures stay valid under the old key. */
  'user.keyRotated': z.strictObject({ employeeNo, publicKey: base64Key }),
  'user.lockedOut': z.strictObject({ employeeNo, until: z.string().max(40), failedAttempts: z.number().int() }),
  'settings.changed': z.strictObject({ settings: settingsSchema }),
  'session.signedIn': z.strictObject({ sessionId: z.string().max(64), employeeNo, attestation: attestationSchema }),
  'session.checklistConfirmed': z.strictObject({
    sessionId: z.string().max(64),
    items: checklistItemsSchema,
    attestation: attestationSchema,
  }),
  'session.locked': z.strictObject({ sessionId: z.string().max(64), reason: z.enum(['idle', 'manual', 'restart']) }),
  'session.unlocked': z.strictObject({ sessionId: z.string().max(64) }),
  'session.signedOut': z.strictObject({ sessionId: z.string().max(64), reason: z.enum(['user', 'replaced', 'disabled']) }),
  'callSettings.changed': z.strictObject({ settings: callSettingsSchema }),
  /** Every publish is a new version; calls record which versions they showed. */
  'script.published': z.strictObject({ script: publishedScriptSchema }),
  'script.retired': z.strictObject({ scriptId: z.string().max(64), version: z.number().int().positive() }),
  'call.answered': z.strictObject({
    callId: callIdSchema,
    sessionId: z.string().max(64),
    employeeNo,
    targetSeconds: z.number().int().positive(),
    warningSeconds: z.number().int().positive(),
  }),
  'call.detailsUpdated': z.strictObject({
    callId: callIdSchema,
    callerNumber: callerNumberSchema.nullable(),
    customerName: z.string().max(40).nullable(),
    notes: z.string().max(2000),
  }),
  'call.scriptShown': z.strictObject({ callId: callIdSchema, script: scriptRefSchema }),
  'call.greetingSaid': z.strictObject({ callId: callIdSchema }),
  'call.closingSaid': z.strictObject({ callId: callIdSchema }),
  'call.hungUp': z.strictObject({ callId: callIdSchema }),
  /** Wrap-up done: the call record (000 rule 6: every call goes in the business book). */
  'call.completed': z.strictObject({ record: callRecordSchema }),
  /** 首问责任制: the agent who opens a ticket owns it. `details` passed the kind's schema. */
  'ticket.opened': z.strictObject({
    ticketId,
    ticketNo: z.string().max(40),
    owner: employeeNo,
    details: ticketDetailsSchema,
    callId: duringCall,
  }),
  'ticket.detailsUpdated': z.strictObject({ ticketId, details: ticketDetailsSchema, callId: duringCall }),
  'ticket.statusChanged': z.strictObject({
    ticketId,
    status: ticketStatusSchema,
    waitingOn: waitingOnSchema.nullable(),
    note: z.string().max(500),
    callId: duringCall,
  }),
  'ticket.noteAdded': z.strictObject({ ticketId, noteId: z.string().max(64), text: z.string().max(2000), callId: duringCall }),
  'ticket.callbackScheduled': z.strictObject({ ticketId, callbackId: z.string().max(64), dueAt: instantSchema, note: z.string().max(500), callId: duringCall }),
  'ticket.callbackDone': z.strictObject({
    ticketId,
    callbackId: z.string().max(64),
    outcome: callbackOutcomeSchema,
    note: z.string().max(500),
    callId: duringCall,
  }),
  /** The owner met one of the ticket's clocks (the apology letter went out): it no longer falls due. */
  'ticket.stepDone': z.strictObject({ ticketId, clockId: z.string().max(60), note: z.string().max(500), callId: duringCall }),
  /** Anyone may escalate; the owner stays the owner and is told. */
  'ticket.escalated': z.strictObject({ ticketId, to: escalationTargetSchema, reason: z.string().max(500), callId: duringCall }),
  /** Ownership moves only when the receiving user accepts with their PIN (`ticket.transferAccepted`). */
  'ticket.transferOffered': z.strictObject({
    transferId: z.string().max(64),
    ticketIds: z.array(ticketId).min(1).max(500),
    from: employeeNo,
    to: employeeNo,
    reason: z.string().max(500),
  }),
  /** The offer's terms again, signed by the receiving user with their PIN, so the entry proves itself. */
  'ticket.transferAccepted': z.strictObject({
    transferId: z.string().max(64),
    ticketIds: z.array(ticketId).min(1).max(500),
    from: employeeNo,
    to: employeeNo,
    attestation: attestationSchema,
  }),
  'ticket.transferDeclined': z.strictObject({ transferId: z.string().max(64), reason: z.string().max(500) }),
  'ticket.transferCancelled': z.strictObject({ transferId: z.string().max(64) }),
  /** The customer archive, keyed by phone; a later save replaces the earlier one. */
  'customer.saved': z.strictObject({ customer: customerSchema }),
  /** An agent saw a customer's full number (001 r3: the archive is never leaked — so who looked is kept). */
  'customer.phoneRevealed': z.strictObject({ phone: phoneSchema, context: revealContextSchema, ticketId: ticketId.nullable() }),
  'deadlineSettings.changed': z.strictObject({ settings: deadlineSettingsSchema }),
  'workingCalendar.changed': z.strictObject({ settings: workingDayCalendarSettingsSchema }),
  /** Issue 5: supervisor-defined shift patterns and the duty rule (000 r3). */
  'shiftSettings.changed': z.strictObject({ settings: shiftSettingsSchema }),
  /** Who works which shift on a day, the lead of each, the duty person; a later entry for the date replaces it. */
  'roster.changed': z.strictObject({ day: rosterDaySchema }),
  /** The outgoing agent's saved draft of a handover page; a later draft of the page replaces it. */
  'handover.drafted': z.strictObject({ page: handoverPageSchema }),
  /** Signed by the outgoing agent with their PIN; `pageHash` is sha256 of the page's canonical JSON. */
  'handover.signed': z.strictObject({ page: handoverPageSchema, pageHash: z.string().max(64), attestation: attestationSchema }),
  /** The incoming agent accepts the items not refused, with their PIN. */
  'handover.acknowledged': z.strictObject({
    pageId: z.string().max(64),
    pageHash: z.string().max(64),
    refused: z.array(refusedItemSchema).max(2000),
    remarks: z.string().max(2000),
    attestation: attestationSchema,
  }),
  /** First-contact responsibility never lapses: the accepted tickets move to the incoming agent, citing the page. */
  'ticket.handedOver': z.strictObject({
    pageId: z.string().max(64),
    ticketIds: z.array(ticketId).min(1).max(500),
    from: employeeNo,
    to: employeeNo,
  }),
  /** A shift lead excuses the incoming agent from acknowledging a page first, with a written reason. */
  'handover.waived': z.strictObject({ pageId: z.string().max(64), incoming: employeeNo, reason: z.string().max(500), attestation: attestationSchema }),
  /** The lead's countersignature, with the journal position it vouches for (signed by the seat as every entry is). */
  'handover.countersigned': z.strictObject({
    pageId: z.string().max(64),
    pageHash: z.string().max(64),
    checkpoint: checkpointSchema,
    attestation: attestationSchema,
  }),
  /** A countersigned page never changes; a mistake is corrected by an entry that cites it. */
  'handover.corrected': z.strictObject({
    pageId: z.string().max(64),
    correctionId: z.string().max(64),
    text: z.string().max(2000),
    attestation: attestationSchema,
  }),
  /** Written on open when a torn last line (a write the crash interrupted, never acknowledged) was set aside. */
  'journal.recovered': z.strictObject({
    quarantineFile: z.string().max(260),
    bytes: z.number().int().nonnegative(),
    sha256: z.string().max(64),
  }),
} as const

export type EntryKind = keyof typeof entryPayloads
export type EntryPayload<K extends EntryKind> = z.infer<(typeof entryPayloads)[K]>
export const entryKinds = Object.keys(entryPayloads) as EntryKind[]

export function isEntryKind(kind: string): kind is EntryKind {
  return Object.hasOwn(entryPayloads, kind)
}
