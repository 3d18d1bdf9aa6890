import { describe, expect, it } from 'vitest'
import { formatDuration, readCallTimer } from './callTimer'

// 002 呼叫中心工作标准: 受理时间低于3分钟/次 — default target 3:00, warning from 2:30.
const answeredAt = '2026-03-02T02:00:00.000Z'
const start = Date.parse(answeredAt)
const at = (seconds: number) => start + seconds * 1000
const read = (now: number, completedAt: string | null = null) =>
  readCallTimer({ answeredAt, completedAt, now, targetSeconds: 180, warningSeconds: 150 })

describe('readCallTimer', () => {
  it.each([
    [0, 'calm', 180_000, 0],
    [149.999, 'calm', 30_001, 0],
    [150, 'warning', 30_000, 0],
    [179.999, 'warning', 1, 0],
    [180, 'overtime', 0, 0],
    [245, 'overtime', 0, 65_000],
  ])('at %ss: %s, %sms left, %sms over', (seconds, phase, remainingMs, overtimeMs) => {
    expect(read(at(seconds))).toEqual({ elapsedMs: Math.round(seconds * 1000), phase, remainingMs, overtimeMs })
  })

  it('never shows negative time when the wall clock is set back before the answer', () => {
    expect(read(at(-42))).toEqual({ elapsedMs: 0, phase: 'calm', remainingMs: 180_000, overtimeMs: 0 })
  })

  it('follows the wall clock when it jumps back mid-call (no tick counting to drift)', () => {
    expect(read(at(170)).phase).toBe('warning')
    expect(read(at(100))).toMatchObject({ elapsedMs: 100_000, phase: 'calm' })
  })

  it('freezes at wrap-up done, whatever the clock says later', () => {
    const completedAt = new Date(at(200)).toISOString()
    const frozen = read(at(200), completedAt)
    expect(frozen).toEqual({ elapsedMs: 200_000, phase: 'overtime', remainingMs: 0, overtimeMs: 20_000 })
    expect(read(at(5_000), completedAt)).toEqual(frozen)
    expect(read(at(10), completedAt)).toEqual(frozen)
  })

  it('reads the same after a restart mid-call: only the stored answer time and now matter', () => {
    const beforeRestart = read(at(161))
    // A new process knows nothing but the journal's answeredAt (same string) and the clock.
    const afterRestart = readCallTimer({ answeredAt: new Date(start).toISOString(), now: at(161), targetSeconds: 180, warningSeconds: 150 })
    expect(afterRestart).toEqual(beforeRestart)
    expect(afterRestart.phase).toBe('warning')
  })

  it('uses the target the call was answered with', () => {
    expect(readCallTimer({ answeredAt, now: at(200), targetSeconds: 240, warningSeconds: 210 }).phase).toBe('calm')
  })
})

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [999, '0:00'],
    [59_999, '0:59'],
    [180_000, '3:00'],
    [3_599_000, '59:59'],
    [3_600_000, '1:00:00'],
    [-5, '0:00'],
  ])('%sms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })
})
