import { z } from 'zod'
import { scriptRefSchema } from './scripts'

// A call's life (来电接待): answered → talking → hung up → wrap-up (整理) → completed. Handling time is
// answer to wrap-up done. Each step is a journal entry; `call.completed` carries the whole record.
export const callerNumberSchema = z.strictObject({
  kind: z.enum(['mobile', 'fixedLine', 'businessHotline', 'serviceShortCode']),
  /** E.164, or the digits of a service short code. */
  stored: z.string().max(20),
})
export type CallerNumber = z.infer<typeof callerNumberSchema>

export const callIdSchema = z.string().min(1).max(64)

export const callRecordSchema = z.strictObject({
  callId: callIdSchema,
  sessionId: z.string().max(64),
  employeeNo: z.string().max(16),
  answeredAt: z.string().max(40),
  hungUpAt: z.string().max(40),
  completedAt: z.string().max(40),
  handlingMs: z.number().int().nonnegative(),
  targetSeconds: z.number().int().positive(),
  overTarget: z.boolean(),
  overTargetReason: z.string().max(40).nullable(),
  greetingSaid: z.boolean(),
  closingSaid: z.boolean(),
  callerNumber: callerNumberSchema.nullable(),
  customerName: z.string().max(40).nullable(),
  notes: z.string().max(2000),
  scriptsShown: z.array(scriptRefSchema).max(200),
  /**
   * True when the seat closed the call because its session was signed out from the lock screen (the
   * agent never finished wrap-up): handling time then runs to the sign-out, so reports can leave it out.
   */
  closedAtSignOut: z.boolean().optional(),
})
export type CallRecord = z.infer<typeof callRecordSchema>

export const callViewSchema = z.object({
  callId: z.string(),
  state: z.enum(['talking', 'wrapUp']),
  employeeNo: z.string(),
  answeredAt: z.string(),
  hungUpAt: z.string().nullable(),
  greetingSaidAt: z.string().nullable(),
  closingSaidAt: z.string().nullable(),
  callerNumber: callerNumberSchema.nullable(),
  customerName: z.string().nullable(),
  notes: z.string(),
  scriptsShown: z.array(scriptRefSchema),
  /** The target in force when the call was answered: a settings change mid-call does not move it. */
  targetSeconds: z.number(),
  warningSeconds: z.number(),
})
export type CallView = z.infer<typeof callViewSchema>
