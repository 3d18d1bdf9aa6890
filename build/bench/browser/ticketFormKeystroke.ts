import type { BenchFigure } from '../figure'
import { percentile } from '../figure'
import { floorKeystrokes, typeAndMeasure } from './keystroke'
import type { PreviewSeat } from './previewSeat'

// keystroke_p95_ticket_form: keystroke-to-screen time typing a complaint's content into the ticket
// form opened from a running call (Alt+T, kind 8 投诉) — the call timer re-rendering behind the modal
// and the form validating as it goes — against the same typing on the empty Mantine page the call
// figure uses as its floor, measured again here in the same run. How a key is timed: keystroke.ts.

export async function ticketFormKeystrokeFigure(seat: PreviewSeat): Promise<BenchFigure> {
  const page = await seat.openCallScreen()
  await page.keyboard.press('F2')
  await page.getByTestId('call-elapsed').waitFor()
  await page.keyboard.press('Alt+T')
  const form = page.getByRole('dialog', { name: '新建工单' })
  await form.waitFor()
  const kind = form.getByLabel(/^工单类型/)
  await kind.fill('8')
  await kind.press('Enter')
  const content = form.getByRole('textbox', { name: /^投诉内容/ })
  await content.waitFor()
  const app = await typeAndMeasure(page, content)
  await page.context().close()
  // The call stays open on the seat otherwise; the next figure starts from an idle call screen.
  await seat.call('callHangUp', {})
  await seat.call('callComplete', { overTargetReason: null })

  const floor = await floorKeystrokes(seat)
  return { name: 'keystroke_p95_ticket_form', value: percentile(app, 0.95), unit: 'ms', floor: percentile(floor, 0.95) }
}
