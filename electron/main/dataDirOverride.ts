import { resolve } from 'node:path'

// Tests and support staff start the app on a chosen data folder: `--user-data-dir=DIR` (Chromium's own
// switch name, so one flag moves both Chromium's profile and our journal) or SEATDESK_DATA_DIR.

export const dataDirEnvName = 'SEATDESK_DATA_DIR'

export function dataDirOverride(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): string | null {
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? ''
    if (arg.startsWith('--user-data-dir=')) return nonEmptyPath(arg.slice('--user-data-dir='.length))
    if (arg === '--user-data-dir') return nonEmptyPath(argv[index + 1])
  }
  return nonEmptyPath(env[dataDirEnvName])
}

function nonEmptyPath(value: string | undefined): string | null {
  return value && value.trim() !== '' ? resolve(value) : null
}
