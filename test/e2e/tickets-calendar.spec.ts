import { expect, test } from './fixtures'
import { chooseSegment, chooseTicketKind, closeTicketDrawer, journalEntriesOf, openTicketByNumber, saveNewTicket, showScreen, startShift, ticketDrawer, ticketFormDialog } from './flows'

// A complaint's first clock counts working days (issue 4 §5, DOMAIN.md "the complaint clock"): it
// skips the National Day week, then a company holiday the supervisor adds, then follows the amount
// the supervisor sets. The seat and the page both stand on Wednesday 2026-09-30, 10:00 in China.
const eveOfNationalDay = '2026-09-30T10:00:00+08:00'
test.use({ serverTime: eveOfNationalDay })

test('a complaint opened before National Day is due after the holiday week, and follows the calendar and the clock settings', async ({ page, seatDesk }) => {
  test.skip(seatDesk.runtime === 'electron', "the date comes from the preview's clock (serverTime); the desktop app runs on the system clock")
  await page.clock.install({ time: new Date(eveOfNationalDay) })
  await seatDesk.open()
  await startShift(page)

  await showScreen(page, '工单')
  await page.getByRole('button', { name: '新建工单' }).click()
  await chooseTicketKind(page, '投诉')
  const form = ticketFormDialog(page)
  await chooseSegment(form, '客户投诉')
  await form.getByLabel('投诉内容').fill('派送员未联系客户即签收，货物放在门卫处丢失一件')
  await form.getByLabel('运单号').fill('ST5566778899')
  const ticketNo = await saveNewTicket(page)
  expect(ticketNo).toMatch(/-20260930-0001$/)

  // 1 working day from Wednesday 30 September: 1–7 October are the holiday, so the 8th, to its end.
  const preliminary = ticketDrawer(page).locator('[data-clock="complaint.preliminaryInvestigation"]')
  await expect(preliminary).toContainText('前期调查')
  await expect(preliminary).toContainText('10/08 24:00')
  await expect(preliminary).toHaveAttribute('data-due', 'running')
  await closeTicketDrawer(page)

  // The supervisor makes the 8th a company holiday in 设置 → 工作日历.
  await showScreen(page, '设置')
  await page.getByRole('tab', { name: '工作日历' }).click()
  const calendar = page.getByRole('region', { name: '工作日历' })
  const addForm = calendar.getByRole('form', { name: '添加公司安排' })
  await addForm.getByLabel('日期').fill('2026-10-08')
  await expect(addForm.getByLabel('安排')).toHaveValue('holiday')
  await addForm.getByLabel('说明').fill('司庆日')
  await addForm.getByRole('button', { name: '添加到日历' }).click()
  await expect(calendar.getByRole('table', { name: '2026 年的公司安排' })).toContainText('司庆日')
  await calendar.getByRole('button', { name: '保存工作日历' }).click()
  await expect(page.getByText('工作日历已保存。')).toBeVisible()

  const opened = await openTicketByNumber(page, ticketNo)
  await expect(opened.locator('[data-clock="complaint.preliminaryInvestigation"]')).toContainText('10/09 24:00')
  await closeTicketDrawer(page)

  // The supervisor gives the preliminary investigation 2 working days: Saturday the 10th is a
  // make-up working day (调休), so the clock ends with it.
  await showScreen(page, '设置')
  await page.getByRole('tab', { name: '工单时限' }).click()
  const clocks = page.getByRole('form', { name: '工单时限' })
  const amount = clocks.getByLabel('投诉·前期调查：时限')
  await expect(amount).toHaveValue('1')
  await amount.fill('2')
  await clocks.getByRole('button', { name: '保存时限设置' }).click()
  await expect(page.getByText('时限设置已保存。')).toBeVisible()

  const again = await openTicketByNumber(page, ticketNo)
  await expect(again.locator('[data-clock="complaint.preliminaryInvestigation"]')).toContainText('10/10 24:00')

  // On record: the supervisor's two changes, each once, in the order made.
  const [calendarChange] = await journalEntriesOf(seatDesk.dataDir, 'workingCalendar.changed')
  expect(calendarChange?.payload).toMatchObject({ settings: { overrides: [{ date: '2026-10-08', kind: 'holiday', note: '司庆日' }] } })
  const [clockChange] = await journalEntriesOf(seatDesk.dataDir, 'deadlineSettings.changed')
  const settings = clockChange?.payload.settings as { clocks: { id: string; amount: number }[] } | undefined
  expect(settings?.clocks.find((clock) => clock.id === 'complaint.preliminaryInvestigation')?.amount).toBe(2)
  expect(calendarChange!.seq).toBeLessThan(clockChange!.seq)
})
