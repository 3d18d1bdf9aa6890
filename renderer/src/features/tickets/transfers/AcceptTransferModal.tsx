import { Modal, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { contract } from '../../../../../shared/ipc/contract'
import { call } from '../../../api/client'
import type { TransferRow } from '../../../db/schema'
import { ErrorAlert } from '../../../ui/ErrorAlert'
import { FormActions } from '../../../ui/FormActions'
import { PinInput } from '../../../ui/PinInput'
import { zodValidator } from '../../../ui/zodForm'

/**
 * Taking tickets on is attested with the receiver's own PIN (their signature goes on the journal
 * entry). A wrong PIN is refused by main before anything is written; the modal stays open to retry.
 */
export function AcceptTransferModal({ transfer, fromName, onClose }: { transfer: TransferRow; fromName: string; onClose: () => void }) {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>(null)
  const toRequest = (values: { pin: string }) => ({ transferId: transfer.transferId, pin: values.pin })
  const form = useForm({ initialValues: { pin: '' }, validate: zodValidator(contract.ticketTransferAccept.request, t, toRequest) })
  const close = () => {
    form.reset()
    setError(null)
    onClose()
  }
  const submit = form.onSubmit(async (values) => {
    setError(null)
    try {
      await call('ticketTransferAccept', toRequest(values))
      notifications.show({ color: 'teal', message: t('tickets.transfer.accepted', { count: transfer.ticketIds.length, from: fromName }) })
      close()
    } catch (caught) {
      // A PIN that was wrong is not kept for the next try.
      form.setFieldValue('pin', '')
      setError(caught)
    }
  })
  return (
    <Modal opened onClose={close} title={t('tickets.transfer.acceptTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('tickets.transfer.acceptIntro', { count: transfer.ticketIds.length, from: fromName })}</Text>
          <PinInput label={t('tickets.transfer.pin')} autoComplete="off" withAsterisk data-autofocus {...form.getInputProps('pin')} />
          <ErrorAlert error={error} pinOnly />
          <FormActions submitLabel={t('tickets.transfer.accept')} submitting={form.submitting} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  )
}
