import { expect, test } from './fixtures'
import { completeFirstRunSetup, confirmChecklist, seatSetup, signIn } from './flows'

test('first run: set up the seat, sign in as its supervisor and confirm the checklist', async ({ page, seatDesk }) => {
  await seatDesk.open()
  await completeFirstRunSetup(page)
  // The sign-in page names the seat just set up (the branch code was typed in lower case).
  await expect(page.getByText(`${seatSetup.companyName} · 分公司 ${seatSetup.branchCode} · ${seatSetup.seatNumber} 号座席`)).toBeVisible()

  await signIn(page, seatSetup.supervisor.employeeNo, seatSetup.supervisor.pin)
  await expect(page.getByText(`${seatSetup.supervisor.name}（${seatSetup.supervisor.employeeNo}）`)).toBeVisible()
  // Until the checklist is confirmed there is no navigation, and confirming needs every item.
  await expect(page.getByRole('navigation', { name: '功能菜单' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: '确认岗前准备' })).toBeDisabled()

  await confirmChecklist(page, seatSetup.supervisor.pin)
  // The call screen is where an agent works, so it opens first.
  await expect(page.getByRole('button', { name: '来电接待' })).toHaveAttribute('aria-current', 'page')
})

test('the setup form refuses mismatched PINs without creating a seat', async ({ page, seatDesk }) => {
  await seatDesk.open()
  await page.getByLabel('公司名称').fill(seatSetup.companyName)
  await page.getByLabel('分公司代码').fill(seatSetup.branchCode)
  await page.getByLabel('座席号').fill(seatSetup.seatNumber)
  await page.getByLabel('主管工号').fill(seatSetup.supervisor.employeeNo)
  await page.getByLabel('主管姓名').fill(seatSetup.supervisor.name)
  await page.getByLabel('主管 PIN').fill('1234')
  await page.getByLabel('再次输入 PIN').fill('4321')
  await page.getByRole('button', { name: '完成设置' }).click()
  await expect(page.getByText('两次输入的 PIN 不一致')).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { name: '首次设置本座席' })).toBeVisible()
})
