import { Modal, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { pinSchema } from '../../../../shared/domain/identity'
import { call } from '../../api/client'
import type { UserRow } from '../../db/schema'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { PinInput } from '../../ui/PinInput'
import { pinConfirmed, zodValidator } from '../../ui/zodForm'
import { useUsersScreen } from './usersStore'
import { FormActions } from '../../ui/FormActions'

const newPin = z.object({ pin: pinSchema })

export function ResetPinModal({ user }: { user: UserRow | undefined }) {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>(null)
  const form = useForm({
    initialValues: { pin: '', pinConfirm: '' },
    validate: zodValidator(newPin, t, (values) => values, (values) => pinConfirmed(t, values.pin, values.pinConfirm)),
  })
  const close = () => {
    useUsersScreen.setState({ resettingPinOf: null })
    form.reset()
    setError(null)
  }
  const submit = form.onSubmit(async ({ pin }) => {
    if (!user) return
    setError(null)
    try {
      await call('userResetPin', { employeeNo: user.employeeNo, pin })
      notifications.show({ color: 'teal', message: t('users.pinReset', { name: user.name }) })
      close()
    } catch (caught) {
      setError(caught)
    }
  })

  return (
    <Modal opened={user !== undefined} onClose={close} title={t('users.reset.title', { name: user?.name ?? '' })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('users.reset.intro')}
          </Text>
          <PinInput
            label={t('users.reset.pin')}
            description={t('validation.pinHint')}
            autoComplete="new-password"
            data-autofocus
            {...form.getInputProps('pin')}
          />
          <PinInput label={t('users.reset.pinConfirm')} autoComplete="new-password" {...form.getInputProps('pinConfirm')} />
          <ErrorAlert error={error} />
          <FormActions submitLabel={t('users.reset.submit')} submitting={form.submitting} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  )
}
