import { Group, List, Radio, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { waitingOnValues, type TicketStatus, type WaitingOn } from '../../../../../../shared/domain/tickets/lifecycle'
import { contract } from '../../../../../../shared/ipc/contract'
import { call } from '../../../../api/client'
import type { TicketRow } from '../../../../db/schema'
import { zodValidator } from '../../../../ui/zodForm'
import { statusLabel } from '../../ticketLabels'
import { fieldLabel, formPath, ticketErrorText } from '../../form/ticketFormErrors'
import { ActionModal } from '../../ActionModal'

type Values = { waitingOn: WaitingOn | ''; note: string }

/** The owner moves the ticket on (or reopens it); waiting says on whom. */
export function StatusMoveModal({ ticket, to, onClose }: { ticket: TicketRow; to: TicketStatus; onClose: () => void }) {
  const { t } = useTranslation()
  // Waiting on the branch → waiting on the branch is no move (waitingOnUnchanged): not offered.
  const parties = waitingOnValues.filter((party) => !(ticket.status === 'waiting' && ticket.waitingOn === party))
  const toRequest = (values: Values) => ({
    ticketId: ticket.ticketId,
    to,
    waitingOn: to === 'waiting' && values.waitingOn !== '' ? values.waitingOn : null,
    note: values.note,
  })
  const form = useForm<Values>({
    initialValues: { waitingOn: '', note: '' },
    validate: zodValidator(contract.ticketSetStatus.request, t, toRequest, (values) =>
      to === 'waiting' && values.waitingOn === '' ? { waitingOn: t('tickets.actions.waitingOnRequired') } : {},
    ),
  })
  const title = ticket.status === 'resolved' || ticket.status === 'closed' ? t('tickets.actions.reopen') : t('tickets.actions.moveTo', { status: t(`tickets.status.${to}`) })
  return (
    <ActionModal
      title={title}
      subject={ticket.ticketNo}
      submitLabel={title}
      form={form}
      action={(values) => call('ticketSetStatus', toRequest(values))}
      savedMessage={t('tickets.actions.statusSaved', {
        number: ticket.ticketNo,
        status: statusLabel(t, to, to === 'waiting' && form.values.waitingOn !== '' ? form.values.waitingOn : null),
      })}
      onClose={onClose}
      renderRefusal={(error) =>
        error.code === 'resolutionIncomplete' && error.issues.length > 0 ? (
          <Stack gap={4} data-testid="resolution-gaps">
            <Text size="sm" fw={600}>
              {t('tickets.actions.stillMissing')}
            </Text>
            <List size="sm">
              {error.issues.map((issue) => (
                <List.Item key={`${issue.path}:${issue.code}`}>
                  {t('tickets.actions.gap', { field: fieldLabel(t, ticket.kind, formPath(issue.path)), reason: ticketErrorText(t, issue.code) })}
                </List.Item>
              ))}
            </List>
          </Stack>
        ) : null
      }
    >
      {to === 'waiting' && (
        <Radio.Group label={t('tickets.actions.waitingOnLabel')} withAsterisk {...form.getInputProps('waitingOn')}>
          <Group gap="md" mt={4}>
            {parties.map((party, index) => (
              <Radio key={party} value={party} label={t(`tickets.waitingOn.${party}`)} data-autofocus={index === 0 || undefined} />
            ))}
          </Group>
        </Radio.Group>
      )}
      <Textarea label={t('tickets.actions.note')} autosize minRows={2} data-autofocus={to !== 'waiting' || undefined} {...form.getInputProps('note')} />
    </ActionModal>
  )
}
