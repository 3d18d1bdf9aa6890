import { customerSchema, type Customer } from '../../../shared/domain/tickets/customer'
import type { RequestOf } from '../../../shared/ipc/contract'
import { AppError } from '../../../shared/ipc/errors'
import { canonicalJson } from '../../../shared/journal/canonical'
import type { KnownEntry } from '../../../shared/journal/knownEntry'
import { validationIssues } from '../ipc/dispatch'
import type { Journal } from '../journal/api'
import type { TicketBook } from './ticketBook'

export interface CustomerDeps {
  record: Journal['append']
  tickets: TicketBook
}

export type PhoneReveal = RequestOf<'customerRevealPhone'>

// The customer archive (001 r1, r3), keyed by phone, and the audit of who saw a full number: the
// archive is never leaked, so every reveal is journaled with the agent who asked for it.
export class CustomerService {
  /** phone → the canonical JSON of its last save, so an unchanged save writes nothing. */
  private readonly saved = new Map<string, string>()

  constructor(private readonly deps: CustomerDeps) {}

  apply(entry: KnownEntry): void {
    if (entry.kind === 'customer.saved') this.saved.set(entry.payload.customer.phone, canonicalJson(entry.payload.customer))
  }

  /** A later save for the same phone replaces the earlier one. */
  async save(actor: string, customer: Customer): Promise<Customer> {
    // The contract already stored the phone in E.164; parsing again keeps a direct caller to the same rule.
    const parsed = customerSchema.safeParse(customer)
    if (!parsed.success) throw new AppError('validation', undefined, validationIssues(parsed.error))
    const valid = parsed.data
    if (this.saved.get(valid.phone) !== canonicalJson(valid)) await this.deps.record('customer.saved', actor, { customer: valid })
    return valid
  }

  /** Journals that `actor` saw the full number, then answers it. */
  async revealPhone(actor: string, request: PhoneReveal): Promise<{ phone: string }> {
    if (request.ticketId !== null && !this.deps.tickets.ticket(request.ticketId)) throw new AppError('unknownTicket', { ticketId: request.ticketId })
    await this.deps.record('customer.phoneRevealed', actor, { phone: request.phone, context: request.context, ticketId: request.ticketId })
    return { phone: request.phone }
  }
}
