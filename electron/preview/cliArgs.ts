// `npm run start:browser -- [--demo] [--data DIR] [--port N]`

export interface PreviewCliOptions {
  demo: boolean
  /** null: a fresh temporary folder for this run. */
  dataDir: string | null
  /** 0: a free port chosen by the system. */
  port: number
}

export const previewUsage = 'Usage: npm run start:browser -- [--demo] [--data DIR] [--port N]'

export function parsePreviewArgs(argv: readonly string[]): PreviewCliOptions {
  const options: PreviewCliOptions = { demo: false, dataDir: null, port: 0 }
  for (let index = 0; index < argv.length; index++) {
    const [flag = '', inlineValue] = splitFlag(argv[index] ?? '')
    const value = () => {
      const next = inlineValue ?? argv[++index]
      if (next === undefined || next === '') throw new Error(`${flag} needs a value. ${previewUsage}`)
      return next
    }
    if (flag === '--demo' && inlineValue === undefined) options.demo = true
    else if (flag === '--data') options.dataDir = value()
    else if (flag === '--port') options.port = parsePort(value())
    else throw new Error(`Unknown argument ${argv[index]}. ${previewUsage}`)
  }
  return options
}

function splitFlag(arg: string): [string, string | undefined] {
  const equals = arg.indexOf('=')
  return equals === -1 ? [arg, undefined] : [arg.slice(0, equals), arg.slice(equals + 1)]
}

function parsePort(text: string): number {
  const port = Number(text)
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) throw new Error(`--port must be 1 to 65535, not ${text}.`)
  return port
}
