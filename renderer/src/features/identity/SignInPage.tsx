import { Button, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { employeeNoSchema, pinSchema, type Seat } from '../../../../shared/domain/identity'
import { call } from '../../api/client'
import { setSession } from '../../app/appStore'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { PinInput } from '../../ui/PinInput'
import { StandaloneScreen } from '../../ui/StandaloneScreen'
import { zodValidator } from '../../ui/zodForm'

const signInSchema = z.object({ employeeNo: employeeNoSchema, pin: pinSchema })

/** Employee number and PIN; wrong PINs say how many tries are left, a lockout says until when. */
export default function SignInPage({ seat }: { seat: Seat }) {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>(null)
  const form = useForm({ initialValues: { employeeNo: '', pin: '' }, validate: zodValidator(signInSchema, t) })

  const submit = form.onSubmit(async (values) => {
    setError(null)
    try {
      setSession(await call('signIn', { employeeNo: values.employeeNo.trim(), pin: values.pin }))
    } catch (caught) {
      form.setFieldValue('pin', '')
      setError(caught)
    }
  })

  return (
    <StandaloneScreen width={400}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <div>
            <Title order={1} size="h2">
              {t('identity.signIn.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('identity.signIn.seat', { company: seat.companyName, branch: seat.branchCode, seat: seat.seatNumber })}
            </Text>
          </div>
          <TextInput
            label={t('identity.signIn.employeeNo')}
            autoFocus
            autoComplete="username"
            {...form.getInputProps('employeeNo')}
          />
          <PinInput label={t('identity.signIn.pin')} autoComplete="current-password" {...form.getInputProps('pin')} />
          <ErrorAlert error={error} />
          <Button type="submit" loading={form.submitting}>
            {t('identity.signIn.submit')}
          </Button>
        </Stack>
      </form>
    </StandaloneScreen>
  )
}
