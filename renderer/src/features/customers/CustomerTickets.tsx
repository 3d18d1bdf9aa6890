import { Stack, Title } from '@mantine/core'
import { useLiveQuery } from 'dexie-react-hooks'
import { useTranslation } from 'react-i18next'
import { maskPhone } from '../../../../shared/domain/tickets/lifecycle'
import { db, type CustomerRow } from '../../db/schema'
import { useNow } from '../call/useNow'
import { DUE_SOON_MS, searchTickets } from '../tickets/data/ticketQueries'
import { TicketTable } from '../tickets/TicketTable'
import { openTicket } from '../tickets/ticketsStore'
import { useUsers } from '../tickets/useUsers'

const CUSTOMER_TICKETS_LIMIT = 100
const DUE_REFRESH_MS = 15_000

/** The customer's tickets, found by their phone: newest first, overdue ones standing out. */
export function CustomerTickets({ customer }: { customer: CustomerRow }) {
  const { t } = useTranslation()
  const now = useNow(true, DUE_REFRESH_MS)
  const { nameOf } = useUsers()
  const tickets = useLiveQuery(() => searchTickets(db, { text: customer.phone }, CUSTOMER_TICKETS_LIMIT), [customer.phone])
  const title = t('customers.ticketsOf', { name: customer.name, phone: maskPhone(customer.phone) })
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={2} size="h4">
        {title}
      </Title>
      {tickets && (
        <TicketTable rows={tickets} now={now} dueSoonMs={DUE_SOON_MS} nameOf={nameOf} onOpen={openTicket} label={title} emptyText={t('customers.noTickets')} />
      )}
    </Stack>
  )
}
