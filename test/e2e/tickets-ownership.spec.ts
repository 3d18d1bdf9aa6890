import { expect, test } from './fixtures'
import {
  chooseTicketKind,
  closeTicketDrawer,
  journalEntriesOf,
  openTicketByNumber,
  saveNewTicket,
  seatSetup,
  showScreen,
  signOut,
  startDemoShift,
  startShift,
  ticketDrawer,
  ticketFormDialog,
} from './flows'

// 首问责任制 (issue 4 §3, §7): a ticket changes hands only when the receiver accepts it with their own
// PIN, and a customer's phone is shown in full only through a reveal that is journaled.

test.describe('on the demo seat', () => {
  test.use({ demo: true })

  test('a transfer moves the ticket only when the receiver accepts with the right PIN', async ({ page, seatDesk }) => {
    await seatDesk.open()
    await startDemoShift(page, 'A001')
    await showScreen(page, '工单')
    await page.getByRole('button', { name: '新建工单' }).click()
    await chooseTicketKind(page, '查货')
    await ticketFormDialog(page).getByLabel('运单号').fill('YD5544332211')
    const ticketNo = await saveNewTicket(page)
    const drawer = ticketDrawer(page)
    await expect(drawer).toContainText('负责人：张伟（A001） · 我负责')

    await drawer.getByRole('button', { name: '转交', exact: true }).click()
    const offer = page.getByRole('dialog', { name: '转交工单' })
    await offer.getByRole('combobox', { name: '转交给' }).click()
    await page.getByRole('option', { name: '李娜（A002）' }).click()
    await offer.getByLabel('转交原因').fill('今晚调班，客户明早回电由李娜跟进')
    await offer.getByRole('button', { name: '转交', exact: true }).click()
    await expect(offer).toHaveCount(0)
    await expect(page.getByText(`工单 ${ticketNo} 已转交给 李娜，等待对方确认。`)).toBeVisible()
    // Offered is not moved: still mine, with the offer shown and withdrawable.
    await expect(drawer).toContainText('负责人：张伟（A001） · 我负责')
    await expect(drawer).toContainText(/已转交给 李娜（A002）（.+），等待对方确认/)
    await expect(drawer.getByRole('button', { name: '撤回转交' })).toBeVisible()
    await closeTicketDrawer(page)
    await signOut(page)

    await startDemoShift(page, 'A002')
    await expect(page.getByRole('navigation', { name: '功能菜单' }).getByLabel(/^有 \d+ 个转交待我确认$/)).toBeVisible()
    await showScreen(page, '工单')
    await page.getByRole('tab', { name: '转交给我' }).click()
    const card = page
      .getByRole('region', { name: '转交给我的工单' })
      .locator('[data-transfer]')
      .filter({ hasText: ticketNo })
    await expect(card).toContainText('张伟（A001） 于')
    await expect(card).toContainText('原因：今晚调班，客户明早回电由李娜跟进')

    // A wrong PIN is refused before anything is written; the ticket stays A001's.
    await card.getByRole('button', { name: '接收' }).click()
    const accept = page.getByRole('dialog', { name: '接收转交' })
    await accept.getByLabel('我的 PIN').fill('999999')
    await accept.getByRole('button', { name: '接收' }).click()
    await expect(accept.getByText(/^PIN 不正确/)).toBeVisible()
    await expect(accept.getByLabel('我的 PIN')).toHaveValue('')
    const ownerOnDisk = async () => {
      const opened = (await journalEntriesOf(seatDesk.dataDir, 'ticket.opened')).find((entry) => entry.payload.ticketNo === ticketNo)
      const ticketId = opened?.payload.ticketId
      const accepted = (await journalEntriesOf(seatDesk.dataDir, 'ticket.transferAccepted')).filter((entry) => (entry.payload.ticketIds as string[] | undefined)?.includes(ticketId as string))
      return accepted.length === 0 ? opened?.payload.owner : accepted.at(-1)?.actor
    }
    expect(await ownerOnDisk()).toBe('A001')

    await accept.getByLabel('我的 PIN').fill('200002')
    await accept.getByRole('button', { name: '接收' }).click()
    await expect(accept).toHaveCount(0)
    await expect(page.getByText('已接收 张伟（A001） 转交的 1 张工单。')).toBeVisible()
    await expect(card).toHaveCount(0)
    expect(await ownerOnDisk()).toBe('A002')

    const mine = await openTicketByNumber(page, ticketNo)
    await expect(mine).toContainText('负责人：李娜（A002） · 我负责')
    await expect(mine.getByRole('group', { name: '状态' }).getByRole('button', { name: '转为“已解决”' })).toBeEnabled()
    const timeline = mine.getByRole('region', { name: '处理记录' })
    await expect(timeline).toContainText('转交给 李娜（A002）')
    await expect(timeline).toContainText('李娜（A002） 已接收转交')
    await closeTicketDrawer(page)
    await signOut(page)

    // The first owner now only looks: the status actions are the new owner's, and the detail says so.
    await startDemoShift(page, 'A001')
    const theirs = await openTicketByNumber(page, ticketNo)
    await expect(theirs).toContainText('负责人：李娜（A002）')
    const statusButtons = theirs.getByRole('group', { name: '状态' }).getByRole('button')
    await expect(statusButtons).not.toHaveCount(0)
    for (const button of await statusButtons.all()) await expect(button).toBeDisabled()
    await expect(theirs.getByRole('button', { name: '编辑内容' })).toBeDisabled()
    await expect(theirs.getByRole('button', { name: '转交', exact: true })).toBeDisabled()
    await expect(theirs.getByRole('button', { name: '升级' })).toBeEnabled()
    await expect(theirs.getByTestId('owner-only-reason')).toContainText('只有负责人 李娜（A002） 可以更改状态')
  })
})

test('a customer phone stays masked until revealed, and each reveal is journaled with who looked', async ({ page, seatDesk }) => {
  await seatDesk.open()
  await startShift(page)
  await showScreen(page, '客户档案')
  await page.getByRole('button', { name: '添加客户' }).click()
  const add = page.getByRole('dialog', { name: '添加客户' })
  await add.getByLabel('电话').fill('138 1234 5678')
  await add.getByLabel('姓名').fill('周建华')
  await add.getByRole('radio', { name: '收货人' }).check()
  await add.getByLabel('公司').fill('深圳华南电子有限公司')
  await add.getByLabel('地址').fill('深圳市南山区科技园南区 8 栋')
  await add.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText('客户 周建华 已保存。')).toBeVisible()

  const row = page.getByRole('table', { name: '客户档案' }).getByRole('row').filter({ hasText: '周建华' })
  await expect(row.getByTestId('phone')).toHaveText('138****5678')
  await expect(row).not.toContainText('13812345678')
  expect(await journalEntriesOf(seatDesk.dataDir, 'customer.phoneRevealed')).toHaveLength(0)

  await row.getByRole('button', { name: '显示完整号码 138****5678（会记入日志）' }).click()
  await expect(row.getByTestId('phone')).toHaveText(/^(\+86)?\s?138\s?1234\s?5678$/)
  await expect(row.getByRole('button', { name: /^显示完整号码/ })).toHaveCount(0)
  const [revealed] = await journalEntriesOf(seatDesk.dataDir, 'customer.phoneRevealed')
  expect(revealed).toMatchObject({ actor: seatSetup.supervisor.employeeNo, payload: { phone: '+8613812345678', context: 'customer', ticketId: null } })

  // Seen again later, it is masked again.
  await showScreen(page, '工单')
  await showScreen(page, '客户档案')
  await expect(row.getByTestId('phone')).toHaveText('138****5678')
})
