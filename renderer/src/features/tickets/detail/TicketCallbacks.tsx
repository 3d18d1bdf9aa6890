import { Badge, Button, Group, Table, Text } from '@mantine/core'
import { deadlineStatus } from '../../../../../shared/domain/tickets/deadlines'
import { useTranslation } from 'react-i18next'
import type { CallbackRow } from '../../../db/schema'
import { formatDateTime } from '../../../i18n/format'
import { dueColor } from '../dueState'

export interface TicketCallbacksProps {
  callbacks: readonly CallbackRow[]
  now: number
  dueSoonMs: number
  onRecord: (callback: CallbackRow) => void
}

/** Callbacks promised to the customer: a pending one falls due like a clock; anyone records the outcome. */
export function TicketCallbacks({ callbacks, now, dueSoonMs, onRecord }: TicketCallbacksProps) {
  const { t, i18n } = useTranslation()
  if (callbacks.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('tickets.callbacks.none')}
      </Text>
    )
  }
  return (
    <Table verticalSpacing={4} aria-label={t('tickets.callbacks.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('tickets.callbacks.dueAt')}</Table.Th>
          <Table.Th>{t('tickets.actions.note')}</Table.Th>
          <Table.Th>{t('tickets.clocks.state')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {callbacks.map((callback) => {
          const due = callback.done ? null : deadlineStatus(callback.dueAt, new Date(now), dueSoonMs)
          const standsOut = due === 'overdue' || due === 'dueSoon'
          return (
            <Table.Tr key={callback.callbackId} data-due={due ?? 'done'} bg={standsOut ? `var(--mantine-color-${dueColor[due]}-light)` : undefined}>
              <Table.Td>
                <Text size="sm" c={standsOut ? dueColor[due] : undefined} fw={standsOut ? 700 : undefined}>
                  {formatDateTime(callback.dueAt, i18n.language)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{callback.note || '—'}</Text>
              </Table.Td>
              <Table.Td>
                {callback.done && callback.outcome ? (
                  <Group gap={4}>
                    <Badge variant="light" color="teal">
                      {t(`tickets.callbacks.outcomes.${callback.outcome}`)}
                    </Badge>
                    {callback.doneAt && (
                      <Text size="xs" c="dimmed">
                        {formatDateTime(callback.doneAt, i18n.language)}
                      </Text>
                    )}
                  </Group>
                ) : standsOut ? (
                  <Badge color={dueColor[due]} variant="filled">
                    {t(`tickets.due.${due}`)}
                  </Badge>
                ) : (
                  <Badge color="gray" variant="light">
                    {t('tickets.callbacks.pending')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {!callback.done && (
                  <Button size="compact-xs" variant="default" onClick={() => onRecord(callback)}>
                    {t('tickets.callbacks.record')}
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
