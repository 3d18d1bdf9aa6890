import { isTrustedUrl, type TrustedOrigin } from '../security/appOrigin'

// Who may call main: only the top frame of a window that shows the app itself. An iframe (even one
// of ours), a page that navigated elsewhere, or a frame already gone are all refused.

/** The part of Electron's IpcMainInvokeEvent the check reads (a WebFrameMain fits `SenderFrame`). */
export interface SenderEvent {
  readonly senderFrame: SenderFrame | null | undefined
}
export interface SenderFrame {
  readonly parent: unknown
  readonly url: string
}

export type SenderCheck = (event: SenderEvent) => boolean

export function createSenderCheck(origins: readonly TrustedOrigin[]): SenderCheck {
  return (event) => {
    const frame = event.senderFrame
    if (!frame) return false
    if (frame.parent !== null) return false
    return isTrustedUrl(frame.url, origins)
  }
}
