import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { channelNames, ipcChannel } from '../../../shared/ipc/channels'
import type { IpcResult } from '../../../shared/ipc/errors'
import { trustedOrigins } from '../security/appOrigin'
import { registerContractHandlers, type Dispatch, type IpcHandlerRegistry } from './register'
import { createSenderCheck, type SenderEvent } from './senderFrame'

type Listener = Parameters<IpcHandlerRegistry['handle']>[1]

/** Records registrations the way ipcMain keeps them: one listener per channel string. */
function fakeIpcMain() {
  const registrations: string[] = []
  const listeners = new Map<string, Listener>()
  const registry: IpcHandlerRegistry = {
    handle: (channel, listener) => {
      registrations.push(channel)
      listeners.set(channel, listener)
    },
    removeHandler: (channel) => listeners.delete(channel),
  }
  const invoke = (channel: string, event: SenderEvent, payload: unknown) => {
    const listener = listeners.get(channel)
    if (!listener) throw new Error(`No handler for ${channel}`)
    return listener(event, payload)
  }
  return { registry, registrations, listeners, invoke }
}

const appFrame = { senderFrame: { parent: null, url: 'app://seatdesk/index.html' } }
const answer: IpcResult<unknown> = { ok: true, value: { version: '0.1.0' } }

function setUp() {
  const ipc = fakeIpcMain()
  const dispatch = vi.fn<Dispatch>(async () => answer)
  const unregister = registerContractHandlers(ipc.registry, dispatch, createSenderCheck(trustedOrigins(undefined)))
  return { ...ipc, dispatch, unregister }
}

const forgedSenders: Array<[string, SenderEvent]> = [
  ['a subframe of the app', { senderFrame: { parent: appFrame.senderFrame, url: 'app://seatdesk/index.html' } }],
  ['a file:// page', { senderFrame: { parent: null, url: 'file:///app/out/renderer/index.html' } }],
  ['another website', { senderFrame: { parent: null, url: 'https://evil.example/' } }],
  ['another app:// host', { senderFrame: { parent: null, url: 'app://other-host/index.html' } }],
  ['a local web server', { senderFrame: { parent: null, url: 'http://127.0.0.1/' } }],
  ['a destroyed frame', { senderFrame: null }],
  ['no frame at all', { senderFrame: undefined }],
]

describe('registerContractHandlers', () => {
  it('registers every contract channel exactly once', () => {
    const { registrations } = setUp()
    expect(registrations).toHaveLength(channelNames.length)
    for (const name of channelNames) {
      expect(registrations.filter((channel) => channel === ipcChannel(name)), name).toHaveLength(1)
    }
  })

  it('passes a trusted call to dispatch with its channel name and payload', async () => {
    const { invoke, dispatch } = setUp()
    const payload = { employeeNo: 'A001', pin: '1234' }
    await expect(invoke(ipcChannel('signIn'), appFrame, payload)).resolves.toEqual(answer)
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('signIn', payload)
  })

  it.each(forgedSenders)('refuses %s on every channel without dispatching', async (_label, event) => {
    const { invoke, dispatch } = setUp()
    for (const name of channelNames) {
      await expect(invoke(ipcChannel(name), event, {})).resolves.toEqual({ ok: false, error: { code: 'forbiddenSender' } })
    }
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('refuses generated forged top-frame URLs without dispatching', async () => {
    const { invoke, dispatch } = setUp()
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
          fc.tuple(fc.constantFrom('app', 'file', 'http', 'https'), fc.domain(), fc.webPath()).map(
            ([scheme, host, path]) => `${scheme}://${host}${path}`,
          ),
        ),
        fc.constantFrom(...channelNames),
        async (url, name) => {
          fc.pre(!url.startsWith('app://seatdesk/'))
          const result = await invoke(ipcChannel(name), { senderFrame: { parent: null, url } }, {})
          return !result.ok && result.error.code === 'forbiddenSender'
        },
      ),
      { numRuns: 500 },
    )
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('answers internal, not the exception, when dispatch throws', async () => {
    const ipc = fakeIpcMain()
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    registerContractHandlers(ipc.registry, async () => Promise.reject(new Error('secret path /home/x')), () => true)
    await expect(ipc.invoke(ipcChannel('appInfo'), appFrame, {})).resolves.toEqual({
      ok: false,
      error: { code: 'internal' },
    })
    expect(consoleError).toHaveBeenCalled()
    consoleError.mockRestore()
  })

  it('removes every handler it registered', () => {
    const { unregister, listeners } = setUp()
    unregister()
    expect(listeners.size).toBe(0)
  })
})
