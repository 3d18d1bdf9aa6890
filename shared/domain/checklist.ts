import { z } from 'zod'

// 003 岗前准备: check phone, network and office equipment; read the latest notices, price and route
// changes; log in to the logistics, CRM and messaging systems. Every item must be confirmed.
export const checklistItems = [
  'phoneChecked',
  'networkChecked',
  'equipmentChecked',
  'noticesRead',
  'priceChangesRead',
  'routeChangesRead',
  'systemsLoggedIn',
] as const
export type ChecklistItem = (typeof checklistItems)[number]

export const checklistItemsSchema = z.strictObject(
  Object.fromEntries(checklistItems.map((item) => [item, z.literal(true)])) as Record<ChecklistItem, z.ZodLiteral<true>>,
)
export type ChecklistItems = z.infer<typeof checklistItemsSchema>
