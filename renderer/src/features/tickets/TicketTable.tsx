import { Badge, Group, Stack, Table, Text } from '@mantine/core'
import type { KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { maskPhone } from '../../../../shared/domain/tickets/lifecycle'
import type { TicketRow } from '../../db/schema'
import { formatDateTime, formatDeadline } from '../../i18n/format'
import { dueColor, ticketDueState } from './dueState'
import { kindLabel, statusColor, statusLabel } from './ticketLabels'

export interface TicketTableProps {
  rows: readonly TicketRow[]
  /** The screen's clock, for overdue and due soon. */
  now: number
  dueSoonMs: number
  nameOf: (employeeNo: string) => string
  onOpen: (ticketId: string) => void
  label: string
  emptyText: string
}

const ROW_SELECTOR = '[data-ticket-row]'

/** Moves the focus to the first row of the first ticket table inside `container` (from the search box). */
export function focusFirstTicketRow(container: HTMLElement | null): boolean {
  const row = container?.querySelector<HTMLElement>(ROW_SELECTOR)
  row?.focus()
  return row !== null && row !== undefined
}

function moveFocus(event: KeyboardEvent<HTMLTableRowElement>, step: 1 | -1) {
  const rows = [...(event.currentTarget.parentElement?.querySelectorAll<HTMLElement>(ROW_SELECTOR) ?? [])]
  const next = rows[rows.indexOf(event.currentTarget) + step]
  if (next) {
    event.preventDefault()
    next.focus()
  }
}

/**
 * Tickets as rows: Up and Down move between them, Enter (or a click) opens one. An overdue row is
 * red and a due-soon row orange, each with a badge that says so in words.
 */
export function TicketTable({ rows, now, dueSoonMs, nameOf, onOpen, label, emptyText }: TicketTableProps) {
  const { t, i18n } = useTranslation()
  if (rows.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {emptyText}
      </Text>
    )
  }
  return (
    <Table highlightOnHover verticalSpacing="xs" aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('tickets.columns.number')}</Table.Th>
          <Table.Th>{t('tickets.columns.kind')}</Table.Th>
          <Table.Th>{t('tickets.columns.customer')}</Table.Th>
          <Table.Th>{t('tickets.columns.status')}</Table.Th>
          <Table.Th>{t('tickets.columns.owner')}</Table.Th>
          <Table.Th>{t('tickets.columns.opened')}</Table.Th>
          <Table.Th>{t('tickets.columns.nextDue')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((ticket, index) => {
          const due = ticketDueState(ticket, now, dueSoonMs)
          const standsOut = due === 'overdue' || due === 'dueSoon'
          return (
            <Table.Tr
              key={ticket.ticketId}
              data-ticket-row
              data-due={due ?? 'none'}
              // One tab stop for the table; the arrows walk the rest.
              tabIndex={index === 0 ? 0 : -1}
              style={{ cursor: 'pointer' }}
              bg={standsOut ? `var(--mantine-color-${dueColor[due]}-light)` : undefined}
              aria-label={t('tickets.rowLabel', { number: ticket.ticketNo, kind: kindLabel(ticket.kind, i18n.language) })}
              onClick={() => onOpen(ticket.ticketId)}
              onKeyDown={(event) => {
                if (event.key === 'ArrowDown') moveFocus(event, 1)
                else if (event.key === 'ArrowUp') moveFocus(event, -1)
                else if (event.key === 'Enter') {
                  event.preventDefault()
                  onOpen(ticket.ticketId)
                }
              }}
            >
              <Table.Td>
                <Text size="sm" ff="monospace" fw={600}>
                  {ticket.ticketNo}
                </Text>
              </Table.Td>
              <Table.Td>{kindLabel(ticket.kind, i18n.language)}</Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm">{ticket.customerName ?? t('tickets.noCustomerName')}</Text>
                  {ticket.callerPhone && (
                    <Text size="xs" c="dimmed" ff="monospace">
                      {maskPhone(ticket.callerPhone)}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={statusColor[ticket.status]}>
                  {statusLabel(t, ticket.status, ticket.waitingOn)}
                </Badge>
              </Table.Td>
              <Table.Td>{nameOf(ticket.owner)}</Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(ticket.openedAt, i18n.language)}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" c={standsOut ? dueColor[due] : undefined} fw={standsOut ? 700 : undefined}>
                    {ticket.nextDueAt && ticket.open ? formatDeadline(ticket.nextDueAt, i18n.language) : t('tickets.noDeadline')}
                  </Text>
                  {standsOut && (
                    <Badge size="sm" color={dueColor[due]} variant="filled">
                      {t(`tickets.due.${due}`)}
                    </Badge>
                  )}
                  {ticket.open === 1 && ticket.dueProblem && (
                    <Badge size="sm" color="grape" variant="light" title={t(`tickets.clocks.problem.${ticket.dueProblem.reason}`, { year: ticket.dueProblem.year })}>
                      {t('tickets.due.problem')}
                    </Badge>
                  )}
                  {ticket.open === 1 && ticket.pausedNow && (
                    <Badge size="sm" color="gray" variant="light">
                      {t('tickets.due.paused')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          )
        })}
      </Table.Tbody>
    </Table>
  )
}
