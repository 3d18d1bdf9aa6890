import { z } from 'zod'
import { amountFenSchema, callerShape, choice, laterText, optionalText, requiredText } from '../fields'

// 咨询 (003): service, route or price asked; answered on the call.
export const consultationSchema = z
  .strictObject({
    kind: z.literal('consultation'),
    ...callerShape,
    subject: choice(['service', 'route', 'price', 'other']),
    question: requiredText(500),
    origin: optionalText(40),
    destination: optionalText(40),
    quotedFen: amountFenSchema.nullable(),
    answer: laterText(1000),
  })
  // A route or a price means nothing without both ends of the route.
  .superRefine((ticket, ctx) => {
    if (ticket.subject !== 'route' && ticket.subject !== 'price') return
    for (const end of ['origin', 'destination'] as const) {
      if (ticket[end] === '') ctx.addIssue({ code: 'custom', path: [end], message: 'routeEndRequired' })
    }
  })
export type Consultation = z.infer<typeof consultationSchema>
