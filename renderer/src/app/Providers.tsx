import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import type { ReactNode } from 'react'
import { I18nextProvider } from 'react-i18next'
import { i18n } from '../i18n'
import { useAppStore } from './appStore'
import { ATTENTION_NOTICES_LIMIT, ATTENTION_NOTICES_Z_INDEX, attentionNoticesStore } from '../ui/attentionNotices'
import { theme } from '../ui/theme'

/**
 * Theme, translations and the two notification areas (feedback at the top, above dialogs; attention
 * notices at the bottom right, under them: ui/attentionNotices.ts); the colour scheme is remembered in
 * localStorage by Mantine.
 */
export function Providers({ children }: { children: ReactNode }) {
  // The notices name the agent's customers: behind the lock screen they are held, not shown (or
  // printed), and come back as they were on unlock. The store keeps them meanwhile.
  const locked = useAppStore((state) => state.session?.lockedAt != null)
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <Notifications position="top-center" />
        {!locked && <Notifications store={attentionNoticesStore} position="bottom-right" zIndex={ATTENTION_NOTICES_Z_INDEX} limit={ATTENTION_NOTICES_LIMIT} />}
        {children}
      </MantineProvider>
    </I18nextProvider>
  )
}
