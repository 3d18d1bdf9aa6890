/** The entry cannot be written (bad kind, payload, actor or chain rule); nothing was written. */
export class InvalidEntryError extends Error {
  override name = 'InvalidEntryError'
}

/**
 * A write or fsync failed. The journal stops: an append that cannot be made durable must never be
 * acknowledged, and later entries must not be chained onto bytes whose state on disk is unknown.
 * The entry whose write failed may or may not be present after a restart.
 */
export class JournalFailedError extends Error {
  override name = 'JournalFailedError'
  constructor(readonly causeError: unknown) {
    super(`journal stopped after a failed write: ${causeError instanceof Error ? causeError.message : String(causeError)}`)
  }
}

export class JournalClosedError extends Error {
  override name = 'JournalClosedError'
  constructor() {
    super('journal is closed')
  }
}
