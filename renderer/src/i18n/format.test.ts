import { ApiError } from '../api/client'
import { describeError, formatClock, formatClockSeconds, formatDateTime, formatDeadline } from './format'
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

describe('formatDeadline', () => {
  // China times (the screen shows China time on any seat): 24:00 of 10/08 in Shenzhen is 16:00Z.
  const endOfOctober8 = '2026-10-08T16:00:00.000Z'

  it('says the end of a day as 24:00 of that day, not 00:00 of the next', () => {
    expect(formatDeadline(endOfOctober8, 'zh-CN')).toBe('10/08 24:00')
    expect(formatDeadline(endOfOctober8, 'en')).toBe(formatDateTime('2026-10-08T15:59:00.000Z', 'en').replace('23:59', '24:00'))
    expect(formatDeadline(endOfOctober8, 'en')).toMatch(/^10\/08\D+24:00$/)
    // Midnight UTC is 08:00 in China: no day ends then.
    expect(formatDeadline('2026-10-09T00:00:00.000Z', 'zh-CN')).toBe('10/09 08:00')
  })

  it('leaves any other instant as formatDateTime shows it', () => {
    const aSecondLater = '2026-10-08T16:00:01.000Z'
    expect(formatDeadline(aSecondLater, 'zh-CN')).toBe(formatDateTime(aSecondLater, 'zh-CN'))
    const afternoon = '2026-11-25T09:42:00.000Z'
    expect(formatDeadline(afternoon, 'zh-CN')).toBe('11/25 17:42')
  })
})

describe('times on screen are China time on any seat', () => {
  // 16:30Z on Friday the 13th is already Saturday the 14th, 00:30, in Shenzhen: a UTC (or any
  // non-China) formatter says the 13th.
  const justPastMidnightInChina = '2026-02-13T16:30:00.000Z'

  it('gives the China date and time', () => {
    expect(formatDateTime(justPastMidnightInChina, 'zh-CN')).toBe('02/14 00:30')
    expect(formatDateTime(justPastMidnightInChina, 'en')).toBe('02/14, 00:30')
    expect(formatDateTime('2026-11-25T15:59:00.000Z', 'zh-CN')).toBe('11/25 23:59')
  })

  it('gives the China clock time', () => {
    expect(formatClock(justPastMidnightInChina, 'zh-CN')).toBe('00:30')
    expect(formatClockSeconds('2026-11-23T05:34:40.000Z', 'zh-CN')).toBe('13:34:40')
  })
})
