import { z } from 'zod'
import { callerNumberSchema, callIdSchema, callRecordSchema } from '../domain/calls'
import { callSettingsSchema } from '../domain/callSettings'
import { checklistItemsSchema } from '../domain/checklist'
import { publishedScriptSchema, scriptRefSchema } from '../domain/scripts'
import { roleSchema } from '../domain/roles'
import { settingsSchema } from '../domain/settings'

// Every kind of journal entry with its payload schema. Main writes only these; the renderer's
// projection and the CLI verifier read them. Later features add kinds here, never change old ones.
const employeeNo = z.string().max(16)
const base64Key = z.string().max(128)

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
