import { Group, Radio, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { escalationTargets, type EscalationTarget } from '../../../../../../shared/domain/tickets/lifecycle'
import { contract } from '../../../../../../shared/ipc/contract'
import { call } from '../../../../api/client'
import type { TicketRow } from '../../../../db/schema'
import { zodValidator } from '../../../../ui/zodForm'
import { ActionModal } from '../../ActionModal'

type Values = { to: EscalationTarget | ''; reason: string }

/** Anyone may escalate, to complaint handling or a supervisor; the owner stays the owner and is told. */
export function EscalateModal({ ticket, ownerName, onClose }: { ticket: TicketRow; ownerName: string; onClose: () => void }) {
  const { t } = useTranslation()
  const toRequest = (values: Values) => ({ ticketId: ticket.ticketId, to: values.to, reason: values.reason })
  const form = useForm<Values>({
    initialValues: { to: '', reason: '' },
    validate: zodValidator(contract.ticketEscalate.request, t, toRequest),
  })
  return (
    <ActionModal
      title={t('tickets.escalate.title')}
      subject={t('tickets.escalate.ownerStays', { number: ticket.ticketNo, owner: ownerName })}
      submitLabel={t('tickets.escalate.submit')}
      form={form}
      action={(values) => call('ticketEscalate', { ...toRequest(values), to: values.to as EscalationTarget })}
      savedMessage={t('tickets.escalate.saved', { number: ticket.ticketNo })}
      onClose={onClose}
    >
      <Radio.Group label={t('tickets.escalate.to')} withAsterisk {...form.getInputProps('to')}>
        <Group gap="md" mt={4}>
          {escalationTargets.map((target, index) => (
            <Radio key={target} value={target} label={t(`tickets.escalate.targetLabels.${target}`)} data-autofocus={index === 0 || undefined} />
          ))}
        </Group>
      </Radio.Group>
      <Textarea label={t('tickets.escalate.reason')} withAsterisk autosize minRows={2} {...form.getInputProps('reason')} />
    </ActionModal>
  )
}
