import { Button, Loader, Stack, Text, Title } from '@mantine/core'
import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../ui/ErrorAlert'

export interface LoadedSettingsSectionProps<Settings> {
  title: string
  intro: string
  /** Asks main for the settings in force; keep its identity (a module function) or it is asked again. */
  load: () => Promise<Settings>
  /** The editor, given what main holds. */
  children: (current: Settings) => ReactNode
}

/**
 * A supervisor's settings section read from main: a loader, then the editor; a read that failed says
 * why and offers to try again.
 */
export function LoadedSettingsSection<Settings>({ title, intro, load, children }: LoadedSettingsSectionProps<Settings>) {
  const { t } = useTranslation()
  const [current, setCurrent] = useState<{ settings: Settings } | null>(null)
  const [error, setError] = useState<unknown>(null)
  const read = useCallback(() => {
    setError(null)
    load().then((settings) => setCurrent({ settings }), setError)
  }, [load])
  // Tabs hide this section without unmounting it; showing it again must not reload over what is typed.
  useEffect(() => {
    if (current === null) read()
  }, [current, read])
  return (
    <Stack component="section" aria-label={title}>
      <Title order={2} size="h3">
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {intro}
      </Text>
      {current ? (
        children(current.settings)
      ) : error ? (
        <Stack align="flex-start">
          <ErrorAlert error={error} />
          <Button variant="default" onClick={read}>
            {t('deadlines.retry')}
          </Button>
        </Stack>
      ) : (
        <Loader size="sm" aria-label={t('app.loading')} />
      )}
    </Stack>
  )
}
