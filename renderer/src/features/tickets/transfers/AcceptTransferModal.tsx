import { Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { contract } from '../../../../../shared/ipc/contract'
import { call } from '../../../api/client'
import type { TransferRow } from '../../../db/schema'
import { PinInput } from '../../../ui/PinInput'
import { zodValidator } from '../../../ui/zodForm'
import { ActionModal } from '../ActionModal'

/**
 * Taking tickets on is attested with the receiver's own PIN (their signature goes on the journal
 * entry). A wrong PIN is refused by main before anything is written; the modal stays open to retry.
 */
export function AcceptTransferModal({ transfer, fromName, onClose }: { transfer: TransferRow; fromName: string; onClose: () => void }) {
  const { t } = useTranslation()
  const toRequest = (values: { pin: string }) => ({ transferId: transfer.transferId, pin: values.pin })
  const form = useForm({ initialValues: { pin: '' }, validate: zodValidator(contract.ticketTransferAccept.request, t, toRequest) })
  return (
    <ActionModal
      title={t('tickets.transfer.acceptTitle')}
      submitLabel={t('tickets.transfer.accept')}
      form={form}
      action={(values) => call('ticketTransferAccept', toRequest(values))}
      savedMessage={t('tickets.transfer.accepted', { count: transfer.ticketIds.length, from: fromName })}
      onClose={onClose}
      pinOnly
      // A PIN that was wrong is not kept for the next try.
      onRefused={() => form.setFieldValue('pin', '')}
    >
      <Text size="sm">{t('tickets.transfer.acceptIntro', { count: transfer.ticketIds.length, from: fromName })}</Text>
      <PinInput label={t('tickets.transfer.pin')} autoComplete="off" withAsterisk data-autofocus {...form.getInputProps('pin')} />
    </ActionModal>
  )
}
