import { Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { contract } from '../../../../../../shared/ipc/contract'
import { call } from '../../../../api/client'
import type { TicketRow } from '../../../../db/schema'
import { zodValidator } from '../../../../ui/zodForm'
import { ActionModal } from '../../ActionModal'
import { chinaWallTimeInstant } from '../../form/ticketDraft'

type Values = { dueAt: string; note: string }

/**
 * The owner promises to call the customer back at a time; it falls due like a clock. The time is typed
 * on the China clock (as every time in the ticket rules and on screen), whatever zone the seat is set to.
 */
export function ScheduleCallbackModal({ ticket, onClose, now }: { ticket: TicketRow; onClose: () => void; now: number }) {
  const { t } = useTranslation()
  const toRequest = (values: Values) => ({ ticketId: ticket.ticketId, dueAt: chinaWallTimeInstant(values.dueAt) ?? values.dueAt, note: values.note })
  const form = useForm<Values>({
    initialValues: { dueAt: '', note: '' },
    validate: zodValidator(contract.ticketScheduleCallback.request, t, toRequest, (values) => {
      const instant = chinaWallTimeInstant(values.dueAt)
      if (instant === null) return { dueAt: values.dueAt === '' ? t('validation.required') : t('tickets.callbacks.dueAtInvalid') }
      // A callback promised for a time already gone would be overdue the moment it is saved.
      return Date.parse(instant) <= now ? { dueAt: t('tickets.callbacks.dueAtPast') } : {}
    }),
  })
  return (
    <ActionModal
      title={t('tickets.callbacks.schedule')}
      subject={ticket.ticketNo}
      submitLabel={t('tickets.callbacks.schedule')}
      form={form}
      action={(values) => call('ticketScheduleCallback', toRequest(values))}
      savedMessage={t('tickets.callbacks.scheduled', { number: ticket.ticketNo })}
      onClose={onClose}
    >
      <TextInput
        type="datetime-local"
        label={t('tickets.callbacks.dueAt')}
        description={t('tickets.callbacks.dueAtHint')}
        withAsterisk
        data-autofocus
        {...form.getInputProps('dueAt')}
      />
      <Textarea label={t('tickets.actions.note')} autosize minRows={2} {...form.getInputProps('note')} />
    </ActionModal>
  )
}
