import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
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

// ── Tickets (issue 4) ────────────────────────────────────────────────────────────────────────────

/** The demo seat's agents these specs sign in as (README "Demo accounts"). */
export const demoPeople = {
  A001: { name: '张伟', pin: '200001' },
  A002: { name: '李娜', pin: '200002' },
} as const
export type DemoPerson = keyof typeof demoPeople

/** On the sign-in screen of a demo seat: sign in and confirm the checklist, up to the shell. */
export async function startDemoShift(page: Page, employeeNo: DemoPerson): Promise<void> {
  await expect(page.getByRole('heading', { name: '签到' })).toBeVisible()
  await signIn(page, employeeNo, demoPeople[employeeNo].pin)
  await confirmChecklist(page, demoPeople[employeeNo].pin)
}

/** Ends the shift from the header (the sign-out asks first), back to sign-in. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: '签退' }).click()
  await page.getByRole('dialog', { name: '确认签退' }).getByRole('button', { name: '签退' }).click()
  await expect(page.getByRole('heading', { name: '签到' })).toBeVisible()
}

/** A screen from the navigation. 工单 may carry count badges after its name. */
export async function showScreen(page: Page, name: '来电接待' | '工单' | '客户档案' | '我的班次' | '交接班' | '设置'): Promise<void> {
  await page
    .getByRole('navigation', { name: '功能菜单' })
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .click()
}

/** From the call screen at rest: F2 answers (focus on 接听 means its hotkeys are live). */
export async function answerCall(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: '接听' })).toBeFocused()
  await page.keyboard.press('F2')
  await expect(page.getByTestId('call-state')).toHaveText('通话中')
}

/** Hang up (F4) and finish the wrap-up (F8), with the closing said (F6) in between. */
export async function completeCall(page: Page): Promise<void> {
  await page.keyboard.press('F4')
  await expect(page.getByTestId('call-state')).toHaveText('整理中')
  await page.keyboard.press('F6')
  await expect(page.getByRole('button', { name: '结束语 ✓' })).toBeDisabled()
  await page.keyboard.press('F8')
  await expect(page.getByText(/^通话已记录，处理时长/)).toBeVisible()
}

/** The ticket form's dialog while it is open (new or edit). */
export const ticketFormDialog = (page: Page, title: string | RegExp = '新建工单'): Locator => page.getByRole('dialog', { name: title })

/**
 * Picks the kind in an open ticket form with the keyboard, the way the form expects it: the kind
 * field has the focus on open, its name typed, Enter. The focus then waits in the kind's first field.
 */
export async function chooseTicketKind(page: Page, kind: string): Promise<void> {
  const picker = ticketFormDialog(page).getByRole('combobox', { name: '工单类型' })
  await expect(picker).toBeFocused()
  await page.keyboard.type(kind)
  // Enter takes the highlighted option: the agent presses it once the list shows the kind first.
  await expect(page.getByRole('option', { name: new RegExp(`^\\d+ ${kind}$`) })).toHaveAttribute('data-combobox-selected', 'true')
  await page.keyboard.press('Enter')
  await expect(picker).toHaveValue(new RegExp(`^\\d+ ${kind}$`))
}

/**
 * Picks one option of a segmented choice (a radio group drawn as buttons: the radios themselves are
 * hidden) by clicking its label, as a mouse user does.
 */
export async function chooseSegment(scope: Locator, option: string): Promise<void> {
  const literal = option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  await scope.locator('label').filter({ hasText: new RegExp(`^${literal}$`) }).click()
  await expect(scope.getByRole('radio', { name: option, exact: true })).toBeChecked()
}

/** Saves an open new-ticket form with Ctrl+Enter and returns the number main gave the ticket. */
export async function saveNewTicket(page: Page): Promise<string> {
  // An earlier ticket's notice may still be showing: the new number is the one not seen before.
  const notices = page.getByText(/^工单 \S+ 已创建。$/)
  const earlier = new Set(await notices.allInnerTexts())
  await page.keyboard.press('Control+Enter')
  const escaped = [...earlier].map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const saved = escaped.length === 0 ? notices : notices.filter({ hasNotText: new RegExp(`^(${escaped.join('|')})$`) })
  await expect(saved).toBeVisible()
  await expect(ticketFormDialog(page)).toHaveCount(0)
  const ticketNo = /^工单 (\S+) 已创建。$/.exec(await saved.innerText())?.[1]
  if (!ticketNo) throw new Error('no ticket number in the saved notice')
  return ticketNo
}

/** The open ticket's drawer (工单详情). */
export const ticketDrawer = (page: Page): Locator => page.getByRole('dialog', { name: '工单详情' })

/** Esc closes the ticket's detail; the list behind it keeps its place. */
export async function closeTicketDrawer(page: Page): Promise<void> {
  await page.keyboard.press('Escape')
  await expect(ticketDrawer(page)).toHaveCount(0)
}

/** On the tickets screen: finds a ticket by its number and opens its detail. */
export async function openTicketByNumber(page: Page, ticketNo: string): Promise<Locator> {
  await showScreen(page, '工单')
  await page.getByRole('tab', { name: '查找工单' }).click()
  await page.getByRole('searchbox', { name: '查找' }).fill(ticketNo)
  await page.getByRole('table', { name: '查找结果' }).getByRole('row', { name: new RegExp(`^工单 ${ticketNo}`) }).click()
  const drawer = ticketDrawer(page)
  await expect(drawer.getByRole('heading', { name: ticketNo })).toBeVisible()
  return drawer
}

/**
 * The owner moves the open ticket on from its detail: the status button, then the dialog (on whom
 * it waits, for a waiting status). Returns the dialog, which stays open when main refuses the move.
 */
export async function moveTicket(page: Page, to: '处理中' | '已解决' | '已关闭' | '等待中', options: { waitingOn?: '等待客户' | '等待分公司' | '等待财务'; note?: string } = {}): Promise<Locator> {
  const drawer = ticketDrawer(page)
  // Already waiting, a move to waiting on someone else is offered as 改为等待其他方.
  const button = drawer.getByRole('group', { name: '状态' }).getByRole('button', { name: `转为“${to}”`, exact: true })
  await (to === '等待中' ? button.or(drawer.getByRole('button', { name: '改为等待其他方' })) : button).click()
  const dialog = page.getByRole('dialog', { name: new RegExp(`^转为“${to}”$`) })
  await expect(dialog).toBeVisible()
  if (options.waitingOn) await dialog.getByRole('radio', { name: options.waitingOn }).check()
  if (options.note) await dialog.getByLabel('说明').fill(options.note)
  await dialog.getByRole('button', { name: `转为“${to}”` }).click()
  return dialog
}

// ── Handover (issue 5) ───────────────────────────────────────────────────────────────────────────

/** One page of the handover book while its detail is open (交接页). */
export const handoverPageDialog = (page: Page): Locator => page.getByRole('dialog', { name: '交接页' })

/**
 * On the 交接班 screen: opens the page of that China date handed over from one agent to another
 * (the last such row, should a demo book hold another for that day).
 */
export async function openHandoverPage(page: Page, date: string, outgoing: string, incoming: string): Promise<Locator> {
  await showScreen(page, '交接班')
  const row = page
    .getByRole('table', { name: '交接本' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: date, exact: true }) })
    .filter({ has: page.getByRole('cell', { name: outgoing, exact: true }) })
    .filter({ has: page.getByRole('cell', { name: incoming, exact: true }) })
    .last()
  await row.getByRole('button', { name: new RegExp(`^查看 ${date} .+ 的交接页$`) }).click()
  const dialog = handoverPageDialog(page)
  await expect(dialog).toBeVisible()
  return dialog
}

// ── The journal on disk ──────────────────────────────────────────────────────────────────────────

export interface JournalLine {
  seq: number
  ts: string
  kind: string
  actor: string
  payload: Record<string, unknown>
}

/** Every entry in the seat's journal folder, oldest first: what the seat has on record. */
export async function journalEntries(dataDir: string): Promise<JournalLine[]> {
  const folder = join(dataDir, 'journal')
  const segments = (await readdir(folder)).filter((name) => name.startsWith('segment-')).sort()
  const text = (await Promise.all(segments.map((name) => readFile(join(folder, name), 'utf8')))).join('')
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as JournalLine)
}

/** The entries of one kind, oldest first. */
export async function journalEntriesOf(dataDir: string, kind: string): Promise<JournalLine[]> {
  return (await journalEntries(dataDir)).filter((entry) => entry.kind === kind)
}
