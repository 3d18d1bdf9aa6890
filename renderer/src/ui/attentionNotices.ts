import { getDefaultZIndex } from '@mantine/core'
import { createNotificationsStore, notifications, type NotificationData } from '@mantine/notifications'

// Two kinds of notification, in two places:
// - feedback on what the agent just did (saved, refused): above everything, dialogs included, and at
//   the top of the window, where it cannot cover a dialog's buttons for the seconds it shows;
// - notices that ask for attention but not this instant (a ticket came due, a transfer is offered):
//   page-level, in the bottom right corner, *under* dialogs and drawers. An agent typing a ticket in a
//   dialog is not interrupted, and a backlog of notices can never sit over the dialog's Save button;
//   they are there again when the dialog closes. At most three show at once; the rest wait their turn.

export const attentionNoticesStore = createNotificationsStore()

/** Above the app's header and page, below modals and drawers (and so below the lock overlay). */
export const ATTENTION_NOTICES_Z_INDEX = (getDefaultZIndex('app') + getDefaultZIndex('modal')) / 2

export const ATTENTION_NOTICES_LIMIT = 3

export function showAttentionNotice(notice: NotificationData): string {
  return notifications.show(notice, attentionNoticesStore)
}

export function clearAttentionNotices(): void {
  notifications.clean(attentionNoticesStore)
}
