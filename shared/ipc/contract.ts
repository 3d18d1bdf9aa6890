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
} as const satisfies Record<ChannelName, { request: z.ZodType; response: z.ZodType }>

export type Contract = typeof contract
export type RequestOf<K extends ChannelName> = z.infer<Contract[K]['request']>
export type ResponseOf<K extends ChannelName> = z.infer<Contract[K]['response']>

/** What the preload (Electron) and the HTTP bridge (browser preview) both put at `window.seatdesk`. */
export type SeatDeskApi = {
  [K in ChannelName]: (request: RequestOf<K>) => Promise<import('./errors').IpcResult<ResponseOf<K>>>
}
