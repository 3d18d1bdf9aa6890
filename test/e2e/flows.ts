import { expect, type Locator, type Page } from '@playwright/test'

// The steps most specs share, written the way an agent does them: by the zh-CN labels on screen.

export const seatSetup = {
  companyName: '顺达物流',
  branchCode: 'BJ01',
  seatNumber: '07',
  supervisor: { employeeNo: 'S100', name: '王主管', pin: '135790' },
}

export async function completeFirstRunSetup(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: '首次设置本座席' })).toBeVisible()
  await page.getByLabel('公司名称').fill(seatSetup.companyName)
  await page.getByLabel('分公司代码').fill(seatSetup.branchCode.toLowerCase())
  await page.getByLabel('座席号').fill(seatSetup.seatNumber)
  await page.getByLabel('主管工号').fill(seatSetup.supervisor.employeeNo)
  await page.getByLabel('主管姓名').fill(seatSetup.supervisor.name)
  await page.getByLabel('主管 PIN').fill(seatSetup.supervisor.pin)
  await page.getByLabel('再次输入 PIN').fill(seatSetup.supervisor.pin)
  await page.getByRole('button', { name: '完成设置' }).click()
  await expect(page.getByRole('heading', { name: '签到' })).toBeVisible()
}

export async function signIn(page: Page, employeeNo: string, pin: string): Promise<void> {
  await page.getByLabel('工号', { exact: true }).fill(employeeNo)
  await page.getByLabel('PIN', { exact: true }).fill(pin)
  await page.getByRole('button', { name: '签到', exact: true }).click()
}

export async function confirmChecklist(page: Page, pin: string): Promise<void> {
  await expect(page.getByRole('heading', { name: '岗前准备' })).toBeVisible()
  const items = page.getByRole('checkbox')
  await expect(items).toHaveCount(7)
  for (const item of await items.all()) await item.check()
  await expect(page.getByText('已确认 7 / 7 项')).toBeVisible()
  await page.getByLabel('PIN（本人签名）').fill(pin)
  await page.getByRole('button', { name: '确认岗前准备' }).click()
  await expect(page.getByRole('navigation', { name: '功能菜单' })).toBeVisible()
}

/** A fresh seat up to the signed-in, checklist-confirmed shell. */
export async function startShift(page: Page): Promise<void> {
  await completeFirstRunSetup(page)
  await signIn(page, seatSetup.supervisor.employeeNo, seatSetup.supervisor.pin)
  await confirmChecklist(page, seatSetup.supervisor.pin)
}

/**
 * Moves the focus with Tab alone until `target` has it, the way a keyboard-only agent gets there.
 * Fails when `maxPresses` Tabs never reach it (the field is not in the tab order, or far too late in it).
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<number> {
  for (let presses = 1; presses <= maxPresses; presses++) {
    await page.keyboard.press('Tab')
    if (await target.evaluate((element) => element === document.activeElement)) return presses
  }
  throw new Error(`Tab did not reach ${String(target)} in ${maxPresses} presses`)
}

/** The lock screen after a restart or an idle lock: the same user's PIN carries on. */
export async function unlock(page: Page, pin: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: '屏幕已锁定' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('PIN', { exact: true }).fill(pin)
  await dialog.getByRole('button', { name: '解锁' }).click()
  await expect(dialog).toHaveCount(0)
}
