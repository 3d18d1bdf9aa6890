import { expect, test } from './fixtures'
import {
  chooseSegment,
  chooseTicketKind,
  journalEntriesOf,
  moveTicket,
  saveNewTicket,
  seatSetup,
  showScreen,
  startShift,
  ticketDrawer,
  ticketFormDialog,
} from './flows'

// Resolving is the owner's promise that the ticket is complete (issue 4 §1, §4): main refuses it
// while a field the kind needs is still open and says which; every step is on the timeline.

const supervisor = `${seatSetup.supervisor.name}（${seatSetup.supervisor.employeeNo}）`

test.beforeEach(async ({ page, seatDesk }) => {
  await seatDesk.open()
  await startShift(page)
  await showScreen(page, '工单')
  await page.getByRole('button', { name: '新建工单' }).click()
})

test('damage is resolved only once finance has been told', async ({ page, seatDesk }) => {
  await chooseTicketKind(page, '货损货差')
  const form = ticketFormDialog(page)
  await form.getByLabel('运单号').fill('JD0011223344')
  await chooseSegment(form, '损货')
  await form.getByLabel('情况描述').fill('外箱破损，两台显示器屏幕碎裂')
  await form.getByLabel('预计损失').fill('2400')
  await form.getByLabel('已要求分公司拍照').check()
  await expect(form.getByLabel('已报财务')).not.toBeChecked()
  const ticketNo = await saveNewTicket(page)
  const drawer = ticketDrawer(page)
  await expect(drawer.getByRole('heading', { name: ticketNo })).toBeVisible()

  // Resolving now is refused, and the refusal names what is missing.
  const refused = await moveTicket(page, '已解决')
  const gaps = refused.getByTestId('resolution-gaps')
  await expect(gaps).toContainText('解决前还须补充：')
  await expect(gaps.getByRole('listitem')).toHaveText(['责任环节：办结前须填写', '已报财务：办结前须报财务'])
  await refused.getByRole('button', { name: '取消' }).click()
  await expect(refused).toHaveCount(0)
  await expect(drawer.getByTestId('ticket-status')).toHaveText('新建')

  // Waiting on finance while it is reported; then the owner records both and resolves.
  await expect(await moveTicket(page, '等待中', { waitingOn: '等待财务', note: '已提交财务部门，等待确认' })).toHaveCount(0)
  await expect(drawer.getByTestId('ticket-status')).toHaveText('等待财务')
  await drawer.getByRole('button', { name: '编辑内容' }).click()
  const edit = ticketFormDialog(page, `编辑工单 ${ticketNo}`)
  await edit.getByLabel('已报财务').check()
  await edit.getByRole('combobox', { name: '责任环节' }).click()
  await page.getByRole('option', { name: '干线运输' }).click()
  await edit.getByRole('button', { name: '保存修改' }).click()
  await expect(page.getByText(`工单 ${ticketNo} 已保存。`)).toBeVisible()
  await expect(edit).toHaveCount(0)
  await expect(drawer.getByRole('region', { name: '工单内容' })).toContainText('干线运输')

  await expect(await moveTicket(page, '已解决')).toHaveCount(0)
  await expect(drawer.getByTestId('ticket-status')).toHaveText('已解决')

  // On record: the refused resolve left nothing; waiting on finance, the completed details, resolved.
  const moves = await journalEntriesOf(seatDesk.dataDir, 'ticket.statusChanged')
  expect(moves.map((entry) => [entry.payload.status, entry.payload.waitingOn])).toEqual([
    ['waiting', 'finance'],
    ['resolved', null],
  ])
  const [updated] = await journalEntriesOf(seatDesk.dataDir, 'ticket.detailsUpdated')
  expect(updated?.payload.details).toMatchObject({ kind: 'damageShortage', reportedToFinance: true, responsibleLink: 'lineHaul', estimatedLossFen: 240000 })
  expect(updated!.seq).toBeGreaterThan(moves[0]!.seq)
  expect(updated!.seq).toBeLessThan(moves[1]!.seq)
})

test('a misroute with its remedy: both consignees, the value difference, resend; every change on the timeline', async ({ page, seatDesk }) => {
  await chooseTicketKind(page, '窜货')
  const form = ticketFormDialog(page)
  await form.getByRole('textbox', { name: '运单号', exact: true }).fill('ZT1234567001')
  await form.getByLabel('对方运单号').fill('ZT1234567002')
  await form.getByLabel('应收货人姓名').fill('陈静')
  await form.getByLabel('应收货人电话').fill('13911112222')
  await form.getByLabel('误收货人姓名').fill('吴刚')
  await form.getByLabel('误收货人电话').fill('13733334444')
  await form.getByLabel('货值差额').fill('350')
  // The remedy is agreed later, with the branch.
  await expect(form.getByRole('radio', { name: '待定' })).toBeChecked()
  const ticketNo = await saveNewTicket(page)
  const drawer = ticketDrawer(page)
  await expect(drawer.getByRole('heading', { name: ticketNo })).toBeVisible()
  const details = drawer.getByRole('region', { name: '工单内容' })
  await expect(details).toContainText('350.00 元')
  // Both consignees' phones are masked in the detail.
  await expect(details).toContainText('139****2222')
  await expect(details).toContainText('137****4444')

  await expect(await moveTicket(page, '处理中')).toHaveCount(0)
  await drawer.getByRole('button', { name: '编辑内容' }).click()
  const edit = ticketFormDialog(page, `编辑工单 ${ticketNo}`)
  await chooseSegment(edit, '重新发货')
  await page.keyboard.press('Control+Enter')
  await expect(page.getByText(`工单 ${ticketNo} 已保存。`)).toBeVisible()
  await expect(details).toContainText('重新发货')
  await expect(await moveTicket(page, '已解决', { note: '已安排重新发货，误收货物已取回' })).toHaveCount(0)
  await expect(drawer.getByTestId('ticket-status')).toHaveText('已解决')

  // The timeline: each change, oldest first, with who and when.
  const timeline = drawer.getByRole('region', { name: '处理记录' }).locator('[data-event]')
  await expect(timeline).toHaveCount(4)
  await expect(timeline.nth(0)).toContainText('开单')
  await expect(timeline.nth(1)).toContainText('状态改为“处理中”')
  await expect(timeline.nth(2)).toContainText('修改了工单内容')
  await expect(timeline.nth(2)).toContainText('修改项：处理方案')
  await expect(timeline.nth(3)).toContainText('状态改为“已解决”')
  await expect(timeline.nth(3)).toContainText('已安排重新发货，误收货物已取回')
  for (const line of await timeline.all()) await expect(line).toContainText(new RegExp(`${supervisor} · \\d{2}/\\d{2} \\d{2}:\\d{2}`))

  const [opened] = await journalEntriesOf(seatDesk.dataDir, 'ticket.opened')
  expect(opened?.payload.details).toMatchObject({
    kind: 'misroutedGoods',
    rightfulConsignee: { name: '陈静', phone: '+8613911112222' },
    wrongConsignee: { name: '吴刚', phone: '+8613733334444' },
    valueDifferenceFen: 35000,
    remedy: null,
  })
  const [updated] = await journalEntriesOf(seatDesk.dataDir, 'ticket.detailsUpdated')
  expect(updated?.payload.details).toMatchObject({ remedy: 'resend' })
})

test('a note typed in the drawer is not dropped by Esc: the drawer asks, and Esc answers "keep typing"', async ({ page }) => {
  await chooseTicketKind(page, '查货')
  await ticketFormDialog(page).getByLabel('运单号').fill('YD7788990011')
  await saveNewTicket(page)
  const drawer = ticketDrawer(page)
  const note = drawer.getByRole('textbox', { name: '添加备注' })
  await note.fill('客户说下午再来电')
  await note.press('Escape')
  const question = page.getByRole('dialog', { name: '放弃这条备注？' })
  await expect(question).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(question).toHaveCount(0)
  await expect(drawer).toBeVisible()
  await expect(note).toHaveValue('客户说下午再来电')
  // The question again, and this time the note is given up: the drawer closes.
  await note.press('Escape')
  await question.getByRole('button', { name: '放弃备注' }).click()
  await expect(drawer).toHaveCount(0)
})
