import { describe, expect, it } from 'vitest'
import { callSettingsSchema, defaultCallSettings } from './callSettings'

describe('callSettingsSchema', () => {
  it('accepts the defaults: 3:00 target, warning at 2:30 (002 呼叫中心工作标准)', () => {
    expect(callSettingsSchema.parse(defaultCallSettings)).toEqual(defaultCallSettings)
    expect(defaultCallSettings).toMatchObject({ targetSeconds: 180, warningSeconds: 150 })
  })

  it('refuses a warning point at or after the target', () => {
    const result = callSettingsSchema.safeParse({ ...defaultCallSettings, warningSeconds: 180 })
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['warningSeconds', 'warningBeforeTarget']])
  })

  it('refuses two over-target reasons with one id', () => {
    const [first] = defaultCallSettings.overTargetReasons
    const result = callSettingsSchema.safeParse({ ...defaultCallSettings, overTargetReasons: [...defaultCallSettings.overTargetReasons, first] })
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['overTargetReasons', 'duplicateReasonId']])
  })
})
