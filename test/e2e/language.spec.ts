import { expect, test } from './fixtures'
import { startShift } from './flows'

test('Chinese by default; English one click away, kept after a reload; screenshots of both', async ({ page, seatDesk }, testInfo) => {
  await seatDesk.open()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await startShift(page)
  await expect(page.getByRole('button', { name: '锁屏' })).toBeVisible()
  // The recent-shifts table is the Dexie view of the journal: it has caught up once this shift shows.
  await page.getByRole('button', { name: '我的班次' }).click()
  await expect(page.getByRole('cell', { name: '进行中' })).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('shift-zh-CN.png'), fullPage: true, animations: 'disabled' })

  await page.getByText('English', { exact: true }).click()
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main menu' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  await page.reload()
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible()
  const english = testInfo.outputPath('shift-en.png')
  await page.screenshot({ path: english, fullPage: true, animations: 'disabled' })
  await testInfo.attach('shift in English', { path: english, contentType: 'image/png' })

  await page.getByText('中文', { exact: true }).click()
  await expect(page.getByRole('button', { name: '锁屏' })).toBeVisible()
})
