import { Button, Center, FocusTrap, Group, Overlay, Paper, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconLock } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { pinSchema } from '../../../../shared/domain/identity'
import type { SessionView } from '../../../../shared/ipc/contract'
import { formatClock } from '../../i18n/format'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { PinInput } from '../../ui/PinInput'
import { zodValidator } from '../../ui/zodForm'
import { useCallStore } from '../call/callStore'
import { signOut, unlockSession } from './sessionActions'

const unlockSchema = z.object({ pin: pinSchema })

/**
 * Covers the app while the session is locked. The screen underneath stays mounted (and inert), so
 * a half-typed ticket or form is there again after the same user's PIN.
 */
export function LockOverlay({ session }: { session: SessionView }) {
  const { t, i18n } = useTranslation()
  const [error, setError] = useState<unknown>(null)
  const form = useForm({ initialValues: { pin: '' }, validate: zodValidator(unlockSchema, t) })

  const submit = form.onSubmit(async ({ pin }) => {
    setError(null)
    try {
      await unlockSession(pin)
    } catch (caught) {
      form.setFieldValue('pin', '')
      setError(caught)
    }
  })
  // Signing out needs no PIN (the next agent must be able to use a locked seat), but is asked once.
  const [confirmingLeave, setConfirmingLeave] = useState(false)
  const callOpen = useCallStore((state) => !!state.view)
  const [leaving, setLeaving] = useState(false)
  const leave = async () => {
    setLeaving(true)
    try {
      await signOut()
    } catch (caught) {
      setConfirmingLeave(false)
      setError(caught)
    } finally {
      setLeaving(false)
    }
  }

  return (
    <Overlay fixed zIndex={1000} backgroundOpacity={0.92} color="var(--mantine-color-body)" blur={6} data-testid="lock-overlay">
      <Center h="100%">
        <FocusTrap active>
          <Paper
            withBorder
            shadow="md"
            p="xl"
            w={400}
            role="dialog"
            aria-modal="true"
            aria-labelledby="lock-title"
          >
            <form onSubmit={submit} noValidate>
              <Stack>
                <Group gap="xs">
                  <IconLock aria-hidden />
                  <Title order={2} size="h3" id="lock-title">
                    {t('identity.lock.title')}
                  </Title>
                </Group>
                <Text size="sm">
                  {t('identity.lock.body', {
                    name: session.user.name,
                    employeeNo: session.user.employeeNo,
                    time: session.lockedAt ? formatClock(session.lockedAt, i18n.language) : '',
                  })}
                </Text>
                <ErrorAlert error={error} pinOnly />
                {confirmingLeave ? (
                  <>
                    <Text size="sm" fw={500} role="alert">
                      {/* Main allows signing out from the lock screen with a call open: it closes and records it. */}
                      {t(callOpen ? 'identity.lock.signOutConfirmCallOpen' : 'identity.lock.signOutConfirm', { name: session.user.name, employeeNo: session.user.employeeNo })}
                    </Text>
                    <Group justify="space-between">
                      <Button variant="default" onClick={() => setConfirmingLeave(false)} autoFocus>
                        {t('identity.lock.signOutCancel')}
                      </Button>
                      <Button color="red" loading={leaving} onClick={() => void leave()}>
                        {t('identity.lock.signOut')}
                      </Button>
                    </Group>
                  </>
                ) : (
                  <>
                    <PinInput label={t('identity.lock.pin')} autoComplete="off" data-autofocus {...form.getInputProps('pin')} />
                    <Group justify="space-between">
                      <Button variant="subtle" color="gray" onClick={() => setConfirmingLeave(true)}>
                        {t('identity.lock.signOut')}
                      </Button>
                      <Button type="submit" loading={form.submitting}>
                        {t('identity.lock.unlock')}
                      </Button>
                    </Group>
                  </>
                )}
              </Stack>
            </form>
          </Paper>
        </FocusTrap>
      </Center>
    </Overlay>
  )
}
