import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatFen, MAX_FEN, yuanToFen } from './money'

describe('money in fen', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12.50', 1250],
    ['0.05', 5],
    ['¥1,200.00', 120000],
    ['98 元', 9800],
  ])('%s → %i fen', (typed, fen) => {
    expect(yuanToFen(typed)).toEqual({ ok: true, fen })
  })

  it.each([['12.345'], ['-5'], ['1e3'], [''], ['十二'], ['12.']])('refuses %s', (typed) => {
    expect(yuanToFen(typed)).toEqual({ ok: false, error: 'amount' })
  })

  it('refuses more than 1 亿元', () => {
    expect(yuanToFen('100000000.01')).toEqual({ ok: false, error: 'amountTooLarge' })
  })

  it('formats and reads back every amount', () => {
    expect(formatFen(1250)).toBe('12.50')
    expect(formatFen(5)).toBe('0.05')
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FEN }), (fen) => {
        expect(yuanToFen(formatFen(fen))).toEqual({ ok: true, fen })
      }),
    )
  })
})
