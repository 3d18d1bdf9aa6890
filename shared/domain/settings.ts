import { z } from 'zod'

// Supervisor-editable numbers (DOMAIN.md: "every one of them must be configurable").
export const settingsSchema = z.strictObject({
  /** Wrong PINs in a row before the user is locked out. */
  lockoutAttempts: z.number().int().min(3).max(20),
  lockoutMinutes: z.number().int().min(1).max(240),
  /** Minutes without keyboard or mouse input before the screen locks. */
  idleLockMinutes: z.number().int().min(1).max(120),
})
export type Settings = z.infer<typeof settingsSchema>

export const defaultSettings: Settings = { lockoutAttempts: 5, lockoutMinutes: 5, idleLockMinutes: 10 }
