import { Badge, Button, Kbd, Stack, Text, Title } from '@mantine/core'
import { IconCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { CallView } from '../../../../shared/domain/calls'
import type { CallSettings } from '../../../../shared/domain/callSettings'
import { useAppStore } from '../../app/appStore'
import type { ScriptRow } from '../../db/schema'
import { openScenario, requestClosing, useCallStore } from './callStore'
import { ariaKeyShortcut, hotkeyLabel } from './hotkeys'
import { ScriptPrompt } from './ScriptPrompt'
import { useCurrentScripts, useScriptLanguage } from './useScripts'

/** Alt+1…Alt+4 open the first four scenario scripts (001 篇4 r8: tracking callback, waiting, apology). */
export const scenarioHotkeys = ['alt+1', 'alt+2', 'alt+3', 'alt+4'] as const

export function useScenarioScripts(): ScriptRow[] {
  return useCurrentScripts('scenario') ?? []
}

/** Values the app fills itself: the seat's company, the signed-in agent, the call's customer. */
function useKnownValues(): Record<string, string> {
  const seat = useAppStore((state) => state.seat)
  const session = useAppStore((state) => state.session)
  const draft = useCallStore((state) => state.draft)
  const variables = useCallStore((state) => state.variables)
  return {
    ...variables,
    company: seat?.companyName ?? '',
    agentNo: session?.user.employeeNo ?? '',
    agentName: session?.user.name ?? '',
    customerName: draft.customerName,
  }
}

/** Said ✓, or which key marks it (the button is in the call's row of steps, once). */
function SaidMark({ said, hotkey }: { said: boolean; hotkey: string }) {
  const { t } = useTranslation()
  if (said) {
    return (
      <Badge color="teal" variant="light" leftSection={<IconCheck size={14} />}>
        {t('call.scripts.said')}
      </Badge>
    )
  }
  return (
    <Text size="sm" c="dimmed">
      {t('call.scripts.markHint', { key: hotkeyLabel(hotkey) })}
    </Text>
  )
}

/** Beside the call form: greeting at answer, closing at wrap-up (or on request), scenario scripts. */
export function CallScripts({ view, settings }: { view: CallView; settings: CallSettings }) {
  const { t } = useTranslation()
  const language = useScriptLanguage()
  const values = useKnownValues()
  const closingRequested = useCallStore((state) => state.closingRequested)
  const scenarioId = useCallStore((state) => state.scenarioId)
  const greeting = useCurrentScripts('greeting')?.[0]
  const closing = useCurrentScripts('closing')?.[0]
  const scenarios = useScenarioScripts()
  const scenario = scenarios.find((script) => script.scriptId === scenarioId)
  const showClosing = view.state === 'wrapUp' || closingRequested

  return (
    <Stack gap="md">
      <Title order={2} size="h4">
        {t('call.scripts.title')}
      </Title>
      {view.state === 'talking' &&
        (greeting ? (
          <ScriptPrompt
            script={greeting}
            values={values}
            heading={t('call.scripts.greeting')}
            footer={<SaidMark said={view.greetingSaidAt !== null} hotkey={settings.hotkeys.greetingSaid} />}
          />
        ) : (
          <Text c="dimmed">{t('call.scripts.noGreeting')}</Text>
        ))}
      {showClosing &&
        (closing ? (
          <ScriptPrompt
            script={closing}
            values={values}
            heading={t('call.scripts.closing')}
            footer={<SaidMark said={view.closingSaidAt !== null} hotkey={settings.hotkeys.closingSaid} />}
          />
        ) : (
          <Text c="dimmed">{t('call.scripts.noClosing')}</Text>
        ))}
      {!showClosing && (
        <Button variant="subtle" size="xs" w="fit-content" onClick={requestClosing}>
          {t('call.scripts.showClosing')}
        </Button>
      )}
      {scenario && (
        <ScriptPrompt
          key={scenario.scriptId}
          script={scenario}
          values={values}
          heading={t('call.scripts.scenario')}
          footer={
            <Button size="xs" variant="subtle" onClick={() => openScenario(null)}>
              {t('call.scripts.hideScenario')}
            </Button>
          }
        />
      )}
      <Stack gap={4} aria-label={t('call.scripts.scenarios')} component="section">
        <Text size="sm" fw={600}>
          {t('call.scripts.scenarios')}
        </Text>
        {scenarios.map((script, index) => {
          const hotkey = scenarioHotkeys[index]
          return (
          <Button
            key={script.scriptId}
            variant={script.scriptId === scenarioId ? 'light' : 'subtle'}
            justify="space-between"
            size="sm"
            onClick={() => openScenario(script.scriptId)}
            aria-keyshortcuts={hotkey && ariaKeyShortcut(hotkey)}
            rightSection={hotkey && <Kbd aria-hidden>{hotkeyLabel(hotkey)}</Kbd>}
          >
            {script.title[language]}
          </Button>
          )
        })}
        {scenarios.length === 0 && <Text c="dimmed" size="sm">{t('call.scripts.noScenarios')}</Text>}
      </Stack>
    </Stack>
  )
}
