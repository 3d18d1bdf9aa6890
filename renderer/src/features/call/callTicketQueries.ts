import { useLiveQuery } from 'dexie-react-hooks'
import { db, type TicketRow } from '../../db/schema'
import { repeatCallerTickets, ticketsOfCall } from '../tickets/data/ticketQueries'

// The call screen's two live ticket lists, from the projected journal.

/** The tickets opened or changed during this call: the call record lists them (joined on callIds). */
export function useCallTickets(callId: string): TicketRow[] | undefined {
  return useLiveQuery(() => ticketsOfCall(db, callId), [callId])
}

/**
 * The caller's other open tickets, by phone or by a waybill the agent typed; those already part of
 * this call are listed with the call's own.
 */
export function useRepeatCallerTickets(callId: string, phone: string | null, waybillNo: string | null): TicketRow[] | undefined {
  return useLiveQuery(async () => {
    if (!phone && !waybillNo) return []
    const rows = await repeatCallerTickets(db, { phone, waybillNo })
    return rows.filter((row) => !row.callIds.includes(callId))
  }, [callId, phone, waybillNo])
}
