import { Button, Container, NumberInput, Stack, Tabs, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { settingsSchema, type Settings } from '../../../../shared/domain/settings'
import { call } from '../../api/client'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { Loading } from '../../ui/Loading'
import { zodValidator } from '../../ui/zodForm'
import { ShiftsSettingsTab } from '../handover/settings/ShiftsSettingsTab'
import { CallSettingsSection } from './CallSettingsSection'
import { DeadlineSettingsSection } from './DeadlineSettingsSection'
import { WorkingCalendarSection } from './WorkingCalendarSection'

// The inputs' bounds come from the schema main validates with.
const fields = (['lockoutAttempts', 'lockoutMinutes', 'idleLockMinutes'] as const).map((name) => {
  const bounds = settingsSchema.shape[name]
  return { name, min: bounds.minValue ?? 0, max: bounds.maxValue ?? Number.MAX_SAFE_INTEGER }
})

function SettingsForm({ current }: { current: Settings }) {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>(null)
  // Out-of-range numbers are kept as typed and named as such (the input does not clamp them).
  const outOfRange = (values: Settings) =>
    Object.fromEntries(
      fields
        .filter(({ name, min, max }) => typeof values[name] === 'number' && (values[name] < min || values[name] > max))
        .map(({ name, min, max }) => [name, t('settings.outOfRange', { min, max })]),
    )
  const form = useForm<Settings>({ initialValues: current, validate: zodValidator(settingsSchema, t, (values) => values, outOfRange) })

  const submit = form.onSubmit(async (settings) => {
    setError(null)
    try {
      form.resetDirty(await call('settingsUpdate', { settings }))
      notifications.show({ color: 'teal', message: t('settings.saved') })
    } catch (caught) {
      setError(caught)
    }
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={420}>
        {fields.map((field, index) => (
          <NumberInput
            key={field.name}
            label={t(`settings.${field.name}`)}
            description={t('settings.range', { min: field.min, max: field.max })}
            min={field.min}
            max={field.max}
            clampBehavior="none"
            allowDecimal={false}
            allowNegative={false}
            autoFocus={index === 0}
            {...form.getInputProps(field.name)}
          />
        ))}
        <ErrorAlert error={error} />
        <Button type="submit" loading={form.submitting} w="fit-content">
          {t('settings.save')}
        </Button>
      </Stack>
    </form>
  )
}

/**
 * Supervisors: the lockout and idle-lock numbers, call handling, the ticket clocks, the working-day
 * calendar and the shifts (patterns, duty rule, roster), one tab each. Inactive tabs stay mounted
 * (Mantine's default), so switching tabs keeps what was typed in another.
 */
export default function SettingsPage() {
  const { t } = useTranslation()
  const [current, setCurrent] = useState<Settings | null>(null)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    call('settingsGet', {}).then(setCurrent, setError)
  }, [])

  return (
    <Container size="xl" px={0}>
      <Stack>
        <Title order={1} size="h2">
          {t('settings.title')}
        </Title>
        <Tabs defaultValue="seat">
          <Tabs.List>
            <Tabs.Tab value="seat">{t('deadlines.settingsTabs.seat')}</Tabs.Tab>
            <Tabs.Tab value="call">{t('settings.call.title')}</Tabs.Tab>
            <Tabs.Tab value="clocks">{t('deadlines.clocks.title')}</Tabs.Tab>
            <Tabs.Tab value="calendar">{t('deadlines.calendar.title')}</Tabs.Tab>
            <Tabs.Tab value="shifts">{t('shifts.tab')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="seat" pt="md">
            <Stack>
              <Text size="sm" c="dimmed">
                {t('settings.intro')}
              </Text>
              {error ? <ErrorAlert error={error} /> : current ? <SettingsForm current={current} /> : <Loading />}
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="call" pt="md">
            <CallSettingsSection />
          </Tabs.Panel>
          <Tabs.Panel value="clocks" pt="md">
            <DeadlineSettingsSection />
          </Tabs.Panel>
          <Tabs.Panel value="calendar" pt="md">
            <WorkingCalendarSection />
          </Tabs.Panel>
          <Tabs.Panel value="shifts" pt="md">
            <ShiftsSettingsTab />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Container>
  )
}
