import { demoCommand } from './demoCommand'
import type { CliOutput } from './exitCodes'
import { EXIT_OK, EXIT_USAGE, UsageError } from './exitCodes'
import { exportCommand } from './exportCommand'
import { verifyCommand } from './verifyCommand'

interface Command {
  usage: string
  summary: string
  run(args: string[], output: CliOutput): Promise<number>
}

const commands: Record<string, Command> = {
  verify: {
    usage: 'verify DIR|BUNDLE [--seat-key BASE64]',
    summary:
      'check a journal (or a seat data folder with journal/), or an HQ export bundle file, and print its seat key; --seat-key: it must be signed by that key. Exit 0 intact, 1 tampered or wrong key, 2 torn tail only (folders)',
    run: verifyCommand,
  },
  export: {
    usage: 'export DIR --from YYYY-MM-DD --to YYYY-MM-DD [--out BUNDLE]',
    summary:
      'write the HQ export bundle of a seat data folder for those China dates: the entries, users\' keys and checkpoints, signed by the seat key (default out: DIR/exports/seatdesk-<branch>-<seat>-<from>-<to>.bundle)',
    run: exportCommand,
  },
  demo: {
    usage: 'demo DIR [--entries N] [--days N]',
    summary: 'create a demo seat with users and shift history in an empty data folder',
    run: demoCommand,
  },
}

function help(): string {
  const width = Math.max(...Object.values(commands).map((command) => command.usage.length))
  return [
    'usage: npm run journal -- <command> [arguments]',
    '',
    ...Object.values(commands).map((command) => `  ${command.usage.padEnd(width)}  ${command.summary}`),
    '',
    `exit codes: 0 ok, 1 tampered or corrupt, 2 torn tail only (recoverable), ${EXIT_USAGE} usage error`,
  ].join('\n')
}

export async function runJournalCli(argv: string[], output: CliOutput): Promise<number> {
  const [name, ...args] = argv
  if (name === '--help' || name === '-h' || name === 'help') {
    output.out(help())
    return EXIT_OK
  }
  const command = name === undefined ? undefined : commands[name]
  if (!command) {
    output.err(name === undefined ? 'missing command' : `unknown command: ${name}`)
    output.err(help())
    return EXIT_USAGE
  }
  try {
    return await command.run(args, output)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    output.err(`${error.message}\nusage: npm run journal -- ${command.usage}`)
    return EXIT_USAGE
  }
}
