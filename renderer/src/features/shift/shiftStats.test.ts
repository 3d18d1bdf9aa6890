import { startOfToday } from './shiftStats'

describe('startOfToday', () => {
  it('is midnight on the China clock, whatever zone the machine is in', () => {
    // 16:30Z on the 13th is 00:30 on the 14th in China: "today" began at 16:00Z, not at 00:00Z.
    expect(startOfToday(Date.parse('2026-02-13T16:30:00.000Z'))).toBe('2026-02-13T16:00:00.000Z')
    // 15:59Z is still 23:59 of the 13th in China.
    expect(startOfToday(new Date('2026-02-13T15:59:00.000Z'))).toBe('2026-02-12T16:00:00.000Z')
  })
})
