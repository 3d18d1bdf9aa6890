// Money is integer fen (分): 12.50 元 is 1250. Integers compare and add exactly in JSON, in IndexedDB
// indexes and in zod, where decimal strings would need their own arithmetic. The form converts at the
// edge with yuanToFen / formatFen.
export const MAX_FEN = 100_000_000_00 // 1 亿元: far above any waybill, low enough to catch a slip of the keyboard

/** "12.5", "12.50", "¥1,200" → fen; more than 2 decimals, a sign or anything else is refused. */
export function yuanToFen(typed: string): { ok: true; fen: number } | { ok: false; error: 'amount' | 'amountTooLarge' } {
  const compact = typed.replace(/[\s,，¥￥元]/g, '')
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(compact)
  if (!match) return { ok: false, error: 'amount' }
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  return fen > MAX_FEN ? { ok: false, error: 'amountTooLarge' } : { ok: true, fen }
}

/** 1250 → "12.50" */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}
