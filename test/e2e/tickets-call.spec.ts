import { expect, test } from './fixtures'
import {
  answerCall,
  chooseTicketKind,
  closeTicketDrawer,
  completeCall,
  journalEntriesOf,
  moveTicket,
  saveNewTicket,
  seatSetup,
  showScreen,
  signOut,
  startDemoShift,
  startShift,
  ticketDrawer,
  ticketFormDialog,
} from './flows'

// 首问责任制 on the call (issue 4, "opening from a call"): a request taken during the call becomes a
// ticket beside the script panel, by keyboard, and the call's record lists it.

/** Today in China as the ticket number spells it (yyyymmdd). */
const chinaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).replaceAll('-', '')

test('a tracking inquiry answered on the call, by keyboard, is listed with the call', async ({ page, seatDesk }) => {
  await seatDesk.open()
  await startShift(page)
  await answerCall(page)
  await page.getByLabel('来电号码').fill('138 1234 5678')

  // Alt+T from the caller number: the form opens with the caller filled in and the kind to choose.
  await page.keyboard.press('Alt+T')
  const form = ticketFormDialog(page)
  await expect(form).toBeVisible()
  await expect(form.getByLabel('来电号码')).toHaveValue(/^138\s?1234\s?5678$/)
  await chooseTicketKind(page, '查货')
  const waybill = form.getByLabel('运单号')
  await expect(waybill).toBeFocused()
  await page.keyboard.type('sf1234567890')
  await expect(waybill).toHaveValue('SF1234567890')
  // 点货结果 is one Tab on, a radio group starting at 待定: the arrow moves to 点货有.
  await page.keyboard.press('Tab')
  await page.keyboard.press('ArrowRight')
  await expect(form.getByRole('radio', { name: '点货有' })).toBeChecked()
  const ticketNo = await saveNewTicket(page)
  expect(ticketNo).toBe(`${seatSetup.branchCode}-${chinaToday()}-0001`)

  // The call's panel lists it, owned by me; the number opens its detail.
  const panel = page.getByRole('region', { name: '工单' })
  const row = panel.getByTestId(`ticket-row-${ticketNo}`)
  await expect(row).toContainText('查货')
  // The status in the words of the tickets screen and the detail.
  await expect(row).toContainText('新建')
  await expect(row).toContainText(`${seatSetup.supervisor.name}（${seatSetup.supervisor.employeeNo}）（我）`)
  await row.getByRole('button', { name: ticketNo, exact: true }).click()
  const drawer = ticketDrawer(page)
  await expect(drawer.getByRole('heading', { name: ticketNo })).toBeVisible()
  await expect(drawer.getByRole('region', { name: '工单内容' })).toContainText('点货有')

  // Answered on the call: resolved from the detail, still during the call.
  await expect(await moveTicket(page, '已解决')).toHaveCount(0)
  await expect(drawer.getByTestId('ticket-status')).toHaveText('已解决')
  await expect(drawer.getByRole('region', { name: '处理记录' })).toContainText('状态改为“已解决”')
  await closeTicketDrawer(page)
  await expect(row).toContainText('已解决')

  await completeCall(page)

  // 我的班次: the call's record names the ticket.
  await showScreen(page, '我的班次')
  const calls = page.getByRole('table', { name: '今日通话列表' }).getByRole('row')
  await expect(calls).toHaveCount(2)
  await expect(calls.nth(1)).toContainText('138****5678')
  await expect(calls.nth(1)).toContainText(ticketNo)

  // On disk: the ticket was opened and resolved during that call.
  const [answered] = await journalEntriesOf(seatDesk.dataDir, 'call.answered')
  const callId = answered?.payload.callId
  expect(typeof callId).toBe('string')
  const [opened] = await journalEntriesOf(seatDesk.dataDir, 'ticket.opened')
  expect(opened).toMatchObject({
    actor: seatSetup.supervisor.employeeNo,
    payload: { ticketNo, owner: seatSetup.supervisor.employeeNo, callId, details: { kind: 'trackingInquiry', waybillNo: 'SF1234567890', goodsCheck: 'goodsFound', callerPhone: '+8613812345678' } },
  })
  const moves = await journalEntriesOf(seatDesk.dataDir, 'ticket.statusChanged')
  expect(moves.map((entry) => entry.payload)).toEqual([expect.objectContaining({ status: 'resolved', callId })])
})

test.describe('on the demo seat', () => {
  test.use({ demo: true })

  test('a repeat caller sees their open ticket and who owns it', async ({ page, seatDesk }) => {
    await seatDesk.open()
    await startDemoShift(page, 'A001')
    // A001 takes the request off a call, from the tickets screen.
    await showScreen(page, '工单')
    await page.getByRole('button', { name: '新建工单' }).click()
    await chooseTicketKind(page, '查货')
    const form = ticketFormDialog(page)
    await form.getByLabel('运单号').fill('ZT7788990011')
    await form.getByLabel('来电号码').fill('13812345678')
    await form.getByLabel('客户姓名').fill('周先生')
    const ticketNo = await saveNewTicket(page)
    // Opened from the tickets screen, the new ticket's detail is shown.
    await expect(ticketDrawer(page).getByRole('heading', { name: ticketNo })).toBeVisible()
    await closeTicketDrawer(page)
    await signOut(page)

    await startDemoShift(page, 'A002')
    await answerCall(page)
    await page.getByLabel('来电号码').fill('138 1234 5678')
    const repeat = page.getByTestId('repeat-caller')
    await expect(repeat).toBeVisible()
    await expect(repeat).toContainText(/该客户还有 \d+ 张未结工单/)
    const row = repeat.getByTestId(`ticket-row-${ticketNo}`)
    await expect(row).toContainText('同一号码')
    await expect(row).toContainText('查货')
    await expect(row).toContainText('张伟（A001）')
    // Not mine: A002 may look and add a note, not edit.
    await expect(row.getByRole('button', { name: `编辑 ${ticketNo}` })).toHaveCount(0)
    expect((await journalEntriesOf(seatDesk.dataDir, 'ticket.opened')).filter((entry) => entry.payload.ticketNo === ticketNo)).toHaveLength(1)
  })

  test('notices of due tickets wait under a dialog: its buttons stay clickable, and the notices are there after', async ({ page, seatDesk }) => {
    await seatDesk.open()
    await startDemoShift(page, 'A001')
    // The demo's A001 has overdue tickets: told at the start of the shift, bottom right.
    const notice = page.getByText(/^(工单 \S+ 已超时|我的工单时限)$/).first()
    await expect(notice).toBeVisible()
    await showScreen(page, '工单')
    await page.getByRole('button', { name: '新建工单' }).click()
    const form = ticketFormDialog(page)
    // A complaint's form is taller than the window: its buttons end at the bottom, where notices stack.
    await chooseTicketKind(page, '投诉')
    // Whatever stands at a button's centre takes the click: it must be the button, not a notice.
    for (const name of ['创建工单', '取消']) {
      const button = form.getByRole('button', { name, exact: true })
      await button.scrollIntoViewIfNeeded()
      const hit = await button.evaluate((element) => {
        const box = element.getBoundingClientRect()
        const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
        return top !== null && element.contains(top)
      })
      expect(hit, `${name} is under something else`).toBe(true)
      await button.click({ trial: true })
    }
    await form.getByRole('button', { name: '取消', exact: true }).click()
    await page.getByRole('dialog', { name: '放弃这张工单？' }).getByRole('button', { name: '放弃', exact: true }).click()
    await expect(form).toHaveCount(0)
    await expect(notice).toBeVisible()
  })
})
