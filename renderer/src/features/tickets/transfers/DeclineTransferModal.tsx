import { Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { contract } from '../../../../../shared/ipc/contract'
import { call } from '../../../api/client'
import type { TransferRow } from '../../../db/schema'
import { zodValidator } from '../../../ui/zodForm'
import { ActionModal } from '../ActionModal'

/** The receiver refuses, saying why; the tickets stay with their owner. */
export function DeclineTransferModal({ transfer, fromName, onClose }: { transfer: TransferRow; fromName: string; onClose: () => void }) {
  const { t } = useTranslation()
  const toRequest = (values: { reason: string }) => ({ transferId: transfer.transferId, reason: values.reason })
  const form = useForm({ initialValues: { reason: '' }, validate: zodValidator(contract.ticketTransferDecline.request, t, toRequest) })
  return (
    <ActionModal
      title={t('tickets.transfer.declineTitle')}
      subject={t('tickets.transfer.declineIntro', { count: transfer.ticketIds.length, from: fromName })}
      submitLabel={t('tickets.transfer.decline')}
      form={form}
      action={(values) => call('ticketTransferDecline', toRequest(values))}
      savedMessage={t('tickets.transfer.declined', { from: fromName })}
      onClose={onClose}
    >
      <Textarea label={t('tickets.transfer.declineReason')} withAsterisk autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />
    </ActionModal>
  )
}
