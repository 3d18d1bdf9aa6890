import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { answerCall, chooseTicketKind, seatSetup, startShift, ticketFormDialog, unlock } from './flows'

// 来电接待 across a restart: the open call lives in the journal, not in the page or the server's
// memory, so a new preview on the same data folder brings it back with its original answer time.

/** Every journal line on disk: what survives a restart is exactly what is here. */
async function journalOnDisk(dataDir: string): Promise<string> {
  const folder = join(dataDir, 'journal')
  const segments = (await readdir(folder)).filter((name) => name.startsWith('segment-')).sort()
  return (await Promise.all(segments.map((name) => readFile(join(folder, name), 'utf8')))).join('')
}

/** "1:12" → 72000 */
const displayedMs = (text: string) => text.split(':').reduce((total, part) => total * 60 + Number(part), 0) * 1000

test('a restart of the preview mid-call brings the open call back after the PIN', async ({ page, seatDesk }) => {
  test.skip(seatDesk.runtime === 'electron', 'restarts the preview server; the desktop app is relaunched differently')
  await page.clock.install()
  await seatDesk.open()
  await startShift(page)

  // Focus on Answer means the call screen is drawn and its hotkeys are live.
  await expect(page.getByRole('button', { name: '接听' })).toBeFocused()
  await page.keyboard.press('F2')
  await expect(page.getByTestId('call-state')).toHaveText('通话中')
  await page.keyboard.press('F3')
  await expect(page.getByRole('button', { name: '问候语 ✓' })).toBeDisabled()
  await page.getByLabel('来电号码').fill('139 0011 2233')
  // The number is saved a moment after typing stops; restart only once it is fsync'd in the journal.
  await expect.poll(() => journalOnDisk(seatDesk.dataDir)).toContain('"stored":"+8613900112233"')

  // A minute into the call, so "continues" and "started again" cannot look alike.
  await page.clock.fastForward('01:10')
  const elapsed = page.getByTestId('call-elapsed')
  await expect(elapsed).toHaveText(/^1:1\d$/)
  const beforeRestart = displayedMs(await elapsed.innerText())

  await seatDesk.restart()
  await seatDesk.open()
  // By design a restart never skips the PIN: the session comes back locked.
  await unlock(page, seatSetup.supervisor.pin)

  await expect(page.getByTestId('call-state')).toHaveText('通话中')
  await expect.poll(async () => displayedMs(await elapsed.innerText())).toBeGreaterThanOrEqual(beforeRestart)
  await expect(elapsed).toHaveText(/^1:\d\d$/)
  await expect(page.getByRole('button', { name: '问候语 ✓' })).toBeDisabled()
  await expect(page.getByLabel('来电号码')).toHaveValue(/^139\D?0011\D?2233$/)

  await page.keyboard.press('F4')
  await expect(page.getByTestId('call-state')).toHaveText('整理中')
  await page.keyboard.press('F6')
  await expect(page.getByRole('button', { name: '结束语 ✓' })).toBeDisabled()
  await page.keyboard.press('F8')
  await expect(page.getByText(/^通话已记录，处理时长/)).toBeVisible()

  await page.getByRole('navigation', { name: '功能菜单' }).getByRole('button', { name: '我的班次' }).click()
  await expect(page.getByTestId('shift-figure-calls')).toHaveText('1')
  const rows = page.getByRole('table', { name: '今日通话列表' }).getByRole('row')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(1)).toContainText('139****2233')
  await expect(rows.nth(1).getByLabel('已说')).toHaveCount(2)
})

test('a reload mid-call puts back what was typed and not saved: a refused number and a half-typed ticket', async ({ page, seatDesk }) => {
  await seatDesk.open()
  await startShift(page)
  await answerCall(page)
  const callerNumber = page.locator('[data-call-focus="callerNumber"]')
  // One digit short: main refuses it and keeps no number.
  await callerNumber.fill('139 1234 567')
  await page.getByLabel('备注（业务簿）').fill('客户少报一位，稍后核对')
  await page.keyboard.press('Alt+T')
  await chooseTicketKind(page, '查货')
  await ticketFormDialog(page).getByLabel('运单号').fill('SF1234567890')

  await page.reload()
  const form = ticketFormDialog(page)
  await expect(form.getByLabel('运单号')).toHaveValue('SF1234567890')
  await expect(form.getByRole('combobox', { name: '工单类型' })).toHaveValue(/^\d+ 查货$/)
  await expect(callerNumber).toHaveValue('139 1234 567')
  await expect(page.getByText('号码无效，未保存此号码；通话照常记录。')).toBeVisible()
  await expect(page.getByLabel('备注（业务簿）')).toHaveValue('客户少报一位，稍后核对')
})
