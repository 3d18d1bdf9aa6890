import type { Session } from 'electron'

// Deny by default. The seat needs no camera, microphone, notifications or geolocation today; when a
// feature does, its permission goes into this list with the reason beside it.
const allowedPermissions: ReadonlySet<string> = new Set<string>()

export function isPermissionAllowed(permission: string): boolean {
  return allowedPermissions.has(permission)
}

export function denyUnlistedPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)))
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission))
  // USB, HID and serial devices go through their own handler; none is listed, so none is granted.
  session.setDevicePermissionHandler(() => false)
}
