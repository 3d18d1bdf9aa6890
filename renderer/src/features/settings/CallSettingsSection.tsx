import { ActionIcon, Button, Group, Loader, NumberInput, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { callHotkeyActions, callSettingsUpdateSchema, type CallSettings } from '../../../../shared/domain/callSettings'
import { ApiError, call } from '../../api/client'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { issuesToFormErrors, zodValidator } from '../../ui/zodForm'
import { HotkeyInput } from './HotkeyInput'

/** A new reason's id: stable once saved (calls store it), unique in the list. */
function newReasonId(existing: { id: string }[]): string {
  let n = existing.length + 1
  while (existing.some((reason) => reason.id === `reason-${n}`)) n += 1
  return `reason-${n}`
}

function CallSettingsForm({ current }: { current: CallSettings }) {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>(null)
  const form = useForm<CallSettings>({
    initialValues: current,
    // The same rules main applies on save (hotkeys parse, are distinct, avoid reserved keys).
    validate: zodValidator(callSettingsUpdateSchema, t, (values) => values, (values) =>
      values.warningSeconds >= values.targetSeconds ? { warningSeconds: t('settings.call.warningBeforeTarget') } : {},
    ),
  })

  const submit = form.onSubmit(async (settings) => {
    setError(null)
    try {
      form.resetDirty(await call('callSettingsUpdate', { settings }))
      notifications.show({ color: 'teal', message: t('settings.saved') })
    } catch (caught) {
      // A rule main checked that the form could not: shown on its field, like the form's own.
      if (caught instanceof ApiError && caught.code === 'validation' && caught.issues.length) form.setErrors(issuesToFormErrors(t, caught.issues))
      else setError(caught)
    }
  })

  return (
    <form onSubmit={submit} noValidate aria-label={t('settings.call.title')}>
      <Stack maw={640}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput label={t('settings.call.targetSeconds')} description={t('settings.range', { min: 30, max: 1800 })} min={30} max={1800} allowDecimal={false} allowNegative={false} {...form.getInputProps('targetSeconds')} />
          <NumberInput label={t('settings.call.warningSeconds')} description={t('settings.call.warningHint')} min={10} max={1800} allowDecimal={false} allowNegative={false} {...form.getInputProps('warningSeconds')} />
        </SimpleGrid>
        <Switch label={t('settings.call.sound')} {...form.getInputProps('sound', { type: 'checkbox' })} />
        <Title order={3} size="h5">
          {t('settings.call.hotkeys')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('settings.call.hotkeysHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {callHotkeyActions.map((action) => (
            <HotkeyInput key={action} label={t(`call.actions.${action}`)} {...form.getInputProps(`hotkeys.${action}`)} />
          ))}
        </SimpleGrid>
        <Title order={3} size="h5">
          {t('settings.call.reasons')}
        </Title>
        {form.values.overTargetReasons.map((reason, index) => (
          <Group key={reason.id} align="flex-end" wrap="nowrap">
            <TextInput label={t('settings.call.reasonZh', { n: index + 1 })} {...form.getInputProps(`overTargetReasons.${index}.label.zh-CN`)} style={{ flex: 1 }} />
            <TextInput label={t('settings.call.reasonEn', { n: index + 1 })} {...form.getInputProps(`overTargetReasons.${index}.label.en`)} style={{ flex: 1 }} />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mb={4}
              aria-label={t('settings.call.removeReason', { n: index + 1 })}
              disabled={form.values.overTargetReasons.length <= 1}
              onClick={() => form.removeListItem('overTargetReasons', index)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="default"
          w="fit-content"
          leftSection={<IconPlus size={16} />}
          onClick={() => form.insertListItem('overTargetReasons', { id: newReasonId(form.values.overTargetReasons), label: { 'zh-CN': '', en: '' } })}
        >
          {t('settings.call.addReason')}
        </Button>
        <ErrorAlert error={error} />
        <Button type="submit" loading={form.submitting} w="fit-content">
          {t('settings.call.save')}
        </Button>
      </Stack>
    </form>
  )
}

/** Supervisors: the handling target, warning point, sound, hotkeys and over-target reasons. */
export function CallSettingsSection() {
  const { t } = useTranslation()
  const [current, setCurrent] = useState<CallSettings | null>(null)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    call('callSettingsGet', {}).then(setCurrent, setError)
  }, [])
  return (
    <Stack component="section" aria-label={t('settings.call.title')}>
      <Title order={2} size="h3">
        {t('settings.call.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('settings.call.intro')}
      </Text>
      {error ? <ErrorAlert error={error} /> : current ? <CallSettingsForm current={current} /> : <Loader size="sm" aria-label={t('app.loading')} />}
    </Stack>
  )
}
