import { describe, expect, it } from 'vitest'
import { employeeNoSchema, newUserSchema } from './identity'

describe('employee numbers', () => {
  it('are upper-cased, so s001 and S001 are the same user', () => {
    expect(employeeNoSchema.parse(' s001 ')).toBe('S001')
    expect(newUserSchema.parse({ employeeNo: 'a003', name: '刘洋', role: 'agent', pin: '200003' }).employeeNo).toBe('A003')
  })

  it('still refuse spaces and symbols inside', () => {
    expect(employeeNoSchema.safeParse('A 003').success).toBe(false)
    expect(employeeNoSchema.safeParse('A003!').success).toBe(false)
  })
})
