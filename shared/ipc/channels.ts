// Channel names alone, with no imports, so the sandboxed preload can bundle them without zod.
// `contract.ts` pairs each with its schemas and a type test keeps the two lists identical.
export const channelNames = [
  'appInfo',
  'seatStatus',
  'seatSetup',
  'signIn',
  'sessionCurrent',
  'checklistConfirm',
  'sessionLock',
  'sessionUnlock',
  'signOut',
  'usersList',
  'userAdd',
  'userSetActive',
  'userResetPin',
  'settingsGet',
  'settingsUpdate',
  'journalRead',
  'callCurrent',
  'callAnswer',
  'callUpdate',
  'callMark',
  'callScriptShown',
  'callHangUp',
  'callComplete',
  'callSettingsGet',
  'callSettingsUpdate',
  'scriptsList',
  'scriptSave',
  'scriptRetire',
  'scriptsExport',
  'scriptsImport',
] as const
export type ChannelName = (typeof channelNames)[number]

/** The Electron IPC channel string for a contract channel. */
export function ipcChannel(name: ChannelName): string {
  return `seatdesk:${name}`
}
