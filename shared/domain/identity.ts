import { z } from 'zod'
import { roleSchema } from './roles'

// Field rules shared by the setup and user forms and by main's validation of the same calls.
// Upper-cased: agents type s001 and S001 interchangeably, and two users must never differ only by case.
export const employeeNoSchema = z.string().trim().min(1).max(16).regex(/^[A-Za-z0-9-]+$/, { error: 'employeeNo' }).toUpperCase()
export const personNameSchema = z.string().trim().min(1).max(40)
/** Digits only, 4 to 8: typed on a numeric pad at the seat. */
export const pinSchema = z.string().min(4).max(8).regex(/^\d+$/, { error: 'pinDigits' })
export const companyNameSchema = z.string().trim().min(1).max(60)
/** Upper-case letters and digits; becomes the prefix of ticket numbers. */
export const branchCodeSchema = z.string().trim().min(2).max(8).regex(/^[A-Z0-9]+$/, { error: 'branchCode' })
export const seatNumberSchema = z.string().trim().min(1).max(8).regex(/^[A-Za-z0-9-]+$/, { error: 'seatNumber' })

export const newUserSchema = z.strictObject({
  employeeNo: employeeNoSchema,
  name: personNameSchema,
  role: roleSchema,
  pin: pinSchema,
})
export type NewUser = z.infer<typeof newUserSchema>

export const seatSetupSchema = z.strictObject({
  companyName: companyNameSchema,
  branchCode: branchCodeSchema,
  seatNumber: seatNumberSchema,
  supervisor: z.strictObject({ employeeNo: employeeNoSchema, name: personNameSchema, pin: pinSchema }),
})
export type SeatSetup = z.infer<typeof seatSetupSchema>

export const seatSchema = z.object({
  seatId: z.string(),
  companyName: z.string(),
  branchCode: z.string(),
  seatNumber: z.string(),
  keyProtection: z.enum(['safeStorage', 'unprotected']),
})
export type Seat = z.infer<typeof seatSchema>

export const userViewSchema = z.object({
  employeeNo: z.string(),
  name: z.string(),
  role: roleSchema,
  active: z.boolean(),
  /** ISO time until which sign-in is refused after too many wrong PINs, or null. */
  lockedUntil: z.string().nullable(),
})
export type UserView = z.infer<typeof userViewSchema>
