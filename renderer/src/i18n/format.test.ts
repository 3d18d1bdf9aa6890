import { ApiError } from '../api/client'
import { describeError, formatClockSeconds } from './format'
import { i18n, initialLanguage } from './index'

const badCredentials = (remainingAttempts: number) => new ApiError({ code: 'badCredentials', params: { remainingAttempts } })

describe('describeError', () => {
  const english = i18n.getFixedT('en')
  const chinese = i18n.getFixedT('zh-CN')

  it('says "1 try" and "2 tries" in English', () => {
    expect(describeError(english, badCredentials(1), 'en')).toBe(
      'Wrong employee number or PIN. 1 try left before this employee number is locked.',
    )
    expect(describeError(english, badCredentials(2), 'en')).toBe(
      'Wrong employee number or PIN. 2 tries left before this employee number is locked.',
    )
  })

  it('uses the one Chinese form for every count', () => {
    expect(describeError(chinese, badCredentials(1), 'zh-CN')).toBe('工号或 PIN 不正确，还可再试 1 次，之后该工号将被锁定。')
    expect(describeError(chinese, badCredentials(3), 'zh-CN')).toBe('工号或 PIN 不正确，还可再试 3 次，之后该工号将被锁定。')
  })

  it('says minute or minutes for a lockout, with the end to the second', () => {
    const now = Date.parse('2026-11-23T05:33:00.000Z')
    const lockedOut = (until: string) => new ApiError({ code: 'userLocked', params: { until } })
    const oneMinute = '2026-11-23T05:33:40.000Z'
    expect(describeError(english, lockedOut(oneMinute), 'en', now)).toBe(
      `This employee number is locked after too many wrong PINs. Try again after ${formatClockSeconds(oneMinute, 'en')} (1 minute).`,
    )
    expect(describeError(english, lockedOut('2026-11-23T05:37:40.000Z'), 'en', now)).toMatch(/\(5 minutes\)\.$/)
    expect(describeError(chinese, lockedOut(oneMinute), 'zh-CN', now)).toBe(
      `该工号因连续输错 PIN 已锁定，请于 ${formatClockSeconds(oneMinute, 'zh-CN')} 后重试（1 分钟）。`,
    )
  })

  it('says only "wrong PIN" where only a PIN was asked for, keeping the lockout warning', () => {
    expect(describeError(chinese, badCredentials(2), 'zh-CN', Date.now(), { pinOnly: true })).toBe(
      'PIN 不正确，还可再试 2 次，之后该工号将被锁定。',
    )
    expect(describeError(english, badCredentials(1), 'en', Date.now(), { pinOnly: true })).toBe(
      'Wrong PIN. 1 try left before this employee number is locked.',
    )
    expect(describeError(chinese, new ApiError({ code: 'badCredentials' }), 'zh-CN', Date.now(), { pinOnly: true })).toBe(
      'PIN 不正确，请重新输入。',
    )
  })
})

describe('formatClockSeconds', () => {
  it('gives HH:mm:ss', () => {
    expect(formatClockSeconds('2026-11-23T05:34:40.000Z', 'zh-CN')).toMatch(/^\d{2}:34:40$/)
  })
})

describe('initialLanguage', () => {
  it('keeps a language chosen on this machine', () => {
    expect(initialLanguage('en', 'zh-CN')).toBe('en')
    expect(initialLanguage('zh-CN', 'en-US')).toBe('zh-CN')
  })

  it('before any choice: English for an English system, zh-CN otherwise', () => {
    expect(initialLanguage(null, 'en-US')).toBe('en')
    expect(initialLanguage(null, 'en')).toBe('en')
    expect(initialLanguage(null, 'zh-CN')).toBe('zh-CN')
    expect(initialLanguage(null, 'de-DE')).toBe('zh-CN')
    expect(initialLanguage('fr', undefined)).toBe('zh-CN')
  })
})
