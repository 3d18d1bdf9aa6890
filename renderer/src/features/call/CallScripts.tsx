import { Badge, Button, Kbd, Stack, Text, Title } from '@mantine/core'
import { IconCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { CallView } from '../../../../shared/domain/calls'
import type { CallSettings } from '../../../../shared/domain/callSettings'
import { useAppStore } from '../../app/appStore'
import { useLiveQuery } from 'dexie-react-hooks'
import { db, type ScriptRow } from '../../db/schema'
import { openScenario, useCallStore } from './callStore'
import { ariaKeyShortcut, hotkeyLabel } from './hotkeys'
import { ScriptPrompt } from './ScriptPrompt'
import { useCurrentScripts, useScriptLanguage } from './useScripts'

/** Alt+1…Alt+9 open scenario scripts (001 篇4 r8: tracking callback, waiting, apology). */
export const scenarioHotkeys = Array.from({ length: 9 }, (_, index) => `alt+${index + 1}`)

export interface ScenarioEntry {
  script: ScriptRow
  /** Its Alt+N key, or null past the ninth slot. */
  hotkey: string | null
}

/**
 * Each scenario script keeps its key for good: slots follow the order scenario scripts were first
 * published, retired ones included, so retiring the third never moves the fourth onto Alt+3 (an agent
 * pressing Alt+4 from memory must not get another script). A retired script's slot stays empty.
 */
export function scenarioSlots(rows: readonly ScriptRow[]): ScenarioEntry[] {
  return rows
    .filter((row) => row.category === 'scenario')
    .sort((a, b) => a.firstSeq - b.firstSeq)
    .flatMap((row, slot) => (row.retired ? [] : [{ script: row, hotkey: scenarioHotkeys[slot] ?? null }]))
}

export function useScenarioScripts(): ScenarioEntry[] {
  return useLiveQuery(async () => scenarioSlots(await db.scripts.where('category').equals('scenario').toArray()), []) ?? []
}

/** Values the app fills itself: the seat's company, the signed-in agent, the call's customer. */
function useKnownValues(): Record<string, string> {
  const seat = useAppStore((state) => state.seat)
  const session = useAppStore((state) => state.session)
  // Only the customer's name: a key typed in the notes must not re-render the scripts.
  const customerName = useCallStore((state) => state.draft.customerName)
  const variables = useCallStore((state) => state.variables)
  return {
    ...variables,
    company: seat?.companyName ?? '',
    agentNo: session?.user.employeeNo ?? '',
    agentName: session?.user.name ?? '',
    customerName,
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

/**
 * Beside the call form: the greeting while talking, the closing from answer to wrap-up done (it is
 * said before hanging up, so F6 can be marked before F4), and the scenario scripts.
 */
export function CallScripts({ view, settings }: { view: CallView; settings: CallSettings }) {
  const { t } = useTranslation()
  const language = useScriptLanguage()
  const values = useKnownValues()
  const scenarioId = useCallStore((state) => state.scenarioId)
  const greeting = useCurrentScripts('greeting')?.[0]
  const closing = useCurrentScripts('closing')?.[0]
  const scenarios = useScenarioScripts()
  const scenario = scenarios.find((entry) => entry.script.scriptId === scenarioId)?.script

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
      {closing ? (
          <ScriptPrompt
            script={closing}
            values={values}
            heading={t('call.scripts.closing')}
            footer={<SaidMark said={view.closingSaidAt !== null} hotkey={settings.hotkeys.closingSaid} />}
          />
        ) : (
          <Text c="dimmed">{t('call.scripts.noClosing')}</Text>
        )}
      {scenario && (
        <ScriptPrompt
          key={scenario.scriptId}
          script={scenario}
          values={values}
          heading={t('call.scripts.scenario')}
          focusFields
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
        {scenarios.map(({ script, hotkey }) => (
          <Button
            key={script.scriptId}
            variant={script.scriptId === scenarioId ? 'light' : 'subtle'}
            justify="space-between"
            size="sm"
            h="auto"
            py={6}
            // A long English title wraps instead of being cut.
            styles={{ label: { whiteSpace: 'normal', textAlign: 'start' } }}
            onClick={() => openScenario(script.scriptId)}
            aria-keyshortcuts={hotkey ? ariaKeyShortcut(hotkey) : undefined}
            rightSection={hotkey && <Kbd aria-hidden>{hotkeyLabel(hotkey)}</Kbd>}
          >
            {script.title[language]}
          </Button>
        ))}
        {scenarios.length === 0 && <Text c="dimmed" size="sm">{t('call.scripts.noScenarios')}</Text>}
      </Stack>
    </Stack>
  )
}
