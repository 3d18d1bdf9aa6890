import { Alert } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useProjectionStore, type JournalMismatch } from '../../db/sync'

const NOTIFICATION_ID = 'journal-mismatch'

/** The sentence for a journal that no longer holds what the view was built from. */
export function useMismatchMessage(mismatch: JournalMismatch | null): string | null {
  const { t } = useTranslation()
  if (!mismatch) return null
  return mismatch.kind === 'shorter'
    ? t('journal.mismatch.shorter', {
        count: mismatch.viewSeq - mismatch.headSeq,
        viewSeq: mismatch.viewSeq,
        headSeq: mismatch.headSeq,
      })
    : t('journal.mismatch.differentHash', { seq: mismatch.seq })
}

/**
 * App-wide: when a catch-up finds the journal shorter than the view, or a different entry at the
 * view's last seq, the view is rebuilt and the agent is told, until they close the message, to
 * call a supervisor (a truncated journal is a sign of tampering or a restored backup).
 */
export function JournalMismatchNotice() {
  const { t } = useTranslation()
  const mismatch = useProjectionStore((state) => state.mismatch)
  const message = useMismatchMessage(mismatch)
  useEffect(() => {
    if (!message) return
    const notification = {
      id: NOTIFICATION_ID,
      color: 'red',
      title: t('journal.mismatch.title'),
      message,
      autoClose: false as const,
      icon: <IconAlertTriangle size={18} />,
    }
    // `show` ignores an id already on screen; `update` then brings it to the latest mismatch.
    notifications.show(notification)
    notifications.update(notification)
  }, [message, t])
  return null
}

/** The same warning, kept on the journal screen. */
export function JournalMismatchAlert() {
  const { t } = useTranslation()
  const mismatch = useProjectionStore((state) => state.mismatch)
  const message = useMismatchMessage(mismatch)
  if (!message) return null
  return (
    <Alert color="red" role="alert" title={t('journal.mismatch.title')} icon={<IconAlertTriangle size={18} />}>
      {message}
    </Alert>
  )
}
