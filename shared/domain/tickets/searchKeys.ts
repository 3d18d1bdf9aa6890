import type { TicketDetails } from './kinds'
import { phoneLast4 } from './lifecycle'

/** Every waybill a ticket names (a misroute names two), for the repeat-caller and waybill lookups. */
export function ticketWaybills(details: TicketDetails): string[] {
  const waybills: string[] = []
  if ('waybillNo' in details && details.waybillNo) waybills.push(details.waybillNo)
  if (details.kind === 'misroutedGoods' && details.otherWaybillNo) waybills.push(details.otherWaybillNo)
  return waybills
}

/** What a ticket is found by besides its number: the caller's phone, its last 4 digits, the name. */
export function ticketSearchKeys(details: TicketDetails): {
  callerPhone: string | null
  phoneLast4: string | null
  customerName: string | null
  waybillNos: string[]
} {
  return {
    callerPhone: details.callerPhone,
    phoneLast4: phoneLast4(details.callerPhone),
    customerName: details.customerName,
    waybillNos: ticketWaybills(details),
  }
}
