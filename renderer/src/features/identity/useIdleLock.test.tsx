import { fireEvent, renderHook } from '@testing-library/react'
import { useIdleLock } from './useIdleLock'

describe('idle auto-lock', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-11-23T09:00:00+08:00'))
  })
  afterEach(() => vi.useRealTimers())

  it('locks after the configured minutes without input, counted from the last activity', () => {
    const onIdle = vi.fn()
    renderHook(() => useIdleLock(3, true, onIdle))

    vi.advanceTimersByTime(2 * 60_000)
    fireEvent.keyDown(window, { key: 'a' }) // typing at 09:02 restarts the wait
    vi.advanceTimersByTime(2 * 60_000 + 30_000)
    expect(onIdle).not.toHaveBeenCalled()
    fireEvent.pointerDown(window)
    vi.advanceTimersByTime(2 * 60_000)
    expect(onIdle).not.toHaveBeenCalled()

    vi.advanceTimersByTime(60_000 + 5_000)
    expect(onIdle).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(10 * 60_000)
    expect(onIdle).toHaveBeenCalledTimes(1)
  })

  it('measures by the clock: a machine that slept past the limit locks on the next check', () => {
    const onIdle = vi.fn()
    renderHook(() => useIdleLock(10, true, onIdle))
    // The clock jumps 11 minutes while no interval ran (sleep, throttled background window).
    vi.setSystemTime(Date.now() + 11 * 60_000)
    vi.advanceTimersByTime(5_000)
    expect(onIdle).toHaveBeenCalledTimes(1)
  })

  it('does nothing while disabled (already locked)', () => {
    const onIdle = vi.fn()
    renderHook(() => useIdleLock(1, false, onIdle))
    vi.advanceTimersByTime(5 * 60_000)
    expect(onIdle).not.toHaveBeenCalled()
  })
})
