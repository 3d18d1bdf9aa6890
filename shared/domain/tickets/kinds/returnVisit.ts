import { z } from 'zod'
import { callerShape, choice, optionalText, requiredText } from '../fields'

// 回访 (000 客服人员 r4, 001): by phone or on site; opinions and suggestions go into the weekly summary.
export const returnVisitSchema = z.strictObject({
  kind: z.literal('returnVisit'),
  ...callerShape,
  way: choice(['phone', 'onSite']),
  opinion: requiredText(1000),
  suggestion: optionalText(1000),
  satisfaction: choice(['satisfied', 'neutral', 'dissatisfied']).nullable(),
})
export type ReturnVisit = z.infer<typeof returnVisitSchema>
