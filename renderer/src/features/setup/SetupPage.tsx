import { Button, Fieldset, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { seatSetupSchema, type SeatSetup } from '../../../../shared/domain/identity'
import { ApiError, call } from '../../api/client'
import { useAppStore } from '../../app/appStore'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { PinInput } from '../../ui/PinInput'
import { StandaloneScreen } from '../../ui/StandaloneScreen'
import { issuesToFormErrors, pinConfirmed, zodValidator } from '../../ui/zodForm'

export interface SetupValues {
  companyName: string
  branchCode: string
  seatNumber: string
  supervisor: { employeeNo: string; name: string; pin: string }
  pinConfirm: string
}

const toRequest = ({ pinConfirm: _confirm, ...request }: SetupValues): SeatSetup => request

/** First run (no seat yet): the company, branch and seat, and the first supervisor. */
export default function SetupPage() {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>(null)
  const form = useForm<SetupValues>({
    initialValues: {
      companyName: '',
      branchCode: '',
      seatNumber: '',
      supervisor: { employeeNo: '', name: '', pin: '' },
      pinConfirm: '',
    },
    validate: zodValidator(seatSetupSchema, t, toRequest, (values) => pinConfirmed(t, values.supervisor.pin, values.pinConfirm)),
  })

  const submit = form.onSubmit(async (values) => {
    setError(null)
    try {
      const seat = await call('seatSetup', toRequest(values))
      notifications.show({ color: 'teal', message: t('setup.done') })
      useAppStore.setState({ seat })
    } catch (caught) {
      if (caught instanceof ApiError) form.setErrors(issuesToFormErrors(t, caught.issues))
      setError(caught)
    }
  })

  return (
    <StandaloneScreen width={640}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('setup.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('setup.intro')}
          </Text>
          <Fieldset legend={t('setup.seatSection')}>
            <Stack gap="sm">
              <TextInput
                label={t('setup.companyName')}
                description={t('setup.companyNameHint')}
                autoFocus
                withAsterisk
                {...form.getInputProps('companyName')}
              />
              <SimpleGrid cols={2}>
                <TextInput
                  label={t('setup.branchCode')}
                  description={t('setup.branchCodeHint')}
                  withAsterisk
                  {...form.getInputProps('branchCode')}
                  // Ticket numbers start with the branch code: capitals as it is typed.
                  onChange={(event) => form.setFieldValue('branchCode', event.currentTarget.value.toUpperCase())}
                />
                <TextInput
                  label={t('setup.seatNumber')}
                  description={t('validation.seatNumberHint')}
                  withAsterisk
                  {...form.getInputProps('seatNumber')}
                />
              </SimpleGrid>
            </Stack>
          </Fieldset>
          <Fieldset legend={t('setup.supervisorSection')}>
            <Stack gap="sm">
              <SimpleGrid cols={2}>
                <TextInput
                  label={t('setup.employeeNo')}
                  description={t('validation.employeeNoHint')}
                  withAsterisk
                  autoComplete="off"
                  {...form.getInputProps('supervisor.employeeNo')}
                />
                <TextInput label={t('setup.name')} withAsterisk {...form.getInputProps('supervisor.name')} />
              </SimpleGrid>
              <SimpleGrid cols={2}>
                <PinInput
                  label={t('setup.pin')}
                  description={t('setup.pinHint')}
                  autoComplete="new-password"
                  withAsterisk
                  {...form.getInputProps('supervisor.pin')}
                />
                <PinInput
                  label={t('setup.pinConfirm')}
                  autoComplete="new-password"
                  withAsterisk
                  {...form.getInputProps('pinConfirm')}
                />
              </SimpleGrid>
            </Stack>
          </Fieldset>
          <ErrorAlert error={error} />
          <Button type="submit" loading={form.submitting}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </StandaloneScreen>
  )
}
