import { Badge, Button, Card, Group, List, Stack, Text, Title, UnstyledButton } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { maskPhone } from '../../../../../shared/domain/tickets/lifecycle'
import { call } from '../../../api/client'
import { db, type TicketRow, type TransferRow } from '../../../db/schema'
import { describeError, formatDateTime } from '../../../i18n/format'
import { ConfirmModal } from '../../../ui/ConfirmModal'
import { pendingTransfersFor, pendingTransfersFrom } from '../data/ticketQueries'
import { kindLabel, statusColor, statusLabel } from '../ticketLabels'
import { openTicket } from '../ticketsStore'
import { useUsers } from '../useUsers'
import { AcceptTransferModal } from './AcceptTransferModal'
import { DeclineTransferModal } from './DeclineTransferModal'

function TransferTickets({ ticketIds }: { ticketIds: readonly string[] }) {
  const { t, i18n } = useTranslation()
  const tickets = useLiveQuery(async () => (await db.tickets.bulkGet([...ticketIds])).filter((row): row is TicketRow => row !== undefined), [ticketIds])
  return (
    <List size="sm" spacing={4} listStyleType="none" aria-label={t('tickets.transfer.ticketsLabel')}>
      {tickets?.map((ticket) => (
        <List.Item key={ticket.ticketId}>
          <UnstyledButton onClick={() => openTicket(ticket.ticketId)} aria-label={t('tickets.rowLabel', { number: ticket.ticketNo, kind: kindLabel(ticket.kind, i18n.language) })}>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" ff="monospace" fw={600} c="blue">
                {ticket.ticketNo}
              </Text>
              <Text size="sm">{kindLabel(ticket.kind, i18n.language)}</Text>
              <Text size="sm" c="dimmed">
                {ticket.customerName ?? t('tickets.noCustomerName')}
                {ticket.callerPhone ? ` ${maskPhone(ticket.callerPhone)}` : ''}
              </Text>
              <Badge size="sm" variant="light" color={statusColor[ticket.status]}>
                {statusLabel(t, ticket.status, ticket.waitingOn)}
              </Badge>
            </Group>
          </UnstyledButton>
        </List.Item>
      ))}
    </List>
  )
}

type Answer = { kind: 'accept' | 'decline'; transfer: TransferRow }

/**
 * Transfers offered to me, each with its tickets: Accept with my PIN, or Decline with a reason. Below,
 * the offers I made that still wait for an answer, which I may withdraw.
 */
export function TransfersInbox({ me }: { me: string }) {
  const { t, i18n } = useTranslation()
  const { nameOf } = useUsers()
  const offeredToMe = useLiveQuery(() => pendingTransfersFor(db, me), [me])
  const offeredByMe = useLiveQuery(() => pendingTransfersFrom(db, me), [me])
  const [answer, setAnswer] = useState<Answer | null>(null)
  const [withdrawing, setWithdrawing] = useState<TransferRow | null>(null)

  const withdraw = async (transfer: TransferRow) => {
    try {
      await call('ticketTransferCancel', { transferId: transfer.transferId })
      notifications.show({ color: 'teal', message: t('tickets.transfer.withdrawn', { to: nameOf(transfer.to) }) })
    } catch (caught) {
      notifications.show({ color: 'red', message: describeError(t, caught, i18n.language) })
    } finally {
      setWithdrawing(null)
    }
  }

  return (
    <Stack gap="md">
      <Stack gap="xs" component="section" aria-label={t('tickets.transfer.forMe')}>
        <Title order={2} size="h4">
          {t('tickets.transfer.forMe')}
        </Title>
        {offeredToMe?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('tickets.transfer.noneForMe')}
          </Text>
        )}
        {offeredToMe?.map((transfer) => (
          <Card key={transfer.transferId} withBorder padding="sm" data-transfer={transfer.transferId}>
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                {t('tickets.transfer.offerFrom', { from: nameOf(transfer.from), count: transfer.ticketIds.length, at: formatDateTime(transfer.offeredAt, i18n.language) })}
              </Text>
              <Text size="sm">{t('tickets.transfer.reasonIs', { reason: transfer.reason })}</Text>
              <TransferTickets ticketIds={transfer.ticketIds} />
              <Group gap="xs" justify="flex-end">
                <Button size="xs" variant="default" onClick={() => setAnswer({ kind: 'decline', transfer })}>
                  {t('tickets.transfer.decline')}
                </Button>
                <Button size="xs" onClick={() => setAnswer({ kind: 'accept', transfer })}>
                  {t('tickets.transfer.accept')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
      </Stack>
      {offeredByMe && offeredByMe.length > 0 && (
        <Stack gap="xs" component="section" aria-label={t('tickets.transfer.byMe')}>
          <Title order={2} size="h4">
            {t('tickets.transfer.byMe')}
          </Title>
          {offeredByMe.map((transfer) => (
            <Card key={transfer.transferId} withBorder padding="sm">
              <Stack gap="xs">
                <Text size="sm">{t('tickets.transfer.offerTo', { to: nameOf(transfer.to), count: transfer.ticketIds.length, at: formatDateTime(transfer.offeredAt, i18n.language) })}</Text>
                <TransferTickets ticketIds={transfer.ticketIds} />
                <Group justify="flex-end">
                  <Button size="xs" variant="default" color="red" onClick={() => setWithdrawing(transfer)}>
                    {t('tickets.transfer.cancel')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
      {answer?.kind === 'accept' && <AcceptTransferModal transfer={answer.transfer} fromName={nameOf(answer.transfer.from)} onClose={() => setAnswer(null)} />}
      {answer?.kind === 'decline' && <DeclineTransferModal transfer={answer.transfer} fromName={nameOf(answer.transfer.from)} onClose={() => setAnswer(null)} />}
      <ConfirmModal
        opened={withdrawing !== null}
        title={t('tickets.transfer.cancelTitle')}
        confirmLabel={t('tickets.transfer.cancel')}
        onCancel={() => setWithdrawing(null)}
        onConfirm={() => (withdrawing ? withdraw(withdrawing) : undefined)}
      >
        {withdrawing && t('tickets.transfer.withdrawConfirm', { to: nameOf(withdrawing.to), count: withdrawing.ticketIds.length })}
      </ConfirmModal>
    </Stack>
  )
}
