import { Modal, Stack, Text } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState, type ReactNode } from 'react'
import { ApiError } from '../../api/client'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { FormActions } from '../../ui/FormActions'
import { issuesToFormErrors } from '../../ui/zodForm'
import { useTranslation } from 'react-i18next'

export interface ActionModalProps<Values> {
  title: string
  /** One line under the title naming the ticket the action is for. */
  subject?: string
  submitLabel: string
  form: UseFormReturnType<Values>
  /** Sends the request; resolves once main has written it (the projection follows by itself). */
  action: (values: Values) => Promise<unknown>
  /** Said once the action is saved. */
  savedMessage: string
  onClose: () => void
  /** What to show beside the translated error (a resolve refused with the fields still missing). */
  renderRefusal?: (error: ApiError) => ReactNode
  children: ReactNode
}

/**
 * The frame every ticket action shares: a form checked with the contract's schema, the refusal said in
 * the user's language, a "saved" note only after main answered, and the fields reset on close.
 */
export function ActionModal<Values>({ title, subject, submitLabel, form, action, savedMessage, onClose, renderRefusal, children }: ActionModalProps<Values>) {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>(null)
  const close = () => {
    form.reset()
    setError(null)
    onClose()
  }
  const submit = form.onSubmit(async (values) => {
    setError(null)
    try {
      await action(values)
      notifications.show({ color: 'teal', message: savedMessage })
      close()
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'validation') form.setErrors(issuesToFormErrors(t, caught.issues))
      setError(caught)
    }
  })
  return (
    <Modal opened onClose={close} title={title}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {subject && (
            <Text size="sm" c="dimmed">
              {subject}
            </Text>
          )}
          {children}
          <ErrorAlert error={error} />
          {error instanceof ApiError && renderRefusal?.(error)}
          <FormActions submitLabel={submitLabel} submitting={form.submitting} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  )
}
