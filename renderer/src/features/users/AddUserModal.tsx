import { Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newUserSchema, type NewUser } from '../../../../shared/domain/identity'
import { roles, type Role } from '../../../../shared/domain/roles'
import { ApiError, call } from '../../api/client'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { PinInput } from '../../ui/PinInput'
import { issuesToFormErrors, pinConfirmed, zodValidator } from '../../ui/zodForm'
import { useUsersScreen } from './usersStore'
import { FormActions } from '../../ui/FormActions'

type Values = NewUser & { pinConfirm: string }
const toRequest = ({ pinConfirm: _confirm, ...user }: Values): NewUser => ({ ...user, employeeNo: user.employeeNo.trim() })

export function AddUserModal() {
  const { t } = useTranslation()
  const opened = useUsersScreen((state) => state.adding)
  const [error, setError] = useState<unknown>(null)
  const form = useForm<Values>({
    initialValues: { employeeNo: '', name: '', role: 'agent', pin: '', pinConfirm: '' },
    validate: zodValidator(newUserSchema, t, toRequest, (values) => pinConfirmed(t, values.pin, values.pinConfirm)),
  })
  const close = () => {
    useUsersScreen.setState({ adding: false })
    form.reset()
    setError(null)
  }

  const submit = form.onSubmit(async (values) => {
    setError(null)
    try {
      const user = await call('userAdd', toRequest(values))
      notifications.show({ color: 'teal', message: t('users.added', { name: user.name }) })
      close()
    } catch (caught) {
      if (caught instanceof ApiError) form.setErrors(issuesToFormErrors(t, caught.issues))
      setError(caught)
    }
  })

  return (
    <Modal opened={opened} onClose={close} title={t('users.add')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <TextInput
              label={t('users.form.employeeNo')}
              description={t('validation.employeeNoHint')}
              withAsterisk
              data-autofocus
              {...form.getInputProps('employeeNo')}
            />
            <TextInput label={t('users.form.name')} withAsterisk {...form.getInputProps('name')} />
          </SimpleGrid>
          <Select
            label={t('users.form.role')}
            withAsterisk
            allowDeselect={false}
            data={roles.map((role: Role) => ({ value: role, label: t(`roles.${role}`) }))}
            {...form.getInputProps('role')}
          />
          <SimpleGrid cols={2}>
            <PinInput
              label={t('users.form.pin')}
              description={t('validation.pinHint')}
              autoComplete="new-password"
              withAsterisk
              {...form.getInputProps('pin')}
            />
            <PinInput
              label={t('users.form.pinConfirm')}
              autoComplete="new-password"
              withAsterisk
              {...form.getInputProps('pinConfirm')}
            />
          </SimpleGrid>
          <ErrorAlert error={error} />
          <FormActions submitLabel={t('users.form.submit')} submitting={form.submitting} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  )
}
