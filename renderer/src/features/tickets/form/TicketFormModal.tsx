import { Modal } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TicketSummary } from '../../../../../shared/ipc/contract'
import { TicketForm, type EditableTicket } from './TicketForm'
import type { TicketPrefill } from './ticketDraft'

export type { EditableTicket } from './TicketForm'
export type { TicketPrefill } from './ticketDraft'

export interface TicketFormModalProps {
  opened: boolean
  /** Closed after saving, on Cancel and on Esc (a form with changes asks before it is discarded). */
  onClose: () => void
  /** A new ticket: the caller's number (as typed or E.164), name and role, a kind, a waybill. */
  initial?: TicketPrefill
  /** Editing the owner's ticket (a TicketRow will do): `ticketUpdate`, kind fixed. */
  ticket?: EditableTicket
  /** Called with main's answer (ticketId, ticketNo, owner, status) before the modal closes. */
  onSaved?: (summary: TicketSummary) => void
  /** A new ticket on a call: the call's id, so what is typed survives a reload (see TicketForm). */
  backupFor?: string
}

/**
 * 新建 / 编辑工单 in a modal, for the call screen and the ticket screens alike. The form is mounted
 * afresh on each open, so a new ticket never starts from the last one's values.
 */
export function TicketFormModal({ opened, onClose, initial, ticket, onSaved, backupFor }: TicketFormModalProps) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={ticket ? t('ticketForm.titleEdit', { ticketNo: ticket.ticketNo }) : t('ticketForm.titleNew')}
      size="xl"
      // Typed work is not dropped by a stray click or Esc: the form asks first (see TicketForm).
      closeOnEscape={false}
      closeOnClickOutside={false}
      withCloseButton={false}
    >
      {opened && (
        <TicketForm
          key={ticket?.ticketId ?? 'new'}
          ticket={ticket}
          initial={initial}
          backupFor={backupFor}
          onCancel={onClose}
          onSaved={(summary) => {
            onSaved?.(summary)
            onClose()
          }}
        />
      )}
    </Modal>
  )
}
