import { Stack, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TicketRow } from '../../db/schema'
import type { DueTickets } from './data/ticketQueries'
import { TicketTable } from './TicketTable'

export interface DueListProps {
  now: number
  dueSoonMs: number
  nameOf: (employeeNo: string) => string
  onOpen: (ticketId: string) => void
}

/** My open tickets past their deadline, then those due soon, soonest first. */
export function MyDueLists({ due, ...table }: DueListProps & { due: DueTickets | undefined }) {
  const { t } = useTranslation()
  return (
    <Stack gap="md">
      <Stack gap="xs" component="section" aria-label={t('tickets.lists.myOverdue')}>
        <Title order={2} size="h4" c="red">
          {t('tickets.lists.myOverdue')}
        </Title>
        <TicketTable rows={due?.overdue ?? []} label={t('tickets.lists.myOverdue')} emptyText={t('tickets.lists.noneOverdue')} {...table} />
      </Stack>
      <Stack gap="xs" component="section" aria-label={t('tickets.lists.myDueSoon')}>
        <Title order={2} size="h4" c="orange">
          {t('tickets.lists.myDueSoon')}
        </Title>
        <TicketTable rows={due?.dueSoon ?? []} label={t('tickets.lists.myDueSoon')} emptyText={t('tickets.lists.noneDueSoon')} {...table} />
      </Stack>
    </Stack>
  )
}

/** Every overdue ticket at the seat, whoever owns it (shift leads watch this one). */
export function AllOverdueList({ rows, ...table }: DueListProps & { rows: readonly TicketRow[] | undefined }) {
  const { t } = useTranslation()
  return <TicketTable rows={rows ?? []} label={t('tickets.lists.allOverdue')} emptyText={t('tickets.lists.noneOverdue')} {...table} />
}
