import { Alert, Badge, Divider, Group, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCalendarOff } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { regulatorClocks } from '../../../../../shared/domain/tickets/deadlines'
import { call } from '../../../api/client'
import { db, type CallbackRow, type TicketRow } from '../../../db/schema'
import { describeError, formatDateTime } from '../../../i18n/format'
import { ConfirmModal } from '../../../ui/ConfirmModal'
import { useNow } from '../../call/useNow'
import { DUE_SOON_MS, ticketCallbacks, ticketTimeline } from '../data/ticketQueries'
import { TicketFormModal } from '../form/TicketFormModal'
import { kindLabel, statusColor, statusLabel } from '../ticketLabels'
import { useUsers } from '../useUsers'
import { EscalateModal } from './actions/EscalateModal'
import { RecordCallbackModal } from './actions/RecordCallbackModal'
import { ScheduleCallbackModal } from './actions/ScheduleCallbackModal'
import { StatusMoveModal } from './actions/StatusMoveModal'
import { StepDoneModal } from './actions/StepDoneModal'
import { TransferOfferModal } from './actions/TransferOfferModal'
import { liveClocks, type LiveClock } from './liveClocks'
import { NoteForm } from './NoteForm'
import { TicketActions, type TicketDialog } from './TicketActions'
import { TicketCallbacks } from './TicketCallbacks'
import { TicketClocks } from './TicketClocks'
import { TicketDetailsView } from './TicketDetailsView'
import { TicketTimeline } from './TicketTimeline'
import { useDeadlineRules } from './useDeadlineRules'

// The detail's clocks are worked out again every few seconds with the screen's clock, so a clock
// turns orange then red while the agent looks at it.
const CLOCK_REFRESH_MS = 5_000

type OpenDialog = TicketDialog | { kind: 'step'; clock: LiveClock } | { kind: 'record'; callback: CallbackRow }

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Divider label={<Title order={3} size="h5">{title}</Title>} labelPosition="left" />
      {children}
    </Stack>
  )
}

export interface TicketDetailProps {
  ticket: TicketRow
  me: string
  /** An action's dialog opened or closed: while one is open, Esc is that dialog's, not the drawer's. */
  onDialogChange?: (open: boolean) => void
  /** A note is typed and not yet added (or no longer). */
  onNoteDraftChange?: (typed: boolean) => void
}

/** One ticket: who owns it, every deadline, what it says, what happened, and what can be done now. */
export function TicketDetail({ ticket, me, onDialogChange, onNoteDraftChange }: TicketDetailProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'zh-CN'
  const now = useNow(true, CLOCK_REFRESH_MS)
  const { users, nameOf } = useUsers()
  const rules = useDeadlineRules()
  const events = useLiveQuery(() => ticketTimeline(db, ticket.ticketId), [ticket.ticketId])
  const callbacks = useLiveQuery(() => ticketCallbacks(db, ticket.ticketId), [ticket.ticketId])
  const pendingTransfer = useLiveQuery(
    async () => (ticket.pendingTransferId ? await db.transfers.get(ticket.pendingTransferId) : undefined),
    [ticket.pendingTransferId],
  )
  const [dialog, setDialog] = useState<OpenDialog | null>(null)
  const close = () => setDialog(null)
  const dialogOpen = dialog !== null
  useEffect(() => {
    onDialogChange?.(dialogOpen)
    return () => onDialogChange?.(false)
  }, [dialogOpen, onDialogChange])

  const clocks = useMemo(
    () => (rules ? liveClocks(ticket, rules.settings, rules.calendar, now, DUE_SOON_MS) : []),
    [ticket, rules, now],
  )
  const uncovered = clocks.find((clock) => clock.state === 'calendarNotCovered')
  // A stepDone line names a clock id; its label comes from the clocks in force (one removed since shows its id).
  const clockLabel = (clockId: string) => {
    const all = rules ? [...rules.settings.clocks, ...regulatorClocks(rules.settings.regulatorRule)] : []
    return all.find((clock) => clock.id === clockId)?.label[language] ?? clockId
  }
  const ownerName = nameOf(ticket.owner)
  const isOwner = ticket.owner === me

  const cancelOffer = async (transferId: string) => {
    try {
      await call('ticketTransferCancel', { transferId })
      notifications.show({ color: 'teal', message: t('tickets.transfer.cancelled', { number: ticket.ticketNo }) })
    } catch (caught) {
      notifications.show({ color: 'red', message: describeError(t, caught, i18n.language) })
    } finally {
      close()
    }
  }

  return (
    <Stack gap="md" data-testid="ticket-detail">
      <Stack gap={4}>
        <Group gap="sm" align="center">
          <Title order={2} size="h3" ff="monospace">
            {ticket.ticketNo}
          </Title>
          <Badge variant="outline">{kindLabel(ticket.kind, i18n.language)}</Badge>
          <Badge variant="light" color={statusColor[ticket.status]} data-testid="ticket-status">
            {statusLabel(t, ticket.status, ticket.waitingOn)}
          </Badge>
        </Group>
        <Text size="sm">
          {t('tickets.detail.owner', { owner: ownerName })}
          {isOwner ? ` · ${t('tickets.detail.you')}` : ''}
        </Text>
        <Text size="xs" c="dimmed">
          {t('tickets.detail.opened', { at: formatDateTime(ticket.openedAt, i18n.language), by: nameOf(ticket.openedBy) })}
        </Text>
        {pendingTransfer && pendingTransfer.state === 'offered' && (
          <Text size="sm" c="blue">
            {t('tickets.detail.offered', { to: nameOf(pendingTransfer.to), at: formatDateTime(pendingTransfer.offeredAt, i18n.language) })}
          </Text>
        )}
        {ticket.escalations.map((escalation) => (
          <Text key={`${escalation.at}:${escalation.by}`} size="sm" c="orange">
            {t('tickets.detail.escalated', {
              to: t(`tickets.escalate.targets.${escalation.to}`),
              by: nameOf(escalation.by),
              at: formatDateTime(escalation.at, i18n.language),
              reason: escalation.reason,
            })}
          </Text>
        ))}
      </Stack>

      <TicketActions
        ticket={ticket}
        me={me}
        ownerName={ownerName}
        pendingTransfer={pendingTransfer?.state === 'offered' ? pendingTransfer : undefined}
        onAction={setDialog}
      />

      <Section title={t('tickets.clocks.title')}>
        {uncovered && uncovered.state === 'calendarNotCovered' && (
          <Alert color="grape" variant="light" icon={<IconCalendarOff size={16} />}>
            {t('tickets.clocks.calendarNotCoveredHelp', { year: uncovered.year })}
          </Alert>
        )}
        {/* Until the rules are read, "no deadline" would be a guess. */}
        {rules && <TicketClocks clocks={clocks} canMarkDone={isOwner && ticket.status !== 'closed'} onMarkDone={(clock) => setDialog({ kind: 'step', clock })} />}
      </Section>

      <Section title={t('tickets.callbacks.title')}>
        <TicketCallbacks callbacks={callbacks ?? []} now={now} dueSoonMs={DUE_SOON_MS} onRecord={(callback) => setDialog({ kind: 'record', callback })} />
      </Section>

      <Section title={t('tickets.details.title')}>
        <TicketDetailsView details={ticket.details} ticketId={ticket.ticketId} />
      </Section>

      <Section title={t('tickets.timeline.title')}>
        {/* Keyed by the ticket: a note typed for one ticket is never added to another. */}
        <NoteForm key={ticket.ticketId} ticketId={ticket.ticketId} onDraftChange={onNoteDraftChange} />
        <TicketTimeline kind={ticket.kind} events={events ?? []} nameOf={nameOf} clockLabel={clockLabel} />
      </Section>

      {dialog?.kind === 'status' && <StatusMoveModal ticket={ticket} to={dialog.to} onClose={close} />}
      {dialog?.kind === 'step' && <StepDoneModal ticket={ticket} clock={dialog.clock.clock} onClose={close} />}
      {dialog?.kind === 'schedule' && <ScheduleCallbackModal ticket={ticket} now={now} onClose={close} />}
      {dialog?.kind === 'record' && <RecordCallbackModal ticket={ticket} callback={dialog.callback} onClose={close} />}
      {dialog?.kind === 'escalate' && <EscalateModal ticket={ticket} ownerName={ownerName} onClose={close} />}
      {dialog?.kind === 'transfer' && <TransferOfferModal ticket={ticket} users={users ?? []} me={me} onClose={close} />}
      <TicketFormModal opened={dialog?.kind === 'edit'} ticket={ticket} onClose={close} />
      <ConfirmModal
        opened={dialog?.kind === 'cancelTransfer'}
        title={t('tickets.transfer.cancelTitle')}
        confirmLabel={t('tickets.transfer.cancel')}
        onCancel={close}
        onConfirm={() => (dialog?.kind === 'cancelTransfer' ? cancelOffer(dialog.transfer.transferId) : undefined)}
      >
        {dialog?.kind === 'cancelTransfer' && t('tickets.transfer.cancelConfirm', { number: ticket.ticketNo, to: nameOf(dialog.transfer.to) })}
      </ConfirmModal>
    </Stack>
  )
}
