import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { isChinaDate } from '../../shared/domain/tickets/chinaTime'
import type { CliOutput } from './exitCodes'
import { EXIT_CORRUPT, EXIT_OK, UsageError } from './exitCodes'

interface ExportArgs {
  dataDir: string
  from: string
  to: string
  out?: string
}

function parseExportArgs(args: string[]): ExportArgs {
  let dataDir: string | undefined
  const flags: Record<'--from' | '--to' | '--out', string | undefined> = { '--from': undefined, '--to': undefined, '--out': undefined }
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string
    if (arg in flags) {
      const value = args[++index]
      if (value === undefined || flags[arg as keyof typeof flags] !== undefined) throw new UsageError(`${arg} takes one value`)
      flags[arg as keyof typeof flags] = value
    } else if (dataDir === undefined && !arg.startsWith('--')) {
      dataDir = arg
    } else {
      throw new UsageError(`unexpected argument: ${arg}`)
    }
  }
  const { '--from': from, '--to': to, '--out': out } = flags
  if (dataDir === undefined) throw new UsageError('export needs the seat data folder')
  if (from === undefined || to === undefined || !isChinaDate(from) || !isChinaDate(to)) throw new UsageError('--from and --to are dates YYYY-MM-DD (China dates)')
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`)
  const folder = resolve(dataDir)
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`no such folder: ${dataDir}`)
  return out === undefined ? { dataDir: folder, from, to } : { dataDir: folder, from, to, out: resolve(out) }
}

export async function exportCommand(args: string[], output: CliOutput): Promise<number> {
  const options = parseExportArgs(args)
  // Loaded on demand, like `demo`: `verify` must not pay for the export's imports.
  const { exportBundle, JournalNotIntactError, CheckpointMismatchError, SeatKeyMissingError } = await import('../main/handover/export/exportBundle')
  const { SeatKeyLockedError } = await import('../main/keys/seatKey')
  const { systemClock } = await import('../main/clock')
  try {
    const result = await exportBundle({
      dataDir: options.dataDir,
      from: options.from,
      to: options.to,
      clock: systemClock,
      ...(options.out === undefined ? {} : { outPath: options.out }),
    })
    output.out(`bundle written to ${result.path}: ${result.entries} journal entries from ${options.from} to ${options.to}`)
    return EXIT_OK
  } catch (error) {
    if (error instanceof JournalNotIntactError || error instanceof CheckpointMismatchError) {
      output.out(`NOT EXPORTED: ${error.message}. Nothing was written; run verify on this folder and hand it to support.`)
      return EXIT_CORRUPT
    }
    if (error instanceof SeatKeyMissingError) throw new UsageError(`not a seat data folder with its key: ${error.message}`)
    if (error instanceof SeatKeyLockedError) {
      output.out(`NOT EXPORTED: ${error.message}. Export from the SeatDesk app on this seat instead.`)
      return EXIT_CORRUPT
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`no seat data in ${options.dataDir}: ${(error as Error).message}`)
    throw error
  }
}
