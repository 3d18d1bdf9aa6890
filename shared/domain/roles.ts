import { z } from 'zod'

export const roles = ['agent', 'shiftLead', 'supervisor'] as const
export const roleSchema = z.enum(roles)
export type Role = z.infer<typeof roleSchema>

/** What a role may do. Supervisors manage users and settings (DOMAIN.md, "People and places"). */
export function canManageUsers(role: Role): boolean {
  return role === 'supervisor'
}
export function canChangeSettings(role: Role): boolean {
  return role === 'supervisor'
}
