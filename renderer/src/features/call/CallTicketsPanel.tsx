import { Alert, Badge, Button, Group, Kbd, Paper, Stack, Table, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { IconAlertCircle, IconPencil, IconPlus } from '@tabler/icons-react'
import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CallView } from '../../../../shared/domain/calls'
import { parseCallerNumber } from '../../../../shared/domain/phone'
import { waybillNoSchema } from '../../../../shared/domain/tickets/fields'
import { useAppStore } from '../../app/appStore'
import type { TicketRow } from '../../db/schema'
import { statusColor, statusLabel } from '../tickets/ticketLabels'
import { openTicket, useTicketsScreen } from '../tickets/ticketsStore'
import { TicketFormModal, type EditableTicket } from '../tickets/form/TicketFormModal'
import { WaybillInput } from '../tickets/form/TicketFields'
import { newTicketBackup } from '../tickets/form/newTicketBackup'
import { useUsers } from '../tickets/useUsers'
import { useCallStore } from './callStore'
import { useCallTickets, useRepeatCallerTickets } from './callTicketQueries'
import { ariaKeyShortcut, hotkeyLabel } from './hotkeys'

// 首问责任制 on the call: the agent opens (Alt+T) or completes this call's tickets beside the call, and a
// repeat caller's open tickets show up as soon as the number (or a waybill) is known, with who owns
// each, so the request goes to its owner instead of becoming a second ticket.

/** Fixed, not a supervisor setting: Alt+digits are the scenario scripts, F-keys the call steps. */
export const NEW_TICKET_HOTKEY = 'alt+T'

// The ticket screen is a separate chunk: loaded only when the agent opens a ticket from the call.
const TicketDetailDrawer = lazy(() => import('../tickets/detail/TicketDetailDrawer').then((module) => ({ default: module.TicketDetailDrawer })))

/** The caller's number as far as it is known: as typed when it parses, else as main last saved it. */
function useCallerPhone(view: CallView): string | null {
  const typed = useCallStore((state) => state.draft.callerNumber)
  return useMemo(() => {
    const parsed = typed.trim() ? parseCallerNumber(typed) : null
    return parsed?.ok ? parsed.stored : (view.callerNumber?.stored ?? null)
  }, [typed, view.callerNumber])
}

export interface CallTicketsPanelProps {
  view: CallView
  hotkeysEnabled: boolean
  /**
   * A ticket form or the ticket drawer opened or closed. While one is open the call must not be
   * completed: that ends this panel, and the ticket typed in it with it.
   */
  onTicketWorkChange?: (open: boolean) => void
}

export function CallTicketsPanel({ view, hotkeysEnabled, onTicketWorkChange }: CallTicketsPanelProps) {
  const { t } = useTranslation()
  const me = useAppStore((state) => state.session?.user.employeeNo ?? null)
  const phone = useCallerPhone(view)
  const [waybillTyped, setWaybillTyped] = useState('')
  const waybill = waybillNoSchema.safeParse(waybillTyped)
  const waybillNo = waybill.success ? waybill.data : null
  const callTickets = useCallTickets(view.callId)
  const repeat = useRepeatCallerTickets(view.callId, phone, waybillNo)
  // A new ticket that was being typed when the window reloaded opens again with what was typed.
  const [form, setForm] = useState<{ ticket?: EditableTicket } | null>(() => (newTicketBackup.restore(view.callId) ? {} : null))
  const drawerOpen = useTicketsScreen((state) => state.openTicketId !== null)
  const ticketWorkOpen = form !== null || drawerOpen
  useEffect(() => {
    onTicketWorkChange?.(ticketWorkOpen)
    return () => onTicketWorkChange?.(false)
  }, [ticketWorkOpen, onTicketWorkChange])

  const openNew = () => setForm((current) => current ?? {})
  useHotkeys(hotkeysEnabled ? [[NEW_TICKET_HOTKEY, openNew, { usePhysicalKeys: true }]] : [], [])

  const prefill = () => {
    const { draft } = useCallStore.getState()
    return { callerPhone: draft.callerNumber.trim() || phone, customerName: draft.customerName.trim() || null, waybillNo }
  }

  return (
    <Paper withBorder p="sm" component="section" aria-label={t('ticketForm.callPanel.title')}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('ticketForm.callPanel.title')}
          </Title>
          <Button
            size="xs"
            leftSection={<IconPlus size={14} />}
            rightSection={<Kbd aria-hidden>{hotkeyLabel(NEW_TICKET_HOTKEY)}</Kbd>}
            aria-keyshortcuts={ariaKeyShortcut(NEW_TICKET_HOTKEY)}
            onClick={openNew}
          >
            {t('ticketForm.callPanel.new')}
          </Button>
        </Group>
        {repeat && repeat.length > 0 && (
          <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />} title={t('ticketForm.callPanel.repeatTitle', { count: repeat.length })} data-testid="repeat-caller">
            <Text size="xs" c="dimmed" mb={4}>
              {t('ticketForm.callPanel.repeatHint')}
            </Text>
            <TicketList rows={repeat} me={me} matchedBy={(row) => (phone !== null && row.callerPhone === phone ? 'phone' : 'waybill')} onEdit={(ticket) => setForm({ ticket })} />
          </Alert>
        )}
        <WaybillInput
          size="xs"
          label={t('ticketForm.callPanel.waybill')}
          description={t('ticketForm.callPanel.waybillHint')}
          value={waybillTyped}
          onChange={(event) => setWaybillTyped(event.currentTarget.value)}
          maw={260}
        />
        <Title order={3} size="h5">
          {t('ticketForm.callPanel.thisCall')}
        </Title>
        {callTickets && callTickets.length > 0 ? (
          <TicketList rows={callTickets} me={me} onEdit={(ticket) => setForm({ ticket })} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('ticketForm.callPanel.none')}
          </Text>
        )}
      </Stack>
      <TicketFormModal opened={form !== null} onClose={() => setForm(null)} ticket={form?.ticket} initial={form?.ticket ? undefined : prefill()} backupFor={view.callId} />
      {drawerOpen && (
        <Suspense fallback={null}>
          <TicketDetailDrawer />
        </Suspense>
      )}
    </Paper>
  )
}

/** Ticket no. (opens the ticket), kind, status and owner; the owner may edit it right here. */
function TicketList({
  rows,
  me,
  matchedBy,
  onEdit,
}: {
  rows: TicketRow[]
  me: string | null
  matchedBy?: (row: TicketRow) => 'phone' | 'waybill'
  onEdit: (ticket: EditableTicket) => void
}) {
  const { t } = useTranslation()
  const { nameOf } = useUsers()
  return (
    <Table verticalSpacing={4} horizontalSpacing="xs" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('ticketForm.callPanel.columns.ticketNo')}</Table.Th>
          <Table.Th>{t('ticketForm.callPanel.columns.kind')}</Table.Th>
          <Table.Th>{t('ticketForm.callPanel.columns.status')}</Table.Th>
          <Table.Th>{t('ticketForm.callPanel.columns.owner')}</Table.Th>
          <Table.Th>
            <VisuallyHidden>{t('ticketForm.callPanel.columns.actions')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => {
          const mine = row.owner === me
          return (
            <Table.Tr key={row.ticketId} data-testid={`ticket-row-${row.ticketNo}`}>
              <Table.Td>
                <UnstyledButton ff="monospace" fz="sm" c="blue" onClick={() => openTicket(row.ticketId)}>
                  {row.ticketNo}
                </UnstyledButton>
                {matchedBy && (
                  <Text size="xs" c="dimmed">
                    {t(`ticketForm.callPanel.matchedBy.${matchedBy(row)}`)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{t(`ticketForm.kinds.${row.kind}`)}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={statusColor[row.status]}>
                  {statusLabel(t, row.status, row.waitingOn)}
                </Badge>
              </Table.Td>
              <Table.Td>{mine ? t('ticketForm.callPanel.ownerMe', { name: nameOf(row.owner) }) : nameOf(row.owner)}</Table.Td>
              <Table.Td>
                {mine && (
                  <Button size="compact-xs" variant="subtle" leftSection={<IconPencil size={12} />} onClick={() => onEdit(row)} aria-label={t('ticketForm.callPanel.edit', { ticketNo: row.ticketNo })}>
                    {t('ticketForm.actions.edit')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          )
        })}
      </Table.Tbody>
    </Table>
  )
}
