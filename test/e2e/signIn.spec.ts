import { expect, test } from './fixtures'
import { completeFirstRunSetup, seatSetup, signIn } from './flows'

test('five wrong PINs lock the employee number, even for the right PIN afterwards', async ({ page, seatDesk }) => {
  await seatDesk.open()
  await completeFirstRunSetup(page)
  const { employeeNo, pin } = seatSetup.supervisor

  for (let remaining = 4; remaining >= 1; remaining--) {
    await signIn(page, employeeNo, '0000')
    await expect(page.getByText(`工号或 PIN 不正确，还可再试 ${remaining} 次`)).toBeVisible()
  }
  await signIn(page, employeeNo, '0000')
  await expect(page.getByText('该工号因连续输错 PIN 已锁定')).toBeVisible()

  await signIn(page, employeeNo, pin)
  await expect(page.getByText('该工号因连续输错 PIN 已锁定')).toBeVisible()
  await expect(page.getByRole('heading', { name: '签到' })).toBeVisible()
})

test('an unknown employee number gets the same answer as a wrong PIN', async ({ page, seatDesk }) => {
  await seatDesk.open()
  await completeFirstRunSetup(page)
  await signIn(page, 'NOBODY', '1234')
  await expect(page.getByText('工号或 PIN 不正确')).toBeVisible()
  await expect(page.getByRole('heading', { name: '签到' })).toBeVisible()
})
