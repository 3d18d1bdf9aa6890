import { expect, test } from './fixtures'
import { confirmChecklist, signIn } from './flows'

test.use({ demo: true })

test('a demo seat opens on sign-in, and a demo agent can start a shift', async ({ page, seatDesk }) => {
  const agent = seatDesk.demoAccounts?.find((account) => account.role === 'agent')
  expect(agent, 'the demo seat lists an agent account').toBeDefined()
  if (!agent) return
  await seatDesk.open()
  await expect(page.getByRole('heading', { name: '签到' })).toBeVisible()
  await signIn(page, agent.employeeNo, agent.pin)
  await confirmChecklist(page, agent.pin)
  // An agent manages neither users nor settings.
  const menu = page.getByRole('navigation', { name: '功能菜单' })
  await expect(menu.getByRole('button', { name: '我的班次' })).toBeVisible()
  await expect(menu.getByRole('button', { name: '用户管理' })).toHaveCount(0)
  await expect(menu.getByRole('button', { name: '设置' })).toHaveCount(0)
})
