import { describe, expect, it } from 'vitest'
import { formatCallerNumber, parseCallerNumber } from './phone'

// Caller numbers as agents type them (issue 3: mobile, fixed line with area code, 400/800, stored E.164).
describe('parseCallerNumber', () => {
  it.each([
    ['13812345678', 'mobile', '+8613812345678'],
    ['138 1234 5678', 'mobile', '+8613812345678'],
    ['+86 138-1234-5678', 'mobile', '+8613812345678'],
    ['0086 13812345678', 'mobile', '+8613812345678'],
    ['15912345678', 'mobile', '+8615912345678'],
    ['18612345678', 'mobile', '+8618612345678'],
    ['0755-86001234', 'fixedLine', '+8675586001234'],
    ['075586001234', 'fixedLine', '+8675586001234'],
    ['010-88889999', 'fixedLine', '+861088889999'],
    ['(021) 6234 5678', 'fixedLine', '+862162345678'],
    ['400-812-3123', 'businessHotline', '+864008123123'],
    ['8008301880', 'businessHotline', '+868008301880'],
    ['10086', 'serviceShortCode', '10086'],
    ['95338', 'serviceShortCode', '95338'],
    ['12305', 'serviceShortCode', '12305'],
    // China Post / EMS hotlines.
    ['11183', 'serviceShortCode', '11183'],
    ['11185', 'serviceShortCode', '11185'],
    ['111 85', 'serviceShortCode', '11185'],
    ['10000', 'serviceShortCode', '10000'],
    ['96777', 'serviceShortCode', '96777'],
  ])('%s → %s %s', (typed, kind, stored) => {
    expect(parseCallerNumber(typed)).toEqual({ ok: true, kind, stored })
  })

  it.each([
    // Eleven digits starting with 1 but no real mobile range: the full metadata refuses it.
    ['12345678901', 'invalid'],
    ['1381234567', 'invalid'],
    ['88889999', 'fixedLineNeedsAreaCode'],
    ['8889999', 'fixedLineNeedsAreaCode'],
    // Read by the metadata as area code 879 + a short number: still a Shenzhen number without 0755.
    ['87995511', 'fixedLineNeedsAreaCode'],
    ['8600 1234', 'fixedLineNeedsAreaCode'],
    ['123', 'invalid'],
    // Other 5-digit numbers stay typos: 110xx, 112xx, 13xxx, 97xxx are not service lines.
    ['11083', 'invalid'],
    ['11285', 'invalid'],
    ['13185', 'invalid'],
    ['97123', 'invalid'],
    ['abc', 'invalid'],
    ['138-abcd-5678', 'invalid'],
    ['', 'invalid'],
  ])('%s is refused: %s', (typed, reason) => {
    expect(parseCallerNumber(typed)).toEqual({ ok: false, reason })
  })
})

describe('formatCallerNumber', () => {
  it('reads back the national form, and short codes as they are', () => {
    expect(formatCallerNumber('+8613812345678')).toBe('138 1234 5678')
    expect(formatCallerNumber('+8675586001234')).toBe('0755 8600 1234')
    expect(formatCallerNumber('+864008123123')).toBe('400 812 3123')
    expect(formatCallerNumber('95338')).toBe('95338')
  })
})
