import { beforeEach, describe, expect, it, vi } from 'vitest'
import { channelNames, ipcChannel } from '../../shared/ipc/channels'

// The real electron module only exists inside Electron; these stand-ins record what the preload does.
const exposed = new Map<string, unknown>()
const invoke = vi.fn(async (channel: string, request: unknown) => ({ ok: true, value: { channel, request } }))
const ipcRenderer = { invoke, on: vi.fn(), send: vi.fn(), sendSync: vi.fn() }
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer,
}))

beforeEach(async () => {
  exposed.clear()
  invoke.mockClear()
  vi.resetModules()
  await import('./index')
})

function exposedApi(): Record<string, unknown> {
  const api = exposed.get('seatdesk')
  if (!api || typeof api !== 'object') throw new Error('nothing exposed as seatdesk')
  return api as Record<string, unknown>
}

describe('preload', () => {
  it('exposes only window.seatdesk', () => {
    expect([...exposed.keys()]).toEqual(['seatdesk'])
  })

  it('exposes exactly one function per contract channel and nothing else', () => {
    const api = exposedApi()
    expect(Object.keys(api).sort()).toEqual([...channelNames].sort())
    for (const name of channelNames) expect(typeof api[name], name).toBe('function')
  })

  it('never hands out ipcRenderer or its methods', () => {
    const values = [...exposed.values(), ...Object.values(exposedApi())]
    for (const forbidden of [ipcRenderer, ...Object.values(ipcRenderer)]) expect(values).not.toContain(forbidden)
  })

  it('is frozen', () => {
    expect(Object.isFrozen(exposedApi())).toBe(true)
  })

  it('forwards one request to the matching channel', async () => {
    const signIn = exposedApi().signIn as (request: unknown) => Promise<unknown>
    const request = { employeeNo: 'A001', pin: '1234' }
    await expect(signIn(request)).resolves.toEqual({ ok: true, value: { channel: ipcChannel('signIn'), request } })
    expect(invoke).toHaveBeenCalledExactlyOnceWith(ipcChannel('signIn'), request)
  })
})
