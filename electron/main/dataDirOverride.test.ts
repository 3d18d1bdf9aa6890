import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dataDirOverride } from './dataDirOverride'

describe('dataDirOverride', () => {
  it('reads --user-data-dir=DIR and --user-data-dir DIR', () => {
    expect(dataDirOverride(['electron', 'out/main/index.js', '--user-data-dir=/tmp/a'], {})).toBe('/tmp/a')
    expect(dataDirOverride(['electron', '--user-data-dir', '/tmp/b'], {})).toBe('/tmp/b')
  })

  it('falls back to SEATDESK_DATA_DIR, made absolute', () => {
    expect(dataDirOverride(['electron'], { SEATDESK_DATA_DIR: 'rel/dir' })).toBe(resolve('rel/dir'))
  })

  it('prefers the command line to the environment', () => {
    expect(dataDirOverride(['--user-data-dir=/tmp/cli'], { SEATDESK_DATA_DIR: '/tmp/env' })).toBe('/tmp/cli')
  })

  it('is null when nothing (or an empty value) is given', () => {
    expect(dataDirOverride(['electron', 'out/main/index.js'], {})).toBeNull()
    expect(dataDirOverride(['--user-data-dir='], { SEATDESK_DATA_DIR: ' ' })).toBeNull()
    expect(dataDirOverride(['--user-data-dir'], {})).toBeNull()
  })
})
