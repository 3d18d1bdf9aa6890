import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import type { ReactNode } from 'react'
import { I18nextProvider } from 'react-i18next'
import { i18n } from '../i18n'
import { theme } from '../ui/theme'

/** Theme, translations and notifications; the colour scheme is remembered in localStorage by Mantine. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        {/* Bottom left: a backlog of due-ticket notices at sign-in must never cover the right-aligned buttons
            of a dialog or the ticket drawer on the right. No limit: a refusal must show at once, not queue. */}
        <Notifications position="bottom-left" />
        {children}
      </MantineProvider>
    </I18nextProvider>
  )
}
