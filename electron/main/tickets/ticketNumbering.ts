import { chinaDateOf } from '../../../shared/domain/tickets/chinaTime'
import { formatTicketNo, parseTicketNo } from '../../../shared/domain/tickets/lifecycle'

// Ticket numbers `<branch>-<yyyymmdd>-<seq>`: the sequence restarts at 1 each China date and is
// derived from the numbers already in the journal, so a restart continues where the seat left off.
// The next number of a date is always one past the highest that date has used, so a clock set back
// (NTP, a wrong BIOS date) can land on an earlier date but never hands out a number twice.
export class TicketNumbering {
  /** yyyymmdd → the highest sequence used on that date. */
  private readonly highest = new Map<string, number>()

  /** Called by the projection for every `ticket.opened`. */
  taken(ticketNo: string): void {
    const parsed = parseTicketNo(ticketNo)
    if (!parsed) return
    const { yyyymmdd, seq } = parsed
    if (seq > (this.highest.get(yyyymmdd) ?? 0)) this.highest.set(yyyymmdd, seq)
  }

  /** The number a ticket opened at `at` gets: its China date, not the UTC one. */
  next(branchCode: string, at: Date): string {
    const yyyymmdd = chinaDateOf(at).replaceAll('-', '')
    return formatTicketNo(branchCode, at, (this.highest.get(yyyymmdd) ?? 0) + 1)
  }
}
