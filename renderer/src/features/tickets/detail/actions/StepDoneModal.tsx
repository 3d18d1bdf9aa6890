import { Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import type { DeadlineClock } from '../../../../../../shared/domain/tickets/deadlines'
import { contract } from '../../../../../../shared/ipc/contract'
import { call } from '../../../../api/client'
import type { TicketRow } from '../../../../db/schema'
import { zodValidator } from '../../../../ui/zodForm'
import { ActionModal } from '../../ActionModal'

/** The owner says a step of the ticket's clocks was done (the apology letter went out). */
export function StepDoneModal({ ticket, clock, onClose }: { ticket: TicketRow; clock: DeadlineClock; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const step = clock.label[i18n.language === 'en' ? 'en' : 'zh-CN']
  const toRequest = (values: { note: string }) => ({ ticketId: ticket.ticketId, clockId: clock.id, note: values.note })
  const form = useForm({ initialValues: { note: '' }, validate: zodValidator(contract.ticketStepDone.request, t, toRequest) })
  return (
    <ActionModal
      title={t('tickets.clocks.markDoneTitle', { step })}
      subject={ticket.ticketNo}
      submitLabel={t('tickets.clocks.markDone')}
      form={form}
      action={(values) => call('ticketStepDone', toRequest(values))}
      savedMessage={t('tickets.clocks.markedDone', { step, number: ticket.ticketNo })}
      onClose={onClose}
    >
      <Textarea label={t('tickets.actions.note')} autosize minRows={2} data-autofocus {...form.getInputProps('note')} />
    </ActionModal>
  )
}
