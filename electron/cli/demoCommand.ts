import { resolve } from 'node:path'
import type { CliOutput } from './exitCodes'
import { EXIT_OK, UsageError } from './exitCodes'

function parseDemoArgs(args: string[]): { dataDir: string; entries?: number; days?: number } {
  const [dataDir, ...rest] = args
  if (!dataDir || dataDir.startsWith('--')) throw new UsageError('demo needs a data folder')
  const options: { dataDir: string; entries?: number; days?: number } = { dataDir: resolve(dataDir) }
  for (let index = 0; index < rest.length; index += 2) {
    const [flag, value] = [rest[index], Number(rest[index + 1])]
    const minimum = flag === '--days' ? 2 : 1
    if ((flag !== '--entries' && flag !== '--days') || !Number.isSafeInteger(value) || value < minimum) {
      throw new UsageError('demo options: --entries N (a positive whole number), --days N (2 or more)')
    }
    const key = flag === '--days' ? 'days' : 'entries'
    if (options[key] !== undefined) throw new UsageError(`demo: ${flag} given twice`)
    options[key] = value
  }
  return options
}

export async function demoCommand(args: string[], output: CliOutput): Promise<number> {
  const options = parseDemoArgs(args)
  // Loaded on demand: `verify` must start fast and not depend on the demo generator's modules.
  const { createDemoSeat, DemoFolderInUseError } = await import('../main/demo/createDemoSeat')
  let demo: Awaited<ReturnType<typeof createDemoSeat>>
  try {
    demo = await createDemoSeat(options)
  } catch (error) {
    if (error instanceof DemoFolderInUseError) throw new UsageError(error.message)
    throw error
  }
  output.out(`demo seat written to ${options.dataDir}: ${demo.entries} journal entries`)
  output.out('demo accounts (employee no / name / role / PIN):')
  for (const user of demo.users) output.out(`  ${user.employeeNo.padEnd(8)} ${user.name}\t${user.role.padEnd(10)} ${user.pin}`)
  return EXIT_OK
}
