import { Group, Radio, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { callbackOutcomes, type CallbackOutcome } from '../../../../../../shared/domain/tickets/lifecycle'
import { contract } from '../../../../../../shared/ipc/contract'
import { call } from '../../../../api/client'
import type { CallbackRow, TicketRow } from '../../../../db/schema'
import { formatDateTime } from '../../../../i18n/format'
import { zodValidator } from '../../../../ui/zodForm'
import { ActionModal } from '../../ActionModal'

type Values = { outcome: CallbackOutcome | ''; note: string }

/** Whoever made the callback records how it went. */
export function RecordCallbackModal({ ticket, callback, onClose }: { ticket: TicketRow; callback: CallbackRow; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const toRequest = (values: Values) => ({ ticketId: ticket.ticketId, callbackId: callback.callbackId, outcome: values.outcome, note: values.note })
  const form = useForm<Values>({
    initialValues: { outcome: '', note: '' },
    validate: zodValidator(contract.ticketRecordCallback.request, t, toRequest),
  })
  return (
    <ActionModal
      title={t('tickets.callbacks.record')}
      subject={t('tickets.callbacks.recordSubject', { number: ticket.ticketNo, due: formatDateTime(callback.dueAt, i18n.language) })}
      submitLabel={t('tickets.callbacks.record')}
      form={form}
      action={(values) => call('ticketRecordCallback', { ...toRequest(values), outcome: values.outcome as CallbackOutcome })}
      savedMessage={t('tickets.callbacks.recorded', { number: ticket.ticketNo })}
      onClose={onClose}
    >
      <Radio.Group label={t('tickets.callbacks.outcome')} withAsterisk {...form.getInputProps('outcome')}>
        <Group gap="md" mt={4}>
          {callbackOutcomes.map((outcome, index) => (
            <Radio key={outcome} value={outcome} label={t(`tickets.callbacks.outcomes.${outcome}`)} data-autofocus={index === 0 || undefined} />
          ))}
        </Group>
      </Radio.Group>
      <Textarea label={t('tickets.actions.note')} autosize minRows={2} {...form.getInputProps('note')} />
    </ActionModal>
  )
}
