import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { verifyJournalDirectory } from '../main/journal/verifyJournalDirectory'
import type { CliOutput } from './exitCodes'
import { EXIT_CORRUPT, EXIT_OK, EXIT_TORN, UsageError } from './exitCodes'

/** A seat data folder holds the journal in `journal/`; support may also hand over the journal folder itself. */
export function findJournalFolder(folder: string): string {
  const path = resolve(folder)
  if (!existsSync(path) || !statSync(path).isDirectory()) throw new UsageError(`no such folder: ${folder}`)
  const nested = join(path, 'journal')
  const candidate = existsSync(nested) && statSync(nested).isDirectory() ? nested : path
  if (!readdirSync(candidate).some((name) => name.startsWith('segment-'))) {
    throw new UsageError(`no journal in ${folder}: expected segment-*.ndjson files in it or in its journal/ folder`)
  }
  return candidate
}

export async function verifyCommand(args: string[], output: CliOutput): Promise<number> {
  const [folder, ...extra] = args
  if (!folder || extra.length > 0) throw new UsageError('verify takes exactly one folder')
  const directory = findJournalFolder(folder)
  const report = await verifyJournalDirectory(directory)
  output.out(`journal: ${directory}`)
  switch (report.status) {
    case 'intact':
      output.out(`intact: ${report.entries} entries, head seq ${report.head.seq} hash ${report.head.hash}`)
      return EXIT_OK
    case 'torn':
      output.out(`torn tail: ${report.entries} entries intact (head seq ${report.head.seq} hash ${report.head.hash})`)
      output.out(`the last line of ${report.torn?.file} is incomplete (${report.torn?.bytes} bytes): a write interrupted by a crash, never acknowledged.`)
      output.out('SeatDesk will set it aside in quarantine/ and continue on its next start.')
      return EXIT_TORN
    case 'corrupt': {
      const bad = report.firstBad
      output.out(`TAMPERED OR CORRUPT: first bad entry ${bad?.seq === null || bad?.seq === undefined ? '(unnumbered line)' : `seq ${bad.seq}`}`)
      output.out(`  why:   ${bad?.reason}`)
      output.out(`  where: ${bad?.file}${bad?.line ? `, line ${bad.line}` : ''}`)
      output.out(`  ${report.entries} entries before it verify. Nothing was changed; hand this folder to support.`)
      return EXIT_CORRUPT
    }
  }
}
