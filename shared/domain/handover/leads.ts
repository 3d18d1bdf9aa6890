import type { Role } from '../roles'

// Who leads a shift's book (DOMAIN.md "People and places": 值班长 / 班长): a shift lead, or a
// supervisor standing in for one. Besides countersigning and waiving (where the page names its own
// lead), they alone export the book for HQ: the bundle carries the journal, and with it customers'
// phone numbers and addresses on the tickets (001 r1, r3: a customer's data is never leaked).

export function isLeadRole(role: Role): boolean {
  return role === 'shiftLead' || role === 'supervisor'
}

/** The HQ export of the handover book and its journal. */
export const canExportBook = isLeadRole
