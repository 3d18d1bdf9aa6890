import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { IconArrowForwardUp, IconInfoCircle, IconPencil, IconSpeakerphone, IconTransfer } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { isReopen, statusMovesFrom, type TicketStatus } from '../../../../../shared/domain/tickets/lifecycle'
import type { TicketRow, TransferRow } from '../../../db/schema'

export type TicketDialog =
  | { kind: 'status'; to: TicketStatus }
  | { kind: 'edit' }
  | { kind: 'escalate' }
  | { kind: 'transfer' }
  | { kind: 'cancelTransfer'; transfer: TransferRow }
  | { kind: 'schedule' }

export interface TicketActionsProps {
  ticket: TicketRow
  me: string
  ownerName: string
  /** The open offer naming this ticket, if any. */
  pendingTransfer: TransferRow | undefined
  onAction: (dialog: TicketDialog) => void
}

/**
 * What can be done to the ticket. 首问责任制: only the owner moves the status, edits, schedules a
 * callback or offers a transfer; everyone else sees those buttons disabled and the reason. Anyone may
 * escalate (and add a note or record a callback, elsewhere in the detail).
 */
export function TicketActions({ ticket, me, ownerName, pendingTransfer, onAction }: TicketActionsProps) {
  const { t } = useTranslation()
  const isOwner = ticket.owner === me
  const closed = ticket.status === 'closed'
  const moveLabel = (to: TicketStatus) =>
    isReopen(ticket.status, to)
      ? t('tickets.actions.reopen')
      : to === 'waiting' && ticket.status === 'waiting'
        ? t('tickets.actions.changeWaitingOn')
        : t('tickets.actions.moveTo', { status: t(`tickets.status.${to}`) })
  const myOffer = pendingTransfer && pendingTransfer.from === me ? pendingTransfer : undefined

  return (
    <Stack gap="xs">
      <Group gap="xs" role="group" aria-label={t('tickets.actions.statusGroup')}>
        {statusMovesFrom(ticket.status).map((to) => (
          <Button
            key={to}
            size="xs"
            variant={to === 'resolved' ? 'filled' : 'default'}
            leftSection={isReopen(ticket.status, to) ? <IconArrowForwardUp size={14} /> : undefined}
            disabled={!isOwner}
            onClick={() => onAction({ kind: 'status', to })}
          >
            {moveLabel(to)}
          </Button>
        ))}
      </Group>
      <Group gap="xs" role="group" aria-label={t('tickets.actions.otherGroup')}>
        <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} disabled={!isOwner || closed} onClick={() => onAction({ kind: 'edit' })}>
          {t('tickets.actions.edit')}
        </Button>
        <Button size="xs" variant="default" disabled={!isOwner || closed} onClick={() => onAction({ kind: 'schedule' })}>
          {t('tickets.callbacks.schedule')}
        </Button>
        <Button size="xs" variant="default" leftSection={<IconSpeakerphone size={14} />} onClick={() => onAction({ kind: 'escalate' })}>
          {t('tickets.escalate.open')}
        </Button>
        {myOffer ? (
          <Button size="xs" variant="default" color="red" onClick={() => onAction({ kind: 'cancelTransfer', transfer: myOffer })}>
            {t('tickets.transfer.cancel')}
          </Button>
        ) : (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconTransfer size={14} />}
            disabled={!isOwner || pendingTransfer !== undefined}
            onClick={() => onAction({ kind: 'transfer' })}
          >
            {t('tickets.transfer.offer')}
          </Button>
        )}
      </Group>
      {!isOwner && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={16} />} data-testid="owner-only-reason">
          {t('tickets.actions.ownerOnly', { owner: ownerName })}
        </Alert>
      )}
      {isOwner && closed && (
        <Text size="xs" c="dimmed">
          {t('tickets.actions.closedReason')}
        </Text>
      )}
    </Stack>
  )
}
