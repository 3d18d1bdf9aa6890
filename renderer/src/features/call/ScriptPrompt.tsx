import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core'
import { IconCheck } from '@tabler/icons-react'
import { notifications } from '@mantine/notifications'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { fillTemplate } from '../../../../shared/domain/scriptTemplate'
import { checkScriptVariable, type ScriptVariableProblem } from '../../../../shared/domain/scriptVariableRules'
import type { ScriptRow } from '../../db/schema'
import { describeError } from '../../i18n/format'
import { provideVariables, recordScriptShown } from './callStore'
import { useScriptLanguage } from './useScripts'

interface ScriptPromptProps {
  script: ScriptRow
  /** What the app knows: seat, agent, the call's fields and values typed earlier in this call. */
  values: Record<string, string>
  heading: string
  /** A mark (said ✓) or its button, under the text. */
  footer?: ReactNode
  /** Opened by the agent (a scenario key): the first inline field takes the focus. */
  focusFields?: boolean
}

/**
 * A script to speak, word for word. Values the app cannot fill are asked for first, in small fields
 * above where the text will be: the agent never sees a blank or a raw {placeholder}.
 */
export function ScriptPrompt({ script, values, heading, footer, focusFields = false }: ScriptPromptProps) {
  const { t, i18n } = useTranslation()
  const language = useScriptLanguage()
  const filled = fillTemplate(script.body[language], values)

  useEffect(() => {
    if (!filled.complete) return
    recordScriptShown({ scriptId: script.scriptId, version: script.version }).catch((error: unknown) =>
      notifications.show({ color: 'red', message: describeError(t, error, i18n.language) }),
    )
  }, [filled.complete, script.scriptId, script.version, t, i18n.language])

  return (
    <Card withBorder padding="md" radius="md" aria-label={heading} component="section">
      {/* The title wraps rather than being cut ("Overcharge apology" at 1024 px in English). */}
      <Group justify="space-between" mb="xs" gap="xs" align="flex-start">
        <Text fw={600}>{heading}</Text>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {script.title[language]} · v{script.version}
        </Text>
      </Group>
      {filled.complete ? (
        <Text size="lg" lh={1.6} data-testid={`script-text-${script.scriptId}`}>
          {filled.text}
        </Text>
      ) : (
        <MissingValues key={filled.missing.join()} missing={filled.missing} focusFirst={focusFields} />
      )}
      {footer && <Group mt="sm">{footer}</Group>}
    </Card>
  )
}

/** Each value is checked by its variable's rule (amount, waybill number, name) before it is spoken. */
function MissingValues({ missing, focusFirst }: { missing: string[]; focusFirst: boolean }) {
  const { t, i18n } = useTranslation()
  const [typed, setTyped] = useState<Record<string, string>>({})
  const [problems, setProblems] = useState<Record<string, ScriptVariableProblem>>({})
  const ready = missing.every((name) => typed[name]?.trim())
  const first = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (focusFirst) first.current?.focus()
  }, [focusFirst])

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        if (!ready) return
        const checked = missing.map((name) => [name, checkScriptVariable(name, typed[name] ?? '')] as const)
        const found = Object.fromEntries(checked.flatMap(([name, result]) => (result.ok ? [] : [[name, result.problem]])))
        setProblems(found)
        if (Object.keys(found).length) return
        provideVariables(Object.fromEntries(checked.map(([name, result]) => [name, result.ok ? result.value : '']))).catch((error: unknown) =>
          notifications.show({ color: 'red', message: describeError(t, error, i18n.language) }),
        )
      }}
    >
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('call.scripts.needsValues')}
        </Text>
        {missing.map((name, index) => (
          <TextInput
            key={name}
            size="sm"
            label={t(`scripts.variables.${name}`, { defaultValue: name })}
            ref={index === 0 ? first : undefined}
            value={typed[name] ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value
              setTyped((current) => ({ ...current, [name]: value }))
              setProblems(({ [name]: _fixed, ...others }) => others)
            }}
            error={problems[name] ? t(`call.scripts.variableProblems.${problems[name]}`) : null}
            autoComplete="off"
          />
        ))}
        <Button type="submit" size="xs" variant="light" disabled={!ready} leftSection={<IconCheck size={14} />} w="fit-content">
          {t('call.scripts.showScript')}
        </Button>
      </Stack>
    </form>
  )
}
