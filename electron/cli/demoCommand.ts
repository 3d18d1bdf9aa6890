import { resolve } from 'node:path'
import type { CliOutput } from './exitCodes'
import { EXIT_OK, UsageError } from './exitCodes'

function parseDemoArgs(args: string[]): { dataDir: string; entries?: number } {
  const [dataDir, ...rest] = args
  if (!dataDir || dataDir.startsWith('--')) throw new UsageError('demo needs a data folder')
  if (rest.length === 0) return { dataDir: resolve(dataDir) }
  const [flag, value, ...extra] = rest
  const entries = Number(value)
  if (flag !== '--entries' || !Number.isSafeInteger(entries) || entries < 1 || extra.length > 0) {
    throw new UsageError('demo options: --entries N (a positive whole number)')
  }
  return { dataDir: resolve(dataDir), entries }
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
