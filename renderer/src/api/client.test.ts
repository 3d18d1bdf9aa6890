import { fakeApi, fail, ok } from '../testing/fakeApi'
import { bridgeToken, createBridgeApi } from './bridge'
import { ApiError, call, installApi, onJournalMayHaveChanged } from './client'

describe('API client', () => {
  it('returns the value, or throws a typed ApiError with the params', async () => {
    installApi(fakeApi({ appInfo: async () => ok({ version: '0.1.0', runtime: 'electron' as const }) }))
    await expect(call('appInfo', {})).resolves.toEqual({ version: '0.1.0', runtime: 'electron' })

    installApi(fakeApi({ signIn: async () => fail('badCredentials', { remainingAttempts: 3 }) }))
    const error = await call('signIn', { employeeNo: 'E001', pin: '1111' }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'badCredentials', params: { remainingAttempts: 3 } })
  })

  it('tells the projection after calls that write to the journal, not after reads', async () => {
    const listener = vi.fn()
    const stop = onJournalMayHaveChanged(listener)
    installApi(fakeApi({ usersList: async () => ok([]), signOut: async () => ok(null) }))
    await call('usersList', {})
    expect(listener).not.toHaveBeenCalled()
    await call('signOut', {})
    expect(listener).toHaveBeenCalledTimes(1)
    stop()
  })

  it('keeps the preview token for the tab so a reload without ?token= still works', () => {
    window.sessionStorage.clear()
    expect(bridgeToken({ search: '?token=XYZ' }, window.sessionStorage)).toBe('XYZ')
    expect(bridgeToken({ search: '' }, window.sessionStorage)).toBe('XYZ')
  })

  it('posts each channel to /ipc/<channel> with the token, and turns a dead server into "internal"', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: null }))) as unknown as typeof fetch
    const bridge = createBridgeApi('XYZ', fetchImpl)
    await expect(bridge.signOut({})).resolves.toEqual({ ok: true, value: null })
    expect(fetchImpl).toHaveBeenCalledWith('./ipc/signOut', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-seatdesk-token': 'XYZ' },
      body: '{}',
    })

    const down = createBridgeApi('XYZ', (async () => {
      throw new TypeError('Failed to fetch')
    }) as typeof fetch)
    await expect(down.seatStatus({})).resolves.toEqual({ ok: false, error: { code: 'internal', params: { reason: 'unreachable' } } })
  })
})
