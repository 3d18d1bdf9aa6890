import { contextBridge, ipcRenderer } from 'electron'
import { channelNames, ipcChannel } from '../../shared/ipc/channels'

// The sandboxed preload puts exactly the contract's functions on `window.seatdesk`: one per channel,
// each forwarding one request object. The page never gets ipcRenderer, so it can reach no other
// channel and cannot listen to anything. Only channels.ts is imported — zod stays out of the preload;
// main validates every request anyway.
const seatdesk = Object.freeze(
  Object.fromEntries(
    channelNames.map((name) => [name, (request: unknown) => ipcRenderer.invoke(ipcChannel(name), request)]),
  ),
)

contextBridge.exposeInMainWorld('seatdesk', seatdesk)
