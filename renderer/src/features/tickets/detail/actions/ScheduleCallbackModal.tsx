import { Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { contract } from '../../../../../../shared/ipc/contract'
import { call } from '../../../../api/client'
import type { TicketRow } from '../../../../db/schema'
import { zodValidator } from '../../../../ui/zodForm'
import { ActionModal } from '../../ActionModal'

type Values = { dueAt: string; note: string }

/** A datetime-local value ("2026-11-25T14:30", the seat's own time) as the instant main stores. */
export function localDateTimeToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null
  const ms = new Date(value).getTime()
  return Number.isNaN(ms) ? null : new Date(ms).toISOString()
}

/** The owner promises to call the customer back at a time; it falls due like a clock. */
export function ScheduleCallbackModal({ ticket, onClose, now }: { ticket: TicketRow; onClose: () => void; now: number }) {
  const { t } = useTranslation()
  const toRequest = (values: Values) => ({ ticketId: ticket.ticketId, dueAt: localDateTimeToIso(values.dueAt) ?? values.dueAt, note: values.note })
  const form = useForm<Values>({
    initialValues: { dueAt: '', note: '' },
    validate: zodValidator(contract.ticketScheduleCallback.request, t, toRequest, (values) => {
      const iso = localDateTimeToIso(values.dueAt)
      if (iso === null) return { dueAt: values.dueAt === '' ? t('validation.required') : t('tickets.callbacks.dueAtInvalid') }
      // A callback promised for a time already gone would be overdue the moment it is saved.
      return Date.parse(iso) <= now ? { dueAt: t('tickets.callbacks.dueAtPast') } : {}
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
      <TextInput type="datetime-local" label={t('tickets.callbacks.dueAt')} withAsterisk data-autofocus {...form.getInputProps('dueAt')} />
      <Textarea label={t('tickets.actions.note')} autosize minRows={2} {...form.getInputProps('note')} />
    </ActionModal>
  )
}
