import { AppShell, Badge, Button, Group, NavLink, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import {
  IconAddressBook,
  IconBook2,
  IconClockHour4,
  IconNotebook,
  IconHeadset,
  IconMessage2,
  IconLock,
  IconLogout,
  IconSettings,
  IconTicket,
  IconUsers,
} from '@tabler/icons-react'
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { ScreenErrorBoundary } from '../ui/ScreenErrorBoundary'
import { useTranslation } from 'react-i18next'
import type { Seat } from '../../../shared/domain/identity'
import { canChangeSettings, canManageUsers } from '../../../shared/domain/roles'
import type { SessionView } from '../../../shared/ipc/contract'
import { CallHeaderTimer } from '../features/call/CallHeaderTimer'
import { useCallStore } from '../features/call/callStore'
import { HandoverReminder } from '../features/handover/HandoverReminder'
import { LockOverlay } from '../features/identity/LockOverlay'
import { signOut } from '../features/identity/sessionActions'
import { useSessionLock } from '../features/identity/useSessionLock'
import { useTicketNotifications, type TicketAttention } from '../features/tickets/notifications/useTicketNotifications'
import { describeError } from '../i18n/format'
import { ConfirmModal } from '../ui/ConfirmModal'
import { Loading } from '../ui/Loading'
import { PreferenceControls } from '../ui/PreferenceControls'
import { showScreen, useAppStore, type Screen } from './appStore'

const ChecklistPage = lazy(() => import('../features/checklist/ChecklistPage'))
const CallPage = lazy(() => import('../features/call/CallPage'))
const ScriptsPage = lazy(() => import('../features/scripts/ScriptsPage'))
const MyShiftPage = lazy(() => import('../features/shift/MyShiftPage'))
const UsersPage = lazy(() => import('../features/users/UsersPage'))
const SettingsPage = lazy(() => import('../features/settings/SettingsPage'))
const JournalPage = lazy(() => import('../features/journal/JournalPage'))
const TicketsPage = lazy(() => import('../features/tickets/TicketsPage'))
const CustomersPage = lazy(() => import('../features/customers/CustomersPage'))
const HandoverBookPage = lazy(() => import('../features/handover/HandoverBookPage'))

function screensFor(session: SessionView): { screen: Screen; icon: ReactNode }[] {
  return [
    { screen: 'call', icon: <IconHeadset size={18} /> },
    // 首问责任制: every role owns tickets and looks up customers.
    { screen: 'tickets', icon: <IconTicket size={18} /> },
    { screen: 'customers', icon: <IconAddressBook size={18} /> },
    // Every agent hands over and takes over a shift (交接班).
    { screen: 'handover', icon: <IconNotebook size={18} /> },
    { screen: 'shift', icon: <IconClockHour4 size={18} /> },
    ...(canChangeSettings(session.user.role) ? [{ screen: 'scripts' as const, icon: <IconMessage2 size={18} /> }] : []),
    ...(canManageUsers(session.user.role) ? [{ screen: 'users' as const, icon: <IconUsers size={18} /> }] : []),
    ...(canChangeSettings(session.user.role) ? [{ screen: 'settings' as const, icon: <IconSettings size={18} /> }] : []),
    { screen: 'journal', icon: <IconBook2 size={18} /> },
  ]
}

function ScreenContent({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'users':
      return <UsersPage />
    case 'settings':
      return <SettingsPage />
    case 'journal':
      return <JournalPage />
    case 'scripts':
      return <ScriptsPage />
    case 'shift':
      return <MyShiftPage />
    case 'tickets':
      return <TicketsPage />
    case 'customers':
      return <CustomersPage />
    case 'handover':
      return <HandoverBookPage />
    default:
      return <CallPage />
  }
}

// The ticket and handover screens keep their words in their own namespaces; the rest are under shell.nav.
const navLabelKey = (screen: Screen) => (screen === 'tickets' || screen === 'customers' || screen === 'handover' ? `${screen}.nav` : `shell.nav.${screen}`)

/** Beside 工单 in the navigation: my overdue tickets (red) and transfers waiting for my answer (blue). */
function TicketsNavBadges({ attention }: { attention: TicketAttention }) {
  const { t } = useTranslation()
  return (
    <Group gap={4} wrap="nowrap">
      {attention.overdue > 0 && (
        <Badge size="sm" color="red" variant="filled" aria-label={t('tickets.navOverdue', { count: attention.overdue })}>
          {attention.overdue}
        </Badge>
      )}
      {attention.transfers > 0 && (
        <Badge size="sm" color="blue" variant="filled" aria-label={t('tickets.navTransfers', { count: attention.transfers })}>
          {attention.transfers}
        </Badge>
      )}
    </Group>
  )
}

/**
 * The lock screen takes the focus; after unlock it goes back where it was (the field being typed
 * in), or, if that is gone, to the caller number of an open call.
 */
function useFocusRestoredAfterUnlock(locked: boolean) {
  const lastFocused = useRef<HTMLElement | null>(null)
  useEffect(() => {
    const remember = (event: FocusEvent) => {
      const target = event.target
      // The lock button itself is not "where the agent was": the field before it is.
      if (target instanceof HTMLElement && target.closest('[data-testid="app-shell"]') && !target.closest('[data-lock-button]')) {
        lastFocused.current = target
      }
    }
    document.addEventListener('focusin', remember)
    return () => document.removeEventListener('focusin', remember)
  }, [])
  const wasLocked = useRef(locked)
  useEffect(() => {
    if (wasLocked.current && !locked) {
      const previous = lastFocused.current
      const target = previous?.isConnected ? previous : document.querySelector<HTMLElement>('[data-call-focus="callerNumber"]')
      target?.focus()
    }
    wasLocked.current = locked
  }, [locked])
}

/** The signed-in app: header with seat, user and session controls; navigation once the checklist is done. */
export default function Shell({ seat, session }: { seat: Seat; session: SessionView }) {
  const { t, i18n } = useTranslation()
  const requested = useAppStore((state) => state.screen)
  const checklistDone = session.checklistConfirmedAt !== null
  const { locked, lock } = useSessionLock(session)
  const screens = screensFor(session)
  const screen = screens.some((item) => item.screen === requested) ? requested : 'call'

  const report = useCallback(
    (error: unknown) => notifications.show({ color: 'red', message: describeError(t, error, i18n.language) }),
    [t, i18n.language],
  )
  const [confirmingSignOut, setConfirmingSignOut] = useState(false)
  const callOpen = useCallStore((state) => !!state.view)
  useFocusRestoredAfterUnlock(locked)
  const ticketAttention = useTicketNotifications(session, checklistDone && !locked)
  const seatText = t('shell.seat', { company: seat.companyName, branch: seat.branchCode, seat: seat.seatNumber })
  const userText = t('shell.user', { name: session.user.name, employeeNo: session.user.employeeNo })

  return (
    <>
      <AppShell
        header={{ height: 56 }}
        navbar={checklistDone ? { width: 200, breakpoint: 0 } : undefined}
        padding="md"
        data-testid="app-shell"
        inert={locked}
      >
        <AppShell.Header px="md">
          {/* Only the seat text gives way on a narrow window (ellipsis, full text in its title); the
              brand, the user, the role and the session controls keep their size. */}
          <Group h="100%" justify="space-between" wrap="nowrap" gap="md">
            <Group gap="sm" wrap="nowrap" miw={0} style={{ flex: '1 1 auto' }} data-testid="header-seat">
              <Text fw={700} style={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
                {t('app.name')}
              </Text>
              <Text size="sm" c="dimmed" truncate="end" miw={0} title={seatText}>
                {seatText}
              </Text>
            </Group>
            <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }} data-testid="header-actions">
              {checklistDone && screen !== 'call' && <CallHeaderTimer />}
              <Text size="sm" truncate="end" maw={200} title={userText}>
                {userText}
              </Text>
              <Badge variant="light" style={{ flexShrink: 0, overflow: 'visible' }}>
                {t(`roles.${session.user.role}`)}
              </Badge>
              <PreferenceControls />
              <Button variant="default" size="xs" leftSection={<IconLock size={16} />} onClick={() => void lock('manual')} data-lock-button>
                {t('shell.lock')}
              </Button>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconLogout size={16} />}
                onClick={() => setConfirmingSignOut(true)}
              >
                {t('shell.signOut')}
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        {checklistDone && (
          <AppShell.Navbar p="xs" component="nav" aria-label={t('shell.navLabel')}>
            <Stack gap={2}>
              {screens.map((item) => (
                <NavLink
                  key={item.screen}
                  component="button"
                  label={t(navLabelKey(item.screen))}
                  leftSection={item.icon}
                  rightSection={item.screen === 'tickets' ? <TicketsNavBadges attention={ticketAttention} /> : undefined}
                  active={item.screen === screen}
                  aria-current={item.screen === screen ? 'page' : undefined}
                  onClick={() => showScreen(item.screen)}
                />
              ))}
            </Stack>
          </AppShell.Navbar>
        )}
        <AppShell.Main>
          <ScreenErrorBoundary key={screen}>
            <Suspense fallback={<Loading />}>{checklistDone ? <ScreenContent screen={screen} /> : <ChecklistPage session={session} />}</Suspense>
          </ScreenErrorBoundary>
        </AppShell.Main>
      </AppShell>
      {locked && <LockOverlay session={session} />}
      {/* A page handed to me stays in front until I acknowledge it or a lead waives it (after the checklist). */}
      {checklistDone && !locked && <HandoverReminder employeeNo={session.user.employeeNo} />}
      <ConfirmModal
        opened={confirmingSignOut && !locked}
        title={t('shell.signOutTitle')}
        confirmLabel={t('shell.signOut')}
        confirmDisabled={callOpen}
        onCancel={() => setConfirmingSignOut(false)}
        onConfirm={() =>
          signOut().then(
            () => setConfirmingSignOut(false),
            (error: unknown) => {
              setConfirmingSignOut(false)
              report(error)
            },
          )
        }
      >
        {/* Main refuses to sign out over an open call: say so before, not after, confirming. */}
        {callOpen ? t('shell.signOutCallOpen') : t('shell.signOutConfirm', { name: session.user.name, employeeNo: session.user.employeeNo })}
      </ConfirmModal>
    </>
  )
}
