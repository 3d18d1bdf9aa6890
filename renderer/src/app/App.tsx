import { Button, Center, Stack, Title } from '@mantine/core'
import { lazy, Suspense, useEffect, useState } from 'react'
import { ScreenErrorBoundary } from '../ui/ScreenErrorBoundary'
import { useTranslation } from 'react-i18next'
import { createProjectionSync, type ProjectionSync } from '../db/sync'
import { isPrintHash } from '../features/handover/print/printRoute'
import { useLocationHash } from '../features/handover/print/useLocationHash'
import { LockGate } from '../features/identity/LockGate'
import { CorruptJournalScreen } from '../features/journal/CorruptJournalScreen'
import { JournalMismatchNotice } from '../features/journal/JournalMismatchNotice'
import { RecoveredNotice } from '../features/journal/RecoveredNotice'
import { ErrorAlert } from '../ui/ErrorAlert'
import { Loading } from '../ui/Loading'
import { loadApp, useAppStore } from './appStore'
import { ProjectionSyncContext } from './ProjectionSyncContext'
import { Providers } from './Providers'

const SetupPage = lazy(() => import('../features/setup/SetupPage'))
const SignInPage = lazy(() => import('../features/identity/SignInPage'))
const Shell = lazy(() => import('./Shell'))
const PrintView = lazy(() => import('../features/handover/print/PrintView'))

export function App() {
  return (
    <Providers>
      <AppRoot />
    </Providers>
  )
}

/** The app's view of the journal, read only while main holds a session. */
function createAppProjectionSync(): ProjectionSync {
  return createProjectionSync(undefined, undefined, { mayRead: () => useAppStore.getState().session !== null })
}

/** Journal health first, then setup, sign-in or the signed-in shell: the order main's state dictates. */
export function AppRoot() {
  const { t } = useTranslation()
  const { boot, bootError, seat, journal, session } = useAppStore()
  const [sync] = useState(createAppProjectionSync)
  const sessionId = session?.sessionId ?? null
  // `#print?from=…&to=…`: the handover book alone, for paper or main's PDF (still behind a sign-in and the lock).
  const hash = useLocationHash()
  const printing = isPrintHash(hash)

  useEffect(() => {
    const stop = sync.listen()
    void loadApp()
    return stop
  }, [sync])

  // The view follows the journal while someone is signed in (main lets only a session read it): from
  // the sign-in, or the session main still held at start, on — catching up by seq on what it missed.
  useEffect(() => {
    if (boot === 'ready' && journal?.state === 'ok' && sessionId !== null) void sync.requestCatchUp()
  }, [boot, journal, sessionId, sync])

  if (boot === 'loading') return <Loading />
  if (boot === 'failed' || !journal) {
    return (
      <Center h="100vh" p="md">
        <Stack maw={520}>
          <Title order={2}>{t('app.failedTitle')}</Title>
          <ErrorAlert error={bootError} />
          <Button onClick={() => void loadApp()} autoFocus>
            {t('app.retry')}
          </Button>
        </Stack>
      </Center>
    )
  }
  if (journal.state === 'corrupt') return <CorruptJournalScreen journal={journal} />

  return (
    <ProjectionSyncContext value={sync}>
      {journal.recovered && !printing && <RecoveredNotice recovered={journal.recovered} />}
      {!printing && <JournalMismatchNotice />}
      <ScreenErrorBoundary>
        <Suspense fallback={<Loading />}>
          {!seat ? (
            <SetupPage />
          ) : !session ? (
            <SignInPage seat={seat} />
          ) : printing ? (
            <LockGate session={session}>
              <PrintView seat={seat} hash={hash} />
            </LockGate>
          ) : (
            <Shell seat={seat} session={session} />
          )}
        </Suspense>
      </ScreenErrorBoundary>
    </ProjectionSyncContext>
  )
}
