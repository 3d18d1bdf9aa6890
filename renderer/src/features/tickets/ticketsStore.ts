import { create } from 'zustand'
import type { TicketKind } from '../../../../shared/domain/tickets/kinds'
import type { TicketStatus } from '../../../../shared/domain/tickets/lifecycle'
import { showScreen } from '../../app/appStore'

// What the tickets screen is doing: which list is shown, what the agent searched for and which ticket
// is open. The tickets themselves come from Dexie; nothing durable lives here.
export type TicketsTab = 'search' | 'mine' | 'overdue' | 'transfers'

/** The search form as typed: '' for "any". Dates are China dates (YYYY-MM-DD) from a date input. */
export interface TicketSearchValues {
  text: string
  kind: TicketKind | ''
  status: TicketStatus | ''
  owner: string
  from: string
  to: string
}

export const emptySearch: TicketSearchValues = { text: '', kind: '', status: '', owner: '', from: '', to: '' }

interface TicketsScreenState {
  tab: TicketsTab
  search: TicketSearchValues
  openTicketId: string | null
}

export const useTicketsScreen = create<TicketsScreenState>(() => ({
  tab: 'search',
  search: emptySearch,
  openTicketId: null,
}))

export function openTicket(ticketId: string | null): void {
  useTicketsScreen.setState({ openTicketId: ticketId })
}

/** From anywhere (a notification, the customer archive): the tickets screen with this ticket open. */
export function showTicket(ticketId: string): void {
  openTicket(ticketId)
  showScreen('tickets')
}

export function showTicketsTab(tab: TicketsTab): void {
  useTicketsScreen.setState({ tab })
  showScreen('tickets')
}
