import { describe, expect, it } from 'vitest'
import { parsePreviewArgs } from './cliArgs'

describe('parsePreviewArgs', () => {
  it('defaults to a temporary folder, a free port and no demo', () => {
    expect(parsePreviewArgs([])).toEqual({ demo: false, dataDir: null, port: 0 })
  })

  it('reads --demo, --data and --port in either form', () => {
    expect(parsePreviewArgs(['--demo', '--data', '/tmp/seat', '--port', '5180'])).toEqual({
      demo: true,
      dataDir: '/tmp/seat',
      port: 5180,
    })
    expect(parsePreviewArgs(['--data=/tmp/x', '--port=8080'])).toEqual({ demo: false, dataDir: '/tmp/x', port: 8080 })
  })

  it.each([['--port', 'abc'], ['--port', '0'], ['--port', '70000'], ['--port=-1'], ['--data'], ['--bogus'], ['--demo=yes']])(
    'rejects %s with a usage message',
    (...argv) => {
      expect(() => parsePreviewArgs(argv)).toThrow(/port|needs a value|Unknown argument/)
    },
  )
})
