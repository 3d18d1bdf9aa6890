import { Drawer, Loader, Text } from '@mantine/core'
import { useLiveQuery } from 'dexie-react-hooks'
import { useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../../app/appStore'
import { db } from '../../../db/schema'
import { useDiscardGuard } from '../../../ui/useDiscardGuard'
import { openTicket, useTicketsScreen } from '../ticketsStore'
import { TicketDetail } from './TicketDetail'

/**
 * The open ticket beside the list it was picked from; Escape closes it and the list keeps its place.
 * While one of the ticket's action dialogs is open, Escape belongs to the dialog: Mantine hears Esc on
 * the window for every open drawer and modal, and a drawer closing under a dialog would take the
 * dialog and what was typed in it along. A note typed and not yet added is not dropped by Esc, a click
 * outside or the close button: the drawer asks first.
 */
export function TicketDetailDrawer() {
  const { t } = useTranslation()
  const ticketId = useTicketsScreen((state) => state.openTicketId)
  const me = useAppStore((state) => state.session?.user.employeeNo)
  // `null` once looked up and not there (a number from an old link), undefined while reading.
  const ticket = useLiveQuery(async () => (ticketId ? ((await db.tickets.get(ticketId)) ?? null) : null), [ticketId])
  const [dialogOpen, setDialogOpen] = useState(false)
  const noteTyped = useRef(false)
  const onNoteDraftChange = useCallback((typed: boolean) => {
    noteTyped.current = typed
  }, [])
  const discard = useDiscardGuard(() => noteTyped.current, () => openTicket(null), {
    title: t('tickets.notes.discard.title'),
    body: t('tickets.notes.discard.body'),
    confirm: t('tickets.notes.discard.confirm'),
  })
  return (
    <>
      <Drawer
        opened={ticketId !== null}
        onClose={discard.requestClose}
        closeOnEscape={!dialogOpen && !discard.asking}
        position="right"
        size="xl"
        title={t('tickets.detail.title')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {ticket === undefined ? (
          <Loader aria-label={t('app.loading')} />
        ) : ticket === null || !me ? (
          <Text c="dimmed">{t('tickets.detail.notFound')}</Text>
        ) : (
          <TicketDetail ticket={ticket} me={me} onDialogChange={setDialogOpen} onNoteDraftChange={onNoteDraftChange} />
        )}
      </Drawer>
      {discard.confirmation}
    </>
  )
}
