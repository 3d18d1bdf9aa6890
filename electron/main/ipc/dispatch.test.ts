import { describe, expect, it, vi } from 'vitest'
import { channelNames } from '../../../shared/ipc/channels'
import { AppError } from '../../../shared/ipc/errors'
import { openSeatFixture } from '../demo/seatFixture'
import { channelHandlers, createDispatch, type ChannelHandlers } from './dispatch'

/** Handlers that record their calls; `signIn` throws whatever the test puts in `signInThrows`. */
function recordingHandlers() {
  const calls: string[] = []
  let signInThrows: unknown = null
  const handlers = Object.fromEntries(
    channelNames.map((channel) => [
      channel,
      async (request: unknown) => {
        calls.push(channel)
        if (channel === 'signIn' && signInThrows) throw signInThrows
        return { echoed: request }
      },
    ]),
  ) as unknown as ChannelHandlers
  return { handlers, calls, throwOnSignIn: (error: unknown) => (signInThrows = error) }
}

describe('dispatch', () => {
  it('refuses channels outside the contract, including inherited names', async () => {
    const { handlers, calls } = recordingHandlers()
    const dispatch = createDispatch(handlers, { error: vi.fn() })
    for (const channel of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'APPINFO']) {
      expect(await dispatch(channel, {}), channel).toEqual({ ok: false, error: { code: 'unknownChannel' } })
    }
    expect(await dispatch(42 as unknown as string, {})).toEqual({ ok: false, error: { code: 'unknownChannel' } })
    expect(calls).toEqual([])
  })

  it('answers validation issues with paths and never calls the handler', async () => {
    const { handlers, calls } = recordingHandlers()
    const dispatch = createDispatch(handlers, { error: vi.fn() })
    const result = await dispatch('signIn', { employeeNo: '', pin: 'abcd', extra: 1 })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('validation')
    expect(result.error.issues?.map((issue) => issue.path)).toEqual(expect.arrayContaining(['employeeNo', 'pin', '']))
    expect(calls).toEqual([])
  })

  it('passes the parsed request (trimmed by the schema) to the handler', async () => {
    const { handlers } = recordingHandlers()
    const dispatch = createDispatch(handlers, { error: vi.fn() })
    expect(await dispatch('signIn', { employeeNo: ' A001 ', pin: '1234' })).toEqual({
      ok: true,
      value: { echoed: { employeeNo: 'A001', pin: '1234' } },
    })
  })

  it('turns an AppError into its payload and anything else into internal, logged but not sent', async () => {
    const { handlers, throwOnSignIn } = recordingHandlers()
    const logger = { error: vi.fn() }
    const dispatch = createDispatch(handlers, logger)
    throwOnSignIn(new AppError('badCredentials', { remaining: 2 }))
    expect(await dispatch('signIn', { employeeNo: 'A001', pin: '1234' })).toEqual({
      ok: false,
      error: { code: 'badCredentials', params: { remaining: 2 } },
    })
    expect(logger.error).not.toHaveBeenCalled()
    const secret = new Error('ENOENT /home/agent/secret/path')
    throwOnSignIn(secret)
    const answer = await dispatch('signIn', { employeeNo: 'A001', pin: '1234' })
    expect(answer).toEqual({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(answer)).not.toContain('secret')
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('signIn'), secret)
  })

  it('binds one validated entry point per channel for the registration wrapper', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: null }))
    const entryPoints = channelHandlers(dispatch)
    expect(Object.keys(entryPoints).sort()).toEqual([...channelNames].sort())
    await entryPoints.usersList({ a: 1 })
    expect(dispatch).toHaveBeenCalledWith('usersList', { a: 1 })
  })
})

describe('services.handlers', () => {
  it('has exactly one handler per contract channel', async () => {
    const seat = await openSeatFixture({ configured: false })
    try {
      expect(Object.keys(seat.services.handlers).sort()).toEqual([...channelNames].sort())
      for (const channel of channelNames) expect(typeof seat.services.handlers[channel], channel).toBe('function')
    } finally {
      await seat.dispose()
    }
  })
})
