import { parsePhoneNumberFromString } from 'libphonenumber-js/max'

// Caller numbers are stored in E.164 so a repeat caller is recognised however the number was typed.
// The full ("max") metadata is needed: the default metadata accepts 12345678901 as a mobile.
// Carrier and public-service short codes (10086, 95338, 12305) have no E.164 form and fail every
// metadata set, so they are recognised here and stored as their digits.
export type CallerNumberKind = 'mobile' | 'fixedLine' | 'businessHotline' | 'serviceShortCode'

export type CallerNumberResult =
  | { ok: true; kind: CallerNumberKind; stored: string }
  | { ok: false; reason: 'invalid' | 'fixedLineNeedsAreaCode' }

const LOCAL_NUMBER = /^[1-9]\d{6,7}$/
// Carriers' 100xx (10000, 10010, 10086, 10099), China Post / EMS 111xx (11183 EMS, 11185 China Post),
// public services' 12xxx (12305 postal complaints, 12315, 12345) and enterprise 95xxx/96xxx lines;
// other 5-digit numbers are typos.
const SHORT_CODE = /^(?:100\d{2}|111\d{2}|12\d{3}|9[56]\d{3})$/

export function parseCallerNumber(input: string): CallerNumberResult {
  const compact = input.replace(/[\s\-()（）]/g, '')
  if (SHORT_CODE.test(compact)) return { ok: true, kind: 'serviceShortCode', stored: compact }
  // A 7–8 digit local number without its area code is the commonest slip on a fixed line. Checked
  // before parsing: the metadata would read some of them (87995511) as a short area code + number.
  if (LOCAL_NUMBER.test(compact)) return { ok: false, reason: 'fixedLineNeedsAreaCode' }
  const parsed = parsePhoneNumberFromString(compact, 'CN')
  if (!parsed || !parsed.isValid()) {
    return { ok: false, reason: 'invalid' }
  }
  switch (parsed.getType()) {
    case 'MOBILE':
    case 'FIXED_LINE_OR_MOBILE':
      return { ok: true, kind: 'mobile', stored: parsed.number }
    case 'FIXED_LINE':
      return { ok: true, kind: 'fixedLine', stored: parsed.number }
    case 'TOLL_FREE':
    case 'SHARED_COST':
    case 'UAN':
      return { ok: true, kind: 'businessHotline', stored: parsed.number }
    default:
      return { ok: true, kind: 'fixedLine', stored: parsed.number }
  }
}

/** The number as an agent reads it: 138 1234 5678, 010 8888 9999, 400 812 3123. */
export function formatCallerNumber(stored: string): string {
  if (!stored.startsWith('+')) return stored
  const parsed = parsePhoneNumberFromString(stored)
  return parsed ? parsed.formatNational() : stored
}
