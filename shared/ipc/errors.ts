import { z } from 'zod'

// Every error main can answer with. The renderer shows `errors.<code>` from its i18n files, filled
// with `params`, so an error is always translated and always says what to do next.
export const errorCodes = [
  'validation',
  'forbiddenSender',
  'unknownChannel',
  'journalUnavailable',
  'notConfigured',
  'alreadyConfigured',
  'badCredentials',
  'userLocked',
  'userDisabled',
  'notSignedIn',
  'sessionLocked',
  'checklistPending',
  'notAllowed',
  /** Work for a shift lead or a supervisor (the handover book's HQ export). */
  'leadOrSupervisorOnly',
  'duplicateEmployeeNo',
  'unknownUser',
  'lastSupervisor',
  'cannotDisableSelf',
  'callInProgress',
  'noCallInProgress',
  'callNotHungUp',
  'invalidCallerNumber',
  'unknownOverTargetReason',
  'unknownScript',
  'scriptInvalid',
  'scriptsImportInvalid',
  /** Retiring or re-categorising the last greeting or closing script: a call always needs one. */
  'lastCallScript',
  'unknownTicket',
  /** 首问责任制: only the owner moves a ticket's status or changes its details. */
  'notTicketOwner',
  'statusMoveNotAllowed',
  'waitingOnRequired',
  'waitingOnUnchanged',
  /** Resolving with fields still missing; `issues` name them (resolutionGaps). */
  'resolutionIncomplete',
  'ticketKindChanged',
  'ticketClosed',
  'unknownCallback',
  'callbackAlreadyDone',
  'unknownTransfer',
  'transferNotForYou',
  'transferToSelf',
  'transferNotOffered',
  'ticketInTransfer',
  'ticketInvalid',
  'unknownClock',
  'stepAlreadyDone',
  'unknownPage',
  'notPageOutgoing',
  'notPageIncoming',
  'notPageLead',
  'pageAlreadySigned',
  'pageNotSigned',
  'pageNotAcknowledged',
  'pageCountersigned',
  'pageNotCountersigned',
  'handoverTicketMissing',
  'handoverTicketNotOwned',
  'unknownPageItem',
  'unknownShiftPattern',
  'printUnavailable',
  /** No bundle written: `reason` range | journalNotIntact | checkpointMismatch. */
  'exportRefused',
  'internal',
] as const
export type ErrorCode = (typeof errorCodes)[number]

export const validationIssueSchema = z.object({ path: z.string(), code: z.string(), message: z.string() })
export type ValidationIssue = z.infer<typeof validationIssueSchema>

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  issues: z.array(validationIssueSchema).optional(),
})
export type AppErrorPayload = z.infer<typeof appErrorSchema>

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorPayload }

/** Thrown by main-process services; the IPC wrapper turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params?: Record<string, string | number>,
    /** Field-level reasons, shown beside the fields (a ticket that cannot be resolved yet). */
    readonly issues?: ValidationIssue[],
  ) {
    super(params ? `${code} ${JSON.stringify(params)}` : code)
    this.name = 'AppError'
  }
  toPayload(): AppErrorPayload {
    return {
      code: this.code,
      ...(this.params ? { params: this.params } : {}),
      ...(this.issues ? { issues: this.issues } : {}),
    }
  }
}
