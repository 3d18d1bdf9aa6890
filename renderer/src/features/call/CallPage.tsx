import { Badge, Button, Center, Grid, Group, Kbd, Paper, Select, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCheck, IconMessageCircle, IconPhoneCall, IconPhoneOff } from '@tabler/icons-react'
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CallView } from '../../../../shared/domain/calls'
import type { CallHotkeyAction, CallSettings } from '../../../../shared/domain/callSettings'
import { formatDuration } from '../../../../shared/domain/callTimer'
import { useAppStore } from '../../app/appStore'
import { describeError } from '../../i18n/format'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { Loading } from '../../ui/Loading'
import { ShiftCallsPanel } from '../shift/ShiftCallsPanel'
import {
  answerCall,
  CallStepSkipped,
  chooseOverTargetReason,
  completeCall,
  hangUp,
  loadCallSettings,
  loadCurrentCall,
  markSaid,
  openScenario,
  setTicketWorkOpen,
  TicketWorkOpen,
  useCallStore,
} from './callStore'
import { CallDetails } from './CallDetails'
import { CallScripts, useScenarioScripts } from './CallScripts'
import { CallTicketsPanel } from './CallTicketsPanel'
import { CallTimer, useCallTimer } from './CallTimer'
import { ariaKeyShortcut, hotkeyLabel, useCallHotkeys } from './hotkeys'
import { PhrasePalette } from './PhrasePalette'

function useReport() {
  const { t, i18n } = useTranslation()
  return useCallback(
    (error: unknown) =>
      notifications.show({
        color: 'red',
        message:
          error instanceof CallStepSkipped
            ? t('call.stepSkipped', { step: t(`call.actions.${error.step}`) })
            : describeError(t, error, i18n.language),
      }),
    [t, i18n.language],
  )
}

/** A button that names its hotkey on screen and to assistive technology. */
function HotkeyButton({ hotkey, children, ...props }: { hotkey: string; children: ReactNode } & React.ComponentProps<typeof Button<'button'>>) {
  return (
    <Button aria-keyshortcuts={ariaKeyShortcut(hotkey)} rightSection={<Kbd aria-hidden>{hotkeyLabel(hotkey)}</Kbd>} {...props}>
      {children}
    </Button>
  )
}

/** 来电接待: the agent's working screen. Answer, speak the scripts, hang up, wrap up — keyboard first. */
export default function CallPage() {
  const { t } = useTranslation()
  const report = useReport()
  const settings = useCallStore((state) => state.settings)
  const view = useCallStore((state) => state.view)
  const session = useAppStore((state) => state.session)
  const [loadError, setLoadError] = useState<unknown>(null)
  const [paletteOpen, setPaletteOpen] = useState(false)

  const locked = useAppStore((state) => state.session?.lockedAt != null)
  const load = useCallback(() => {
    setLoadError(null)
    Promise.all([loadCallSettings(), loadCurrentCall()]).catch(setLoadError)
  }, [])
  // Main answers call questions only to an unlocked session: ask (again) once the screen is unlocked.
  useEffect(() => {
    if (!locked) load()
  }, [load, locked])

  if (loadError) {
    return (
      <Stack maw={520}>
        <ErrorAlert error={loadError} />
        <Button onClick={load} w="fit-content">
          {t('app.retry')}
        </Button>
      </Stack>
    )
  }
  if (!settings || view === undefined || !session) return <Loading />

  return (
    <Stack gap="lg">
      <CallDesk settings={settings} view={view} onPalette={() => setPaletteOpen((open) => !open)} report={report} />
      <PhrasePalette opened={paletteOpen} onClose={() => setPaletteOpen(false)} />
      <ShiftCallsPanel employeeNo={session.user.employeeNo} withTable={false} />
    </Stack>
  )
}

function CallDesk({ settings, view, onPalette, report }: { settings: CallSettings; view: CallView | null; onPalette: () => void; report: (error: unknown) => void }) {
  const { t } = useTranslation()
  const busy = useCallStore((state) => state.busy)
  const scenarios = useScenarioScripts()
  const answerButton = useRef<HTMLButtonElement>(null)
  // A ticket form or the ticket drawer is open over the call (CallTicketsPanel).
  const ticketWorkOpen = useCallStore((state) => state.ticketWorkOpen)

  // Completing the call clears the desk, the half-typed ticket with it: the ticket is finished or
  // cancelled first (callStore refuses with TicketWorkOpen, also for an F8 queued before the ticket
  // opened). The other steps leave the ticket where it is (a caller who hangs up mid-ticket is still
  // marked so with the hang-up key).
  const onComplete = useCallback(() => {
    // Pressed while talking with no step on its way (an F8 right after F4 waits for the hang-up):
    // say which key comes first instead of nothing. One notice however often it is pressed.
    const { view: current, busy: stepsQueued, settings: keys } = useCallStore.getState()
    if (current?.state === 'talking' && !stepsQueued && keys) {
      notifications.show({ id: 'call.hangUpFirst', color: 'orange', message: t('call.hangUpFirst', { hangUp: hotkeyLabel(keys.hotkeys.hangUp), wrapUpDone: hotkeyLabel(keys.hotkeys.wrapUpDone) }) })
      return
    }
    completeCall().then(
      (record) =>
        record &&
        notifications.show({
          color: record.overTarget ? 'orange' : 'teal',
          message: t(record.overTarget ? 'call.completedOver' : 'call.completed', { time: formatDuration(record.handlingMs) }),
        }),
      (error: unknown) =>
        error instanceof TicketWorkOpen ? notifications.show({ color: 'orange', message: t('ticketForm.callPanel.finishTicketFirst') }) : report(error),
    )
  }, [report, t])

  // Behind the lock screen the page is inert, and so are the hotkeys.
  const locked = useAppStore((state) => state.session?.lockedAt != null)
  // Each step is queued and runs in the order pressed, also while the one before is still saving
  // (callStore); a step that does not fit the call when its turn comes does nothing (or says so).
  const actions: Record<CallHotkeyAction, () => void> = {
    answer: () => void answerCall().catch(report),
    greetingSaid: () => void markSaid('greeting').catch(report),
    hangUp: () => void hangUp().catch(report),
    closingSaid: () => void markSaid('closing').catch(report),
    wrapUpDone: onComplete,
    phrasePalette: onPalette,
  }
  // A scenario script asks for its values in a field of its own, which takes the focus: over an open
  // ticket that would send the agent's typing behind the ticket, so the scenario keys wait for it.
  const scenarioKeys = ticketWorkOpen ? [] : scenarios
  useCallHotkeys(locked ? [] : [
    ...Object.entries(actions).map(([action, run]): [string, () => void] => [settings.hotkeys[action as CallHotkeyAction], run]),
    ...scenarioKeys.flatMap(({ script, hotkey }): [string, () => void][] =>
      hotkey ? [[hotkey, () => useCallStore.getState().view && openScenario(script.scriptId)]] : [],
    ),
  ])

  // Ready for the next call: the answer button has the focus, so Enter works as well as the hotkey.
  // (A loading button is disabled and cannot take the focus: wait until the last step has finished.)
  useEffect(() => {
    if (!view && !busy) answerButton.current?.focus()
  }, [view, busy])

  if (!view) {
    return (
      <Center py="xl">
        <Stack align="center" gap="md">
          <Text c="dimmed">{t('call.idle')}</Text>
          <HotkeyButton ref={answerButton} hotkey={settings.hotkeys.answer} size="xl" leftSection={<IconPhoneCall size={28} />} onClick={actions.answer} loading={busy}>
            {t('call.actions.answer')}
          </HotkeyButton>
          <Button variant="subtle" size="xs" leftSection={<IconMessageCircle size={14} />} onClick={onPalette} aria-keyshortcuts={ariaKeyShortcut(settings.hotkeys.phrasePalette)}>
            {t('call.actions.phrasePalette')} <Kbd ml={6} aria-hidden>{hotkeyLabel(settings.hotkeys.phrasePalette)}</Kbd>
          </Button>
        </Stack>
      </Center>
    )
  }

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="md">
          <Group justify="space-between">
            <Title order={1} size="h3">
              {t('call.title')}
            </Title>
            <Badge size="lg" variant="light" color={view.state === 'talking' ? 'blue' : 'grape'} data-testid="call-state">
              {t(`call.state.${view.state}`)}
            </Badge>
          </Group>
          <CallTimer view={view} sound={settings.sound} />
          <Group gap="sm">
            {view.state === 'talking' ? (
              <HotkeyButton hotkey={settings.hotkeys.hangUp} color="red" variant="light" leftSection={<IconPhoneOff size={18} />} onClick={actions.hangUp} disabled={busy}>
                {t('call.actions.hangUp')}
              </HotkeyButton>
            ) : (
              <HotkeyButton hotkey={settings.hotkeys.wrapUpDone} leftSection={<IconCheck size={18} />} onClick={actions.wrapUpDone} loading={busy}>
                {t('call.actions.wrapUpDone')}
              </HotkeyButton>
            )}
            <HotkeyButton hotkey={settings.hotkeys.greetingSaid} variant="default" onClick={actions.greetingSaid} disabled={busy || view.state !== 'talking' || view.greetingSaidAt !== null}>
              {view.greetingSaidAt ? t('call.actions.greetingDone') : t('call.actions.greetingSaid')}
            </HotkeyButton>
            <HotkeyButton hotkey={settings.hotkeys.closingSaid} variant="default" onClick={actions.closingSaid} disabled={busy || view.closingSaidAt !== null}>
              {view.closingSaidAt ? t('call.actions.closingDone') : t('call.actions.closingSaid')}
            </HotkeyButton>
            <HotkeyButton hotkey={settings.hotkeys.phrasePalette} variant="subtle" onClick={onPalette}>
              {t('call.actions.phrasePalette')}
            </HotkeyButton>
          </Group>
          {/* At wrap-up the notes come first, so they stay in view on a short window. */}
          <CallDetails report={report} callId={view.callId} />
          {view.state === 'wrapUp' && <OverTargetPicker view={view} settings={settings} />}
          {/* Under the caller's number: a repeat caller's open tickets appear as soon as it is typed;
              at wrap-up the call's own tickets are listed before it is completed. */}
          <CallTicketsPanel view={view} hotkeysEnabled={!locked} onTicketWorkChange={setTicketWorkOpen} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <CallScripts view={view} settings={settings} />
      </Grid.Col>
    </Grid>
  )
}

/** Over the target at wrap-up, the agent may say why (a supervisor's list; optional). */
function OverTargetPicker({ view, settings }: { view: CallView; settings: CallSettings }) {
  const { t, i18n } = useTranslation()
  const reading = useCallTimer(view)
  const reason = useCallStore((state) => state.overTargetReason)
  if (reading.phase !== 'overtime') return null
  const language = i18n.language === 'en' ? 'en' : 'zh-CN'
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-red-light)">
      <Select
        label={t('call.overTarget.label')}
        description={t('call.overTarget.hint')}
        placeholder={t('call.overTarget.none')}
        data={settings.overTargetReasons.map((item) => ({ value: item.id, label: item.label[language] }))}
        value={reason}
        onChange={chooseOverTargetReason}
        clearable
        maw={360}
        // Open downwards, never over the timer above.
        comboboxProps={{ position: 'bottom', middlewares: { flip: false, shift: true } }}
      />
    </Paper>
  )
}
