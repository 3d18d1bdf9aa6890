// `npm run journal -- verify` exit codes (issue: 0 intact, 1 tampered, 2 torn tail only, 64 usage).
export const EXIT_OK = 0
export const EXIT_CORRUPT = 1
export const EXIT_TORN = 2
/** EX_USAGE from sysexits.h. */
export const EXIT_USAGE = 64

export class UsageError extends Error {
  override name = 'UsageError'
}

export interface CliOutput {
  out(line: string): void
  err(line: string): void
}
