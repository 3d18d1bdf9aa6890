import type { TicketDetails } from './kinds'
import { phoneLast4 } from './lifecycle'

/** Every waybill a ticket names (a misroute names two), for the repeat-caller and waybill lookups. */
export function ticketWaybills(details: TicketDetails): string[] {
  const waybills: string[] = []
  if ('waybillNo' in details && details.waybillNo) waybills.push(details.waybillNo)
  if (details.kind === 'misroutedGoods' && details.otherWaybillNo) waybills.push(details.otherWaybillNo)
  return waybills
}

/**
 * A stored phone as it is dialled in China: a mainland number's national digits (+8613812345678 →
 * 13812345678, +861088889999 → 1088889999); another country's in E.164, a short code as its digits.
 */
export function dialledPhone(stored: string): string {
  return stored.startsWith('+86') ? stored.slice(3) : stored
}

/**
 * Everything the search box finds a ticket by exactly, in one list for one multi-entry index: its
 * number, each waybill, and the caller's phone as dialled. Whatever an agent types on a call — a
 * ticket no., a waybill, a phone — is then one lookup, and an 11-digit number that is both a mobile
 * and a waybill is still one key.
 */
export function ticketLookupKeys(ticketNo: string, details: TicketDetails): string[] {
  const keys = [ticketNo, ...ticketWaybills(details)]
  if (details.callerPhone) keys.push(dialledPhone(details.callerPhone))
  return [...new Set(keys)]
}

/** What a ticket is found by: the caller's phone, its last 4 digits, the name, the waybills, the exact keys. */
export function ticketSearchKeys(
  ticketNo: string,
  details: TicketDetails,
): {
  callerPhone: string | null
  phoneLast4: string | null
  customerName: string | null
  waybillNos: string[]
  lookupKeys: string[]
} {
  return {
    callerPhone: details.callerPhone,
    phoneLast4: phoneLast4(details.callerPhone),
    customerName: details.customerName,
    waybillNos: ticketWaybills(details),
    lookupKeys: ticketLookupKeys(ticketNo, details),
  }
}
