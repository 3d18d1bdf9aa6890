import { describe, expect, it } from 'vitest'
import { TicketNumbering } from './ticketNumbering'

// Pure numbering rules; ticketService.test.ts proves the same through the journal and a restart.
describe('TicketNumbering', () => {
  it('numbers from 1 on each China date, four digits', () => {
    const numbering = new TicketNumbering()
    const at = new Date('2026-03-02T01:00:00Z')
    expect(numbering.next('SZ01', at)).toBe('SZ01-20260302-0001')
    numbering.taken('SZ01-20260302-0001')
    numbering.taken('SZ01-20260302-0002')
    expect(numbering.next('SZ01', at)).toBe('SZ01-20260302-0003')
    expect(numbering.next('SZ01', new Date('2026-03-03T01:00:00Z'))).toBe('SZ01-20260303-0001')
  })

  it('takes the date in China, not the UTC date', () => {
    const numbering = new TicketNumbering()
    numbering.taken('SZ01-20260302-0001')
    // 16:30 UTC on 2 March is 00:30 on 3 March in Shenzhen: a new day, sequence 1.
    expect(numbering.next('SZ01', new Date('2026-03-02T16:30:00Z'))).toBe('SZ01-20260303-0001')
    // 15:59 UTC is still 23:59 on 2 March.
    expect(numbering.next('SZ01', new Date('2026-03-02T15:59:00Z'))).toBe('SZ01-20260302-0002')
  })

  it('continues past the highest number of the date, whatever order the journal held them in', () => {
    const numbering = new TicketNumbering()
    for (const ticketNo of ['SZ01-20260302-0003', 'SZ01-20260302-0001', 'SZ01-20260302-0002']) numbering.taken(ticketNo)
    expect(numbering.next('SZ01', new Date('2026-03-02T09:00:00Z'))).toBe('SZ01-20260302-0004')
  })

  it('never hands out a number twice when the clock goes back to an earlier day', () => {
    const numbering = new TicketNumbering()
    const handedOut: string[] = []
    const open = (iso: string) => {
      const ticketNo = numbering.next('SZ01', new Date(iso))
      numbering.taken(ticketNo)
      handedOut.push(ticketNo)
    }
    open('2026-03-02T02:00:00Z')
    open('2026-03-02T03:00:00Z')
    open('2026-03-03T02:00:00Z')
    // NTP sets the clock back a day, then back within the day.
    open('2026-03-02T01:00:00Z')
    open('2026-03-02T00:30:00Z')
    open('2026-03-03T01:00:00Z')
    expect(handedOut).toEqual([
      'SZ01-20260302-0001',
      'SZ01-20260302-0002',
      'SZ01-20260303-0001',
      'SZ01-20260302-0003',
      'SZ01-20260302-0004',
      'SZ01-20260303-0002',
    ])
    expect(new Set(handedOut).size).toBe(handedOut.length)
  })

  it('goes past 9999 in a day without wrapping', () => {
    const numbering = new TicketNumbering()
    numbering.taken('SZ01-20260302-9999')
    expect(numbering.next('SZ01', new Date('2026-03-02T09:00:00Z'))).toBe('SZ01-20260302-10000')
  })
})
