import type { z } from 'zod'
import { channelNames, type ChannelName } from '../../../shared/ipc/channels'
import { contract, type RequestOf, type ResponseOf } from '../../../shared/ipc/contract'
import { AppError, type IpcResult, type ValidationIssue } from '../../../shared/ipc/errors'

// The one road from an untrusted payload to a service: channel known → request parsed by the
// contract's strict schema → handler. Nothing runs before the payload has passed, and nothing but an
// IpcResult comes out: AppErrors become their payload, anything else `internal` (logged here, never
// sent, so no stack trace or path reaches the renderer).

/** One handler per contract channel; a missing channel is a compile error. */
export type ChannelHandlers = { [K in ChannelName]: (request: RequestOf<K>) => Promise<ResponseOf<K>> }

export type Dispatch = (channel: string, payload: unknown) => Promise<IpcResult<unknown>>

/** What the Electron wrapper and the browser bridge register: a validated entry point per channel. */
export type ChannelEntryPoints = Record<ChannelName, (payload: unknown) => Promise<IpcResult<unknown>>>

export interface DispatchLogger {
  error(message: string, error: unknown): void
}

/** Bounds the answer to a hostile payload: the first issues say enough to fix a form. */
const MAX_ISSUES = 20

export function isChannelName(name: string): name is ChannelName {
  return (channelNames as readonly string[]).includes(name)
}

export function createDispatch(handlers: ChannelHandlers, logger: DispatchLogger): Dispatch {
  return async (channel, payload) => {
    if (typeof channel !== 'string' || !isChannelName(channel)) return failure(new AppError('unknownChannel'))
    try {
      const parsed = contract[channel].request.safeParse(payload)
      if (!parsed.success) return { ok: false, error: { code: 'validation', issues: validationIssues(parsed.error) } }
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>
      return { ok: true, value: await handler(parsed.data) }
    } catch (error) {
      if (error instanceof AppError) return failure(error)
      logger.error(`SeatDesk: ${channel} failed`, error)
      return failure(new AppError('internal'))
    }
  }
}

/** `dispatch` bound to each channel, for a registration loop that must cover every channel once. */
export function channelHandlers(dispatch: Dispatch): ChannelEntryPoints {
  return Object.fromEntries(
    channelNames.map((channel) => [channel, (payload: unknown) => dispatch(channel, payload)]),
  ) as ChannelEntryPoints
}

export function validationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
  }))
}

function failure(error: AppError): IpcResult<never> {
  return { ok: false, error: error.toPayload() }
}
