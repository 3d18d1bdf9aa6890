import type { Session } from 'electron'
import { describe, expect, it } from 'vitest'
import { denyUnlistedPermissions, isPermissionAllowed } from './permissions'

type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void
type CheckHandler = (contents: unknown, permission: string) => boolean

function fakeSession() {
  const slots: { request?: RequestHandler; check?: CheckHandler; device?: () => boolean } = {}
  const session = {
    setPermissionRequestHandler: (handler: RequestHandler) => (slots.request = handler),
    setPermissionCheckHandler: (handler: CheckHandler) => (slots.check = handler),
    setDevicePermissionHandler: (handler: () => boolean) => (slots.device = handler),
  }
  denyUnlistedPermissions(session as unknown as Session)
  return slots
}

const permissions = ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']

describe('denyUnlistedPermissions', () => {
  it('answers every permission request with no', () => {
    const { request } = fakeSession()
    for (const permission of permissions) {
      const answers: boolean[] = []
      request?.(null, permission, (granted) => answers.push(granted))
      expect(answers, permission).toEqual([false])
    }
  })

  it('answers every permission check and device request with no', () => {
    const { check, device } = fakeSession()
    for (const permission of permissions) expect(check?.(null, permission), permission).toBe(false)
    expect(device?.()).toBe(false)
  })

  it('has an empty allow-list', () => {
    expect(permissions.some(isPermissionAllowed)).toBe(false)
  })
})
