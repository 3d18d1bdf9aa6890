import { expect, test } from './fixtures'
import {
  chooseTicketKind,
  closeTicketDrawer,
  journalEntriesOf,
  saveNewTicket,
  seatSetup,
  showScreen,
  startShift,
  ticketDrawer,
  ticketFormDialog,
  unlock,
} from './flows'

// Deadlines (issue 4 §5) against the page's clock: an overcharge is settled within 2 hours, and
// overdue tickets stand out and are told once.

test('an overcharge comes due, then overdue after 2 hours, and the owner is told once', async ({ page, seatDesk }) => {
  await page.clock.install()
  await seatDesk.open()
  await startShift(page)
  await showScreen(page, '工单')
  await page.getByRole('button', { name: '新建工单' }).click()
  await chooseTicketKind(page, '多收运费')
  const form = ticketFormDialog(page)
  await form.getByLabel('运单号').fill('YT3344556677')
  await form.getByLabel('实收运费').fill('58')
  await form.getByLabel('应收运费').fill('45.50')
  await form.getByLabel('原因说明').fill('续重按 2 公斤计，实际 1.2 公斤')
  const ticketNo = await saveNewTicket(page)

  // Just opened: the 2-hour clock runs, nothing is due soon yet.
  const clock = ticketDrawer(page).locator('[data-clock="overcharge.settle"]')
  await expect(clock).toHaveAttribute('data-due', 'running')
  await expect(clock).toContainText('处理完毕并致歉')
  await closeTicketDrawer(page)
  const results = page.getByRole('table', { name: '查找结果' })
  await expect(results.getByRole('row', { name: `工单 ${ticketNo}（多收运费）` })).toHaveAttribute('data-due', 'running')
  await page.getByRole('tab', { name: '我的到期工单' }).click()
  await expect(page.getByText('没有超时的工单。')).toBeVisible()
  await expect(page.getByText('没有即将到期的工单。')).toBeVisible()

  // An hour and a half away from the seat (it locked itself meanwhile): due within 30 minutes.
  await page.clock.fastForward('01:31:00')
  await unlock(page, seatSetup.supervisor.pin)
  const dueSoon = page.getByRole('table', { name: '我的即将到期工单' }).getByRole('row', { name: `工单 ${ticketNo}（多收运费）` })
  await expect(dueSoon).toHaveAttribute('data-due', 'dueSoon')
  await expect(dueSoon).toContainText('即将到期')
  await expect(page.getByRole('alert').filter({ hasText: `工单 ${ticketNo} 即将到期` })).toHaveCount(1)

  // Past the 2 hours: overdue, in red, in my list, on the navigation and in one notification.
  await page.clock.fastForward('00:30:00')
  await unlock(page, seatSetup.supervisor.pin)
  const overdue = page.getByRole('table', { name: '我的超时工单' }).getByRole('row', { name: `工单 ${ticketNo}（多收运费）` })
  await expect(overdue).toHaveAttribute('data-due', 'overdue')
  await expect(overdue.getByText('已超时', { exact: true })).toBeVisible()
  await expect(page.getByText('没有即将到期的工单。')).toBeVisible()
  await expect(page.getByRole('navigation', { name: '功能菜单' }).getByLabel('我有 1 张工单已超时')).toBeVisible()
  await page.getByRole('tab', { name: '全部超时工单' }).click()
  await expect(page.getByRole('table', { name: '全部超时工单' }).getByRole('row', { name: `工单 ${ticketNo}（多收运费）` })).toHaveAttribute('data-due', 'overdue')

  const notice = page.getByRole('alert').filter({ hasText: `工单 ${ticketNo} 已超时` })
  await expect(notice).toHaveCount(1)
  // Closed, it stays closed: later looks at the clock do not tell it again.
  await notice.getByRole('button').last().click()
  await expect(notice).toHaveCount(0)
  await page.clock.fastForward('00:00:40')
  await page.mouse.move(300, 300)
  await page.clock.fastForward('00:00:40')
  await expect(page.getByRole('table', { name: '全部超时工单' }).getByRole('row', { name: `工单 ${ticketNo}（多收运费）` })).toBeVisible()
  await expect(notice).toHaveCount(0)

  // Still on record as opened, never moved: overdue is the screen's reading of the clock, not an entry.
  expect(await journalEntriesOf(seatDesk.dataDir, 'ticket.opened')).toHaveLength(1)
  expect(await journalEntriesOf(seatDesk.dataDir, 'ticket.statusChanged')).toHaveLength(0)
})
