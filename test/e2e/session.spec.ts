import { expect, test } from './fixtures'
import { seatSetup, startShift } from './flows'

const lockDialog = (page: import('@playwright/test').Page) => page.getByRole('dialog', { name: '屏幕已锁定' })

test('ten idle minutes lock the screen; the same PIN unlocks it', async ({ page, seatDesk }) => {
  // The page's clock is ours; the idle lock measures from timestamps, so jumping it is enough.
  await page.clock.install()
  await seatDesk.open()
  await startShift(page)
  await expect(lockDialog(page)).toHaveCount(0)

  await page.clock.fastForward('09:00')
  await expect(lockDialog(page)).toHaveCount(0)
  await page.clock.fastForward('01:10')
  await expect(lockDialog(page)).toBeVisible()
  await expect(lockDialog(page)).toContainText(`${seatSetup.supervisor.name}（${seatSetup.supervisor.employeeNo}）`)

  await lockDialog(page).getByLabel('PIN', { exact: true }).fill('9999')
  await lockDialog(page).getByRole('button', { name: '解锁' }).click()
  // Only a PIN was asked for: the message says so.
  await expect(lockDialog(page).getByText(/^PIN 不正确/)).toBeVisible()
  await expect(lockDialog(page).getByText('工号或 PIN 不正确')).toHaveCount(0)

  await lockDialog(page).getByLabel('PIN', { exact: true }).fill(seatSetup.supervisor.pin)
  await lockDialog(page).getByRole('button', { name: '解锁' }).click()
  await expect(lockDialog(page)).toHaveCount(0)
  await expect(page.getByRole('navigation', { name: '功能菜单' })).toBeVisible()
})

test('activity keeps the screen unlocked', async ({ page, seatDesk }) => {
  await page.clock.install()
  await seatDesk.open()
  await startShift(page)
  for (let step = 0; step < 3; step++) {
    await page.clock.fastForward('06:00')
    await page.mouse.move(100 + step * 10, 200)
  }
  await page.clock.fastForward('00:10')
  await expect(lockDialog(page)).toHaveCount(0)
})

test('a locked screen stays locked across a reload', async ({ page, seatDesk }) => {
  await seatDesk.open()
  await startShift(page)
  await page.getByRole('button', { name: '锁屏' }).click()
  await expect(lockDialog(page)).toBeVisible()
  await page.reload()
  await expect(lockDialog(page)).toBeVisible()
})

test('a reload keeps the signed-in session and its confirmed checklist', async ({ page, seatDesk }) => {
  await seatDesk.open()
  await startShift(page)
  // The preview's token was in the address only once; the reload goes to the bare page.
  await page.goto(new URL('/', page.url()).href)
  await expect(page.getByRole('navigation', { name: '功能菜单' })).toBeVisible()
  await expect(page.getByRole('banner').getByText(`${seatSetup.supervisor.name}（${seatSetup.supervisor.employeeNo}）`)).toBeVisible()
})

test('signing out (after confirming) returns to sign-in', async ({ page, seatDesk }) => {
  await seatDesk.open()
  await startShift(page)
  await page.getByRole('button', { name: '签退' }).click()
  const confirm = page.getByRole('dialog', { name: '确认签退' })
  await confirm.getByRole('button', { name: '取消' }).click()
  await expect(confirm).toHaveCount(0)
  await expect(page.getByRole('navigation', { name: '功能菜单' })).toBeVisible()

  await page.getByRole('button', { name: '签退' }).click()
  await confirm.getByRole('button', { name: '签退' }).click()
  await expect(page.getByRole('heading', { name: '签到' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { name: '签到' })).toBeVisible()
})
