import { useEffect, useRef } from 'react'

const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'pointerdown', 'wheel', 'touchstart'] as const
const CHECK_EVERY_MS = 5_000

/**
 * Calls `onIdle` once after `minutes` without keyboard, mouse or pointer input. Idle time is measured
 * from the clock (the last activity's Date.now()), not by counting ticks, so a sleeping machine or a
 * throttled background timer cannot stretch it.
 */
export function useIdleLock(minutes: number, enabled: boolean, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle)
  useEffect(() => {
    onIdleRef.current = onIdle
  }, [onIdle])

  useEffect(() => {
    if (!enabled) return
    let lastActivity = Date.now()
    let fired = false
    const markActive = () => {
      lastActivity = Date.now()
    }
    ACTIVITY_EVENTS.forEach((event) => window.addEventListener(event, markActive, { capture: true, passive: true }))
    const timer = window.setInterval(() => {
      if (!fired && Date.now() - lastActivity >= minutes * 60_000) {
        fired = true
        onIdleRef.current()
      }
    }, CHECK_EVERY_MS)
    return () => {
      window.clearInterval(timer)
      ACTIVITY_EVENTS.forEach((event) => window.removeEventListener(event, markActive, { capture: true }))
    }
  }, [minutes, enabled])
}
