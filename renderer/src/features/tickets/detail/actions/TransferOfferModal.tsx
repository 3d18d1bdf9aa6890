import { Select, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { contract } from '../../../../../../shared/ipc/contract'
import { call } from '../../../../api/client'
import type { TicketRow, UserRow } from '../../../../db/schema'
import { zodValidator } from '../../../../ui/zodForm'
import { ActionModal } from '../../ActionModal'

type Values = { to: string; reason: string }

/** The owner offers the ticket to a colleague; it stays theirs until the colleague accepts with a PIN. */
export function TransferOfferModal({ ticket, users, me, onClose }: { ticket: TicketRow; users: readonly UserRow[]; me: string; onClose: () => void }) {
  const { t } = useTranslation()
  const candidates = users.filter((user) => user.active && user.employeeNo !== me)
  const toRequest = (values: Values) => ({ ticketIds: [ticket.ticketId], to: values.to, reason: values.reason })
  const form = useForm<Values>({
    initialValues: { to: '', reason: '' },
    validate: zodValidator(contract.ticketTransferOffer.request, t, toRequest),
  })
  const nameOf = (employeeNo: string) => candidates.find((user) => user.employeeNo === employeeNo)?.name ?? employeeNo
  return (
    <ActionModal
      title={t('tickets.transfer.offerTitle')}
      subject={t('tickets.transfer.offerIntro', { number: ticket.ticketNo })}
      submitLabel={t('tickets.transfer.offer')}
      form={form}
      action={(values) => call('ticketTransferOffer', toRequest(values))}
      savedMessage={t('tickets.transfer.offered', { number: ticket.ticketNo, name: nameOf(form.values.to) })}
      onClose={onClose}
    >
      <Select
        label={t('tickets.transfer.to')}
        withAsterisk
        searchable
        data-autofocus
        nothingFoundMessage={t('tickets.transfer.noColleague')}
        data={candidates.map((user) => ({ value: user.employeeNo, label: t('shell.user', { name: user.name, employeeNo: user.employeeNo }) }))}
        {...form.getInputProps('to')}
      />
      <Textarea label={t('tickets.transfer.reason')} withAsterisk autosize minRows={2} {...form.getInputProps('reason')} />
    </ActionModal>
  )
}
