import { Modal, Stack, Text } from '@mantine/core'
import type { FormErrors, UseFormReturnType } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { FormActions } from '../../ui/FormActions'
import { useDiscardGuard } from '../../ui/useDiscardGuard'
import { useSubmitOnce } from '../../ui/useSubmitOnce'
import { issuesToFormErrors } from '../../ui/zodForm'

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
  /** Where a refusal's issues land on the fields; by default a contract check's, by their path. */
  fieldErrors?: (error: ApiError) => FormErrors
  /** After main refused (a wrong PIN is not kept for the next try). */
  onRefused?: (error: unknown) => void
  /** The form asks for a PIN alone: a refusal says "wrong PIN", not "wrong employee number or PIN". */
  pinOnly?: boolean
  children: ReactNode
}

/**
 * The frame every ticket action (and the customer archive's edit) shares: a form checked with the contract's schema, sent once however
 * often Enter is pressed, the refusal said in the user's language, a "saved" note only after main
 * answered, and the fields reset on close. Esc, Cancel or a click outside close an untouched form;
 * one with something typed asks first.
 */
export function ActionModal<Values>({
  title,
  subject,
  submitLabel,
  form,
  action,
  savedMessage,
  onClose,
  renderRefusal,
  fieldErrors,
  onRefused,
  pinOnly = false,
  children,
}: ActionModalProps<Values>) {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>(null)
  const close = () => {
    form.reset()
    setError(null)
    onClose()
  }
  const { requestClose, confirmation } = useDiscardGuard(() => form.isDirty(), close)
  const submit = useSubmitOnce(form, async (values) => {
    setError(null)
    try {
      await action(values)
      notifications.show({ color: 'teal', message: savedMessage })
      close()
      return true
    } catch (caught) {
      if (caught instanceof ApiError) {
        if (fieldErrors) form.setErrors(fieldErrors(caught))
        else if (caught.code === 'validation') form.setErrors(issuesToFormErrors(t, caught.issues))
      }
      onRefused?.(caught)
      setError(caught)
      return false
    }
  })
  return (
    <>
      <Modal opened onClose={requestClose} title={title}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {subject && (
              <Text size="sm" c="dimmed">
                {subject}
              </Text>
            )}
            {children}
            <ErrorAlert error={error} pinOnly={pinOnly} />
            {error instanceof ApiError && renderRefusal?.(error)}
            <FormActions submitLabel={submitLabel} submitting={form.submitting} onCancel={requestClose} />
          </Stack>
        </form>
      </Modal>
      {confirmation}
    </>
  )
}
