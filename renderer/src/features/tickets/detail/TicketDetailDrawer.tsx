import { Drawer, Loader, Text } from '@mantine/core'
import { useLiveQuery } from 'dexie-react-hooks'
import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../../app/appStore'
import { db } from '../../../db/schema'
import { openTicket, useTicketsScreen } from '../ticketsStore'
import { TicketDetail } from './TicketDetail'

/** The open ticket beside the list it was picked from; Escape closes it and the list keeps its place. */
export function TicketDetailDrawer() {
  const { t } = useTranslation()
  const ticketId = useTicketsScreen((state) => state.openTicketId)
  const me = useAppStore((state) => state.session?.user.employeeNo)
  // `null` once looked up and not there (a number from an old link), undefined while reading.
  const ticket = useLiveQuery(async () => (ticketId ? ((await db.tickets.get(ticketId)) ?? null) : null), [ticketId])
  return (
    <Drawer
      opened={ticketId !== null}
      onClose={() => openTicket(null)}
      position="right"
      size="xl"
      title={t('tickets.detail.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {ticket === undefined ? <Loader aria-label={t('app.loading')} /> : ticket === null || !me ? <Text c="dimmed">{t('tickets.detail.notFound')}</Text> : <TicketDetail ticket={ticket} me={me} />}
    </Drawer>
  )
}
