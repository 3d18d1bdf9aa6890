import {
  ActionIcon,
  AppShell,
  Badge,
  Button,
  Group,
  NavLink,
  SegmentedControl,
  Stack,
  Text,
  Tooltip,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import {
  IconBook2,
  IconClockHour4,
  IconLock,
  IconLogout,
  IconMoon,
  IconSettings,
  IconSun,
  IconUsers,
} from '@tabler/icons-react'
import { lazy, Suspense, useCallback, type ReactNode } from 'react'
import { ScreenErrorBoundary } from '../ui/ScreenErrorBoundary'
import { useTranslation } from 'react-i18next'
import type { Seat } from '../../../shared/domain/identity'
import { canChangeSettings, canManageUsers } from '../../../shared/domain/roles'
import type { SessionView } from '../../../shared/ipc/contract'
import { LockOverlay } from '../features/identity/LockOverlay'
import { lockSession, signOut } from '../features/identity/sessionActions'
import { useIdleLock } from '../features/identity/useIdleLock'
import { changeLanguage, type Language } from '../i18n'
import { describeError } from '../i18n/format'
import { Loading } from '../ui/Loading'
import { showScreen, useAppStore, type Screen } from './appStore'

const ChecklistPage = lazy(() => import('../features/checklist/ChecklistPage'))
const MyShiftPage = lazy(() => import('../features/shift/MyShiftPage'))
const UsersPage = lazy(() => import('../features/users/UsersPage'))
const SettingsPage = lazy(() => import('../features/settings/SettingsPage'))
const JournalPage = lazy(() => import('../features/journal/JournalPage'))

function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('shell.language')}
      value={i18n.language}
      onChange={(value) => changeLanguage(value as Language)}
      data={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en', label: 'English' },
      ]}
    />
  )
}

function ColorSchemeToggle() {
  const { t } = useTranslation()
  const { setColorScheme } = useMantineColorScheme()
  const scheme = useComputedColorScheme('light')
  const label = scheme === 'dark' ? t('shell.toLight') : t('shell.toDark')
  return (
    <Tooltip label={label}>
      <ActionIcon variant="default" size="lg" aria-label={label} onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}>
        {scheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
      </ActionIcon>
    </Tooltip>
  )
}

function screensFor(session: SessionView): { screen: Screen; icon: ReactNode }[] {
  return [
    { screen: 'shift', icon: <IconClockHour4 size={18} /> },
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
    default:
      return <MyShiftPage />
  }
}

/** The signed-in app: header with seat, user and session controls; navigation once the checklist is done. */
export default function Shell({ seat, session }: { seat: Seat; session: SessionView }) {
  const { t, i18n } = useTranslation()
  const requested = useAppStore((state) => state.screen)
  const checklistDone = session.checklistConfirmedAt !== null
  const locked = session.lockedAt !== null
  const screens = screensFor(session)
  const screen = screens.some((item) => item.screen === requested) ? requested : 'shift'

  const report = useCallback(
    (error: unknown) => notifications.show({ color: 'red', message: describeError(t, error, i18n.language) }),
    [t, i18n.language],
  )
  const lock = useCallback((reason: 'idle' | 'manual') => lockSession(reason).catch(report), [report])
  useIdleLock(session.idleLockMinutes, !locked, () => void lock('idle'))

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
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Text fw={700}>{t('app.name')}</Text>
              <Text size="sm" c="dimmed" truncate>
                {t('shell.seat', { company: seat.companyName, branch: seat.branchCode, seat: seat.seatNumber })}
              </Text>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <Text size="sm">{t('shell.user', { name: session.user.name, employeeNo: session.user.employeeNo })}</Text>
              <Badge variant="light">{t(`roles.${session.user.role}`)}</Badge>
              <LanguageSwitch />
              <ColorSchemeToggle />
              <Button variant="default" size="xs" leftSection={<IconLock size={16} />} onClick={() => void lock('manual')}>
                {t('shell.lock')}
              </Button>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconLogout size={16} />}
                onClick={() => void signOut().catch(report)}
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
                  label={t(`shell.nav.${item.screen}`)}
                  leftSection={item.icon}
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
    </>
  )
}
