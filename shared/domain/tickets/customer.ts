import { z } from 'zod'
import { optionalText, partyRoleSchema, phoneSchema, requiredText } from './fields'

// The customer archive (001 r1, r3; DOMAIN.md "Records and reports"), linked by phone: who calls and
// how to reach them. Phones are stored in full (the journal is the seat's record) and shown masked
// until an agent reveals one; every reveal is journaled.
export const customerSchema = z.strictObject({
  phone: phoneSchema,
  name: requiredText(40),
  role: partyRoleSchema,
  company: optionalText(80),
  address: optionalText(200),
})
export type Customer = z.infer<typeof customerSchema>
export type CustomerInput = z.input<typeof customerSchema>

/** Why the agent revealed a number: the audit says where it happened. */
export const revealContexts = ['ticket', 'customer', 'call'] as const
export const revealContextSchema = z.enum(revealContexts, { error: 'choose' })
