import type { BenchFigure } from './figure'
import { callKeystrokeFigures } from './browser/keystroke'
import { openPreviewSeat } from './browser/previewSeat'
import { timerErrorFigure } from './browser/timerError'

// The call screen's figures, measured in Debian's Chromium against the browser preview (the built
// renderer in out/renderer: run.ts builds it when it is missing).
export async function callFigures(): Promise<BenchFigure[]> {
  const seat = await openPreviewSeat()
  try {
    return [await timerErrorFigure(seat), ...(await callKeystrokeFigures(seat))]
  } finally {
    await seat.close()
  }
}
