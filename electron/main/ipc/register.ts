import { channelNames, ipcChannel } from '../../../shared/ipc/channels'
import type { IpcResult } from '../../../shared/ipc/errors'
import type { SenderCheck, SenderEvent } from './senderFrame'

// The only place main registers IPC handlers (lint forbids ipcMain.handle elsewhere). Every contract
// channel gets exactly one handler; each call proves its sender first and only then reaches the
// services, whose dispatch validates the payload against the contract.

export type Dispatch = (channel: string, payload: unknown) => Promise<IpcResult<unknown>>

/** The part of Electron's IpcMain used here, so a test can hand in a recording fake. */
export interface IpcHandlerRegistry {
  handle(channel: string, listener: (event: SenderEvent, payload: unknown) => Promise<IpcResult<unknown>>): void
  removeHandler(channel: string): void
}

const forbiddenSender: IpcResult<never> = { ok: false, error: { code: 'forbiddenSender' } }
const internalError: IpcResult<never> = { ok: false, error: { code: 'internal' } }

/** Registers every channel; the returned function removes them again (on quit, and in tests). */
export function registerContractHandlers(
  ipcMain: IpcHandlerRegistry,
  dispatch: Dispatch,
  isTrustedSender: SenderCheck,
): () => void {
  for (const name of channelNames) {
    ipcMain.handle(ipcChannel(name), async (event, payload) => {
      if (!isTrustedSender(event)) return forbiddenSender
      try {
        return await dispatch(name, payload)
      } catch (error) {
        // dispatch answers errors itself; a throw is a bug: logged here, its message kept from the page.
        console.error(`IPC ${name} failed`, error)
        return internalError
      }
    })
  }
  return () => {
    for (const name of channelNames) ipcMain.removeHandler(ipcChannel(name))
  }
}
