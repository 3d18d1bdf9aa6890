// `npm run journal -- <command>`: runs under plain Node (tsx), never Electron, so support can check a
// seat's journal on any machine.
import { runJournalCli } from './journalCli'

process.exitCode = await runJournalCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
})
