import { Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core'
import { IconCheck } from '@tabler/icons-react'
import { notifications } from '@mantine/notifications'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { fillTemplate } from '../../../../shared/domain/scriptTemplate'
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
}

/**
 * A script to speak, word for word. Values the app cannot fill are asked for first, in small fields
 * above where the text will be: the agent never sees a blank or a raw {placeholder}.
 */
export function ScriptPrompt({ script, values, heading, footer }: ScriptPromptProps) {
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
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text fw={600}>{heading}</Text>
        <Badge variant="light" color="gray">
          {script.title[language]} · v{script.version}
        </Badge>
      </Group>
      {filled.complete ? (
        <Text size="lg" lh={1.6} data-testid={`script-text-${script.scriptId}`}>
          {filled.text}
        </Text>
      ) : (
        <MissingValues key={filled.missing.join()} missing={filled.missing} />
      )}
      {footer && <Group mt="sm">{footer}</Group>}
    </Card>
  )
}

function MissingValues({ missing }: { missing: string[] }) {
  const { t, i18n } = useTranslation()
  const [typed, setTyped] = useState<Record<string, string>>({})
  const ready = missing.every((name) => typed[name]?.trim())

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        if (!ready) return
        provideVariables(Object.fromEntries(missing.map((name) => [name, typed[name]!.trim()]))).catch((error: unknown) =>
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
            value={typed[name] ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value
              setTyped((current) => ({ ...current, [name]: value }))
            }}
            data-autofocus={index === 0 || undefined}
          />
        ))}
        <Button type="submit" size="xs" variant="light" disabled={!ready} leftSection={<IconCheck size={14} />} w="fit-content">
          {t('call.scripts.showScript')}
        </Button>
      </Stack>
    </form>
  )
}
