import type { BenchFigure } from '../figure'
import { keystrokeFigures, typeAndMeasure } from './keystroke'
import type { PreviewSeat } from './previewSeat'

// keystroke_p95_ticket_form (and _60hz): keystroke-to-screen time typing a complaint's content into
// the ticket form opened from a running call (Alt+T, kind 8 投诉) — the call timer re-rendering behind
// the modal and the form validating as it goes — against the same typing on the empty Mantine page
// the call figure uses as its floor, measured again here in the same run. How a key is timed, and
// what the two pacings mean: keystroke.ts.

export function ticketFormKeystrokeFigures(seat: PreviewSeat): Promise<BenchFigure[]> {
  return keystrokeFigures(seat, 'keystroke_p95_ticket_form', (frames) =>
    seat.duringCall({ frames }, async (page) => {
      await page.keyboard.press('Alt+T')
      const form = page.getByRole('dialog', { name: '新建工单' })
      await form.waitFor()
      const kind = form.getByLabel(/^工单类型/)
      await kind.fill('8')
      await kind.press('Enter')
      const content = form.getByRole('textbox', { name: /^投诉内容/ })
      return typeAndMeasure(page, content)
    }),
  )
}
