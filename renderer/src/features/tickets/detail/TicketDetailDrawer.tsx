import { Drawer, Loader, Text } from '@mantine/core'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../../app/appStore'
import { db } from '../../../db/schema'
import { openTicket, useTicketsScreen } from '../ticketsStore'
import { TicketDetail } from './TicketDetail'

/**
 * The open ticket beside the list it was picked from; Escape closes it and the list keeps its place.
 * While one of the ticket's action dialogs is open, Escape belongs to the dialog: Mantine hears Esc on
 * the window for every open drawer and modal, and a drawer closing under a dialog would take the
 * dialog and what was typed in it along.
 */
export function TicketDetailDrawer() {
  const { t } = useTranslation()
  const ticketId = useTicketsScreen((state) => state.openTicketId)
  const me = useAppStore((state) => state.session?.user.employeeNo)
  // `null` once looked up and not there (a number from an old link), undefined while reading.
  const ticket = useLiveQuery(async () => (ticketId ? ((await db.tickets.get(ticketId)) ?? null) : null), [ticketId])
  const [dialogOpen, setDialogOpen] = useState(false)
  return (
    <Drawer
      opened={ticketId !== null}
      onClose={() => openTicket(null)}
      closeOnEscape={!dialogOpen}
      position="right"
      size="xl"
      title={t('tickets.detail.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {ticket === undefined ? <Loader aria-label={t('app.loading')} /> : ticket === null || !me ? <Text c="dimmed">{t('tickets.detail.notFound')}</Text> : <TicketDetail ticket={ticket} me={me} onDialogChange={setDialogOpen} />}
    </Drawer>
  )
}
