import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parsePreviewArgs } from './cliArgs'
import { startPreviewServer, type PreviewServer } from './previewServer'

// `npm run start:browser`: the app in a browser where no Electron binary can be had. Prints the
// address to open; with SEATDESK_PREVIEW_READY_FILE set it also writes {url, token, port, dataDir}
// there as JSON once listening, for scripts that start it in the background.

export { startPreviewServer } from './previewServer'
export type { PreviewServer, PreviewServerOptions } from './previewServer'

export const readyFileEnvName = 'SEATDESK_PREVIEW_READY_FILE'

async function main(argv: readonly string[]): Promise<void> {
  const options = parsePreviewArgs(argv)
  const dataDir = options.dataDir ? resolve(options.dataDir) : await mkdtemp(join(tmpdir(), 'seatdesk-preview-'))
  const preview = await startPreviewServer({ dataDir, port: options.port, demo: options.demo })
  printBanner(preview, options.demo)
  const readyFile = process.env[readyFileEnvName]
  if (readyFile) {
    const { url, token, port } = preview
    await writeFile(readyFile, JSON.stringify({ url, token, port, dataDir }))
  }
  closeOnSignals(preview)
}

function printBanner(preview: PreviewServer, demoRequested: boolean): void {
  const lines = [`SeatDesk browser preview: ${preview.url}`, `Data folder: ${preview.dataDir}`]
  if (preview.demoAccounts) {
    lines.push('Demo accounts (employee no · name · role · PIN):')
    for (const account of preview.demoAccounts) {
      lines.push(`  ${account.employeeNo} · ${account.name} · ${account.role} · ${account.pin}`)
    }
  } else if (demoRequested) {
    lines.push('--demo: the data folder is not empty, so no demo seat was created; it opens as it is.')
  }
  lines.push('Open the address in Chrome or Chromium. Ctrl+C stops the preview.')
  console.log(lines.join('\n'))
}

function closeOnSignals(preview: PreviewServer): void {
  const stop = (signal: NodeJS.Signals) => {
    console.log(`\n${signal}: closing the preview…`)
    preview.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

// Run as a script (tsx electron/preview/server.ts), not when imported for startPreviewServer.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
