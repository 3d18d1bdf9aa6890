import { setTimeout as delay } from 'node:timers/promises'
import type { Page } from '@playwright/test'
import type { BenchFigure } from '../figure'
import type { PreviewSeat } from './previewSeat'

// timer_error_after_180s: how far the call timer on screen is from the true handling time when the
// agent comes back to a window that was hidden for 180 s.
//
// What is measured, exactly: the call is answered (F2) on a page whose clock Playwright controls.
// The clock is then paused, so no timer fires unless we say so. Each round hides the page, moves the
// page's wall clock forward by about 180 s WITHOUT firing a single timer (`clock.setSystemTime`) —
// the worst a hidden, throttled or frozen window can do to a ticking timer is never to tick — shows
// the page again and reads the elapsed time on screen once React has rendered, still with no timer
// tick. Error = true elapsed (page clock − the stored answer time) − displayed elapsed. A display
// that counts ticks would be ~180 s behind; one computed from timestamps is behind only by what the
// whole-second display drops.
//
// How the page is hidden: headless Chromium reports every page 'visible' (tried: another window in
// front, a minimised window via CDP, headed under Xvfb without a window manager), so hiding is
// emulated: `document.visibilityState`/`hidden` are overridden and `visibilitychange` dispatched,
// as the browser does on minimise and restore. The throttling itself is modelled by the paused clock.
//
// Floor: the display's resolution, 1000 ms. It shows whole seconds, truncated, so a perfect display
// is up to 999 ms behind the truth. The rounds put the truth at .000 … .999 of a second, so a
// perfect display scores 999 here; the goal (≤ 100 ms beyond the resolution) is value ≤ 1100.

const HIDDEN_MS = 180_000
/** The truth's fraction of a second in each round: the display's truncation is exercised across it. */
const FRACTIONS_MS = [0, 250, 500, 750, 999]
const DISPLAY_RESOLUTION_MS = 1000
/** Real time for React to render after the page is shown again (the page clock stays paused). */
const RENDER_SETTLE_MS = 250

const setHidden = (page: Page, hidden: boolean) =>
  page.evaluate(`(() => {
    for (const [name, value] of [['visibilityState', ${hidden} ? 'hidden' : 'visible'], ['hidden', ${hidden}]]) {
      Object.defineProperty(document, name, { configurable: true, get: () => value })
    }
    document.dispatchEvent(new Event('visibilitychange'))
  })()`)

/** "3:00" / "1:02:03" → ms. */
export function parseDisplayed(text: string): number {
  const parts = text.trim().split(':').map(Number)
  if (parts.length < 2 || parts.some((part) => !Number.isInteger(part))) throw new Error(`bench: unreadable timer "${text}"`)
  return parts.reduce((total, part) => total * 60 + part, 0) * 1000
}

export async function timerErrorFigure(seat: PreviewSeat): Promise<BenchFigure> {
  const errors = await seat.duringCall({ beforeLoad: (page) => page.clock.install() }, async (page) => {
    const view = await seat.call('callCurrent', {})
    if (!view) throw new Error('bench: no open call after F2')
    const answeredAt = Date.parse(view.answeredAt)

    // From here on the page's time moves only when we move it.
    const start = answeredAt + 10_000
    if (Date.now() >= start) throw new Error('bench: the call screen took over 10 s to answer')
    await page.clock.pauseAt(start)

    const errors: number[] = []
    for (const [round, fraction] of FRACTIONS_MS.entries()) {
      const trueElapsed = (round + 1) * HIDDEN_MS + fraction
      await setHidden(page, true)
      await page.clock.setSystemTime(answeredAt + trueElapsed)
      await setHidden(page, false)
      await delay(RENDER_SETTLE_MS)
      errors.push(trueElapsed - parseDisplayed(await page.getByTestId('call-elapsed').innerText()))
    }
    return errors
  })
  return { name: 'timer_error_after_180s', value: Math.max(...errors.map(Math.abs)), unit: 'ms', floor: DISPLAY_RESOLUTION_MS }
}
