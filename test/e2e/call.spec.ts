import { expect, test } from './fixtures'
import { startShift } from './flows'

// 来电接待 end to end: one call taken with the keyboard alone, the page's clock moved past the warning
// point (2:30) and the target (3:00), a reload mid-call, and the record in the shift panel.
test('a call by hotkeys crosses 2:30 and 3:00, survives a reload and lands in the shift panel', async ({ page, seatDesk }) => {
  await page.clock.install()
  await seatDesk.open()
  await startShift(page)

  // The call screen is the default once the checklist is done.
  const answer = page.getByRole('button', { name: '接听' })
  await expect(answer).toBeVisible()
  await page.keyboard.press('F2')
  const timer = page.getByRole('timer', { name: '处理时长' })
  await expect(timer).toHaveAttribute('data-phase', 'calm')
  await expect(page.getByTestId('call-state')).toHaveText('通话中')
  await expect(page.getByText(/^您好，顺达物流！我是客服王主管，工号S100/)).toBeVisible()

  await page.getByLabel('来电号码').fill('138 1234 5678')
  await page.keyboard.press('F3') // works while the caret is in the field
  await expect(page.getByRole('button', { name: '问候语 ✓' })).toBeDisabled()

  await page.clock.fastForward('02:31')
  await expect(timer).toHaveAttribute('data-phase', 'warning')
  await expect(page.getByTestId('call-elapsed')).toHaveText(/^2:3\d$/)

  // A reload mid-call: the open call comes back from main and the timer continues from the stored time.
  await page.goto(new URL('/', page.url()).href)
  await expect(timer).toHaveAttribute('data-phase', 'warning')
  await expect(page.getByTestId('call-elapsed')).toHaveText(/^2:3\d$/)
  await expect(page.getByRole('button', { name: '问候语 ✓' })).toBeDisabled()

  await page.clock.fastForward('00:30')
  await expect(timer).toHaveAttribute('data-phase', 'overtime')
  await expect(page.getByTestId('call-remaining')).toHaveText(/^超时 \+0:\d\d$/)

  await page.keyboard.press('F4')
  await expect(page.getByTestId('call-state')).toHaveText('整理中')
  await expect(page.getByText('打扰您了，祝您生活愉快，再见！')).toBeVisible()
  await page.keyboard.press('F6')
  await expect(page.getByRole('button', { name: '结束语 ✓' })).toBeDisabled()

  await page.getByRole('combobox', { name: '超时原因' }).click()
  await page.getByRole('option', { name: '系统缓慢' }).click()
  await page.keyboard.press('F8')
  await expect(page.getByText(/^通话已记录，处理时长/)).toBeVisible()
  await expect(answer).toBeFocused()

  await page.getByRole('navigation', { name: '功能菜单' }).getByRole('button', { name: '我的班次' }).click()
  await expect(page.getByTestId('shift-figure-calls')).toHaveText('1')
  const calls = page.getByRole('table', { name: '今日通话列表' })
  await expect(calls.getByRole('row')).toHaveCount(2)
  await expect(calls.getByRole('row').nth(1)).toContainText('138****5678')
})
