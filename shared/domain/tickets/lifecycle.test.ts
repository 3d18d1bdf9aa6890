import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkStatusMove,
  customerPauses,
  formatTicketNo,
  isOpenStatus,
  isReopen,
  maskPhone,
  parseTicketNo,
  phoneLast4,
  statusMovesFrom,
  ticketStatuses,
  waitingOnValues,
} from './lifecycle'

describe('ticket numbers', () => {
  it('read <branch>-<yyyymmdd>-<seq> with the date in China', () => {
    expect(formatTicketNo('SZ01', '2026-11-25T03:00:00.000Z', 7)).toBe('SZ01-20261125-0007')
    // 17:30 UTC on the 24th is already 01:30 on the 25th in Shenzhen.
    expect(formatTicketNo('SZ01', '2026-11-24T17:30:00.000Z', 1)).toBe('SZ01-20261125-0001')
    expect(formatTicketNo('BJ2', '2026-01-01T00:00:00+08:00', 12345)).toBe('BJ2-20260101-12345')
  })

  it('refuses a sequence that is not a positive integer', () => {
    expect(() => formatTicketNo('SZ01', '2026-11-25T03:00:00Z', 0)).toThrow(RangeError)
    expect(() => formatTicketNo('SZ01', '2026-11-25T03:00:00Z', 1.5)).toThrow(RangeError)
  })

  it('parse back what they format, whatever the case typed', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9]{2,8}$/), fc.integer({ min: 1, max: 99_999 }), fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (branch, seq, at) => {
        const number = formatTicketNo(branch, at, seq)
        const parsed = parseTicketNo(number.toLowerCase())
        expect(parsed).toEqual({ branchCode: branch, yyyymmdd: number.split('-')[1], seq })
      }),
    )
    expect(parseTicketNo('SF1234567890')).toBeNull()
    expect(parseTicketNo('SZ01-2026112-0001')).toBeNull()
  })
})

describe('status moves', () => {
  it('follow open → in progress → waiting → resolved → closed, and reopen', () => {
    expect(checkStatusMove('open', null, { to: 'inProgress', waitingOn: null })).toEqual({ ok: true })
    expect(checkStatusMove('inProgress', null, { to: 'waiting', waitingOn: 'branch' })).toEqual({ ok: true })
    expect(checkStatusMove('waiting', 'branch', { to: 'waiting', waitingOn: 'finance' })).toEqual({ ok: true })
    expect(checkStatusMove('waiting', 'finance', { to: 'resolved', waitingOn: null })).toEqual({ ok: true })
    expect(checkStatusMove('resolved', null, { to: 'closed', waitingOn: null })).toEqual({ ok: true })
    expect(checkStatusMove('closed', null, { to: 'inProgress', waitingOn: null })).toEqual({ ok: true })
    expect(isReopen('closed', 'inProgress')).toBe(true)
    expect(isReopen('waiting', 'inProgress')).toBe(false)
  })

  it('refuse skipping to closed, going back to open, and waiting on nobody', () => {
    expect(checkStatusMove('open', null, { to: 'closed', waitingOn: null })).toEqual({ ok: false, code: 'statusMoveNotAllowed' })
    expect(checkStatusMove('inProgress', null, { to: 'open', waitingOn: null })).toEqual({ ok: false, code: 'statusMoveNotAllowed' })
    expect(checkStatusMove('closed', null, { to: 'resolved', waitingOn: null })).toEqual({ ok: false, code: 'statusMoveNotAllowed' })
    expect(checkStatusMove('open', null, { to: 'waiting', waitingOn: null })).toEqual({ ok: false, code: 'waitingOnRequired' })
    expect(checkStatusMove('waiting', 'customer', { to: 'waiting', waitingOn: 'customer' })).toEqual({ ok: false, code: 'waitingOnUnchanged' })
  })

  it('never allow a move to open, and always allow leaving a finished ticket only by reopening', () => {
    for (const from of ticketStatuses) {
      expect(statusMovesFrom(from)).not.toContain('open')
      if (!isOpenStatus(from)) expect(statusMovesFrom(from).filter((to) => to !== 'closed')).toEqual(['inProgress'])
    }
    expect(waitingOnValues).toEqual(['customer', 'branch', 'finance'])
  })
})

describe('customer pauses', () => {
  it('run while the ticket waits on the customer and end at the next change', () => {
    expect(
      customerPauses([
        { at: '2026-11-02T01:00:00Z', status: 'inProgress', waitingOn: null },
        { at: '2026-11-02T02:00:00Z', status: 'waiting', waitingOn: 'customer' },
        { at: '2026-11-02T03:00:00Z', status: 'waiting', waitingOn: 'branch' },
        { at: '2026-11-03T01:00:00Z', status: 'waiting', waitingOn: 'customer' },
      ]),
    ).toEqual([
      { from: '2026-11-02T02:00:00Z', to: '2026-11-02T03:00:00Z' },
      { from: '2026-11-03T01:00:00Z', to: null },
    ])
  })

  it('are none when the ticket never waited on the customer', () => {
    expect(customerPauses([{ at: '2026-11-02T02:00:00Z', status: 'waiting', waitingOn: 'finance' }])).toEqual([])
  })
})

describe('phones', () => {
  it('are masked as 138****5678 and found by their last four digits', () => {
    expect(maskPhone('+8613812345678')).toBe('138****5678')
    // A fixed line as dialled, with its trunk 0.
    expect(maskPhone('+8675523456789')).toBe('075*****6789')
    expect(maskPhone('+861065529988')).toBe('010****9988')
    expect(maskPhone('95338')).toBe('*5338')
    expect(maskPhone('110')).toBe('****')
    expect(phoneLast4('+8613812345678')).toBe('5678')
    expect(phoneLast4('110')).toBeNull()
    expect(phoneLast4(null)).toBeNull()
  })

  it('never show more than the first three and last four digits of a mobile', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (national) => {
        const masked = maskPhone(`+86${national}`)
        expect(masked).toHaveLength(11)
        expect(masked.slice(3, 7)).toBe('****')
      }),
    )
  })
})
