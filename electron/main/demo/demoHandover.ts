import type { HandoverPage, RefusedItem } from '../../../shared/domain/handover/page'
import type { TicketKind } from '../../../shared/domain/tickets/kinds'
import { isOpenStatus, type TicketStatus } from '../../../shared/domain/tickets/lifecycle'
import type { JournalEntry } from '../../../shared/journal/entry'
import type { DemoAccount } from './demoAccounts'
import { confirmedChecklist, type DemoDesk } from './demoDesk'
import type { DemoRandom } from './random'

// The demo's 业务交接本: at the end of a shift the outgoing agent writes a page from what the journal
// says they still own (main refuses a page missing an open ticket of theirs), signs it with their
// PIN; the incoming agent takes the seat and acknowledges it (now and then refusing an item, which
// then stays with the outgoing agent); the shift lead types their number and PIN to countersign;
// once in a while a correction cites the page. Every step is a real call through DemoDesk.

const MINUTE = 60_000

export interface HandOverShiftOptions {
  /** The shift's date in China, YYYY-MM-DD. */
  date: string
  /** A pattern of the seat's shift settings (default 'morning'). */
  patternId?: string
  /** Signed in and ready (checklist confirmed) when this is called. */
  outgoing: DemoAccount
  incoming: DemoAccount
  /** A shift lead (or the supervisor) who countersigns. */
  lead: DemoAccount
  random: DemoRandom
}

export interface HandedOverShift {
  pageId: string
  pageHash: string
  /** Ticket ids the incoming agent now owns. */
  movedTicketIds: string[]
  /** Page item refs the incoming agent refused (`tickets:<id>`…). */
  refused: string[]
  corrected: boolean
}

/** Where a ticket stands, as far as a handover page needs it. */
interface LedgerTicket {
  ticketId: string
  ticketNo: string
  kind: TicketKind
  owner: string
  status: TicketStatus
  /** Pending callbacks by id. */
  callbacks: Map<string, { dueAt: string; note: string }>
  /** Offered to a colleague and not yet settled: that offer decides where it goes, not the page. */
  inTransfer: boolean
}

/**
 * The tickets as the journal tells them, read forward from where the last handover stopped (one
 * pass over a month of history, not one per shift). Mirrors main's TicketBook for ownership.
 */
class TicketLedger {
  readonly tickets = new Map<string, LedgerTicket>()
  private readonly pendingTransfers = new Map<string, { ticketIds: string[]; to: string }>()
  private afterSeq = 0
  pages = 0

  async catchUp(desk: DemoDesk): Promise<void> {
    for (;;) {
      const { entries, headSeq } = await desk.call('journalRead', { afterSeq: this.afterSeq, limit: 1000 })
      for (const entry of entries) this.apply(entry)
      const last = entries.at(-1)
      if (last) this.afterSeq = last.seq
      if (!last || this.afterSeq >= headSeq) return
    }
  }

  ownedOpen(employeeNo: string): LedgerTicket[] {
    return [...this.tickets.values()]
      .filter((ticket) => ticket.owner === employeeNo && isOpenStatus(ticket.status))
      .sort((a, b) => a.ticketNo.localeCompare(b.ticketNo))
  }

  private apply(entry: JournalEntry): void {
    const payload = entry.payload as Record<string, unknown>
    const ticketId = String(payload.ticketId)
    switch (entry.kind) {
      case 'ticket.opened': {
        const details = payload.details as { kind: TicketKind }
        this.tickets.set(ticketId, {
          ticketId,
          ticketNo: String(payload.ticketNo),
          kind: details.kind,
          owner: String(payload.owner),
          status: 'open',
          callbacks: new Map(),
          inTransfer: false,
        })
        break
      }
      case 'ticket.detailsUpdated': {
        const ticket = this.tickets.get(ticketId)
        if (ticket) ticket.kind = (payload.details as { kind: TicketKind }).kind
        break
      }
      case 'ticket.statusChanged': {
        const ticket = this.tickets.get(ticketId)
        if (ticket) ticket.status = payload.status as TicketStatus
        break
      }
      case 'ticket.callbackScheduled':
        this.tickets.get(ticketId)?.callbacks.set(String(payload.callbackId), { dueAt: String(payload.dueAt), note: String(payload.note) })
        break
      case 'ticket.callbackDone':
        this.tickets.get(ticketId)?.callbacks.delete(String(payload.callbackId))
        break
      case 'ticket.transferOffered': {
        const ticketIds = payload.ticketIds as string[]
        this.pendingTransfers.set(String(payload.transferId), { ticketIds, to: String(payload.to) })
        for (const id of ticketIds) this.change(id, { inTransfer: true })
        break
      }
      case 'ticket.transferAccepted':
      case 'ticket.transferDeclined':
      case 'ticket.transferCancelled': {
        const transfer = this.pendingTransfers.get(String(payload.transferId))
        this.pendingTransfers.delete(String(payload.transferId))
        for (const id of transfer?.ticketIds ?? []) {
          this.change(id, entry.kind === 'ticket.transferAccepted' ? { inTransfer: false, owner: transfer?.to ?? '' } : { inTransfer: false })
        }
        break
      }
      case 'ticket.handedOver':
        for (const id of payload.ticketIds as string[]) {
          const ticket = this.tickets.get(id)
          if (ticket && ticket.owner === payload.from) ticket.owner = String(payload.to)
        }
        break
      case 'handover.signed':
        this.pages++
        break
      default:
        break
    }
  }

  private change(ticketId: string, update: Partial<LedgerTicket>): void {
    const ticket = this.tickets.get(ticketId)
    if (ticket) Object.assign(ticket, update)
  }
}

/** One ledger per demo seat, so each handover reads only the entries written since the last one. */
const ledgers = new WeakMap<DemoDesk, TicketLedger>()

function ledgerOf(desk: DemoDesk): TicketLedger {
  let ledger = ledgers.get(desk)
  if (!ledger) {
    ledger = new TicketLedger()
    ledgers.set(desk, ledger)
  }
  return ledger
}

/** A page the outgoing agent has signed, waiting for the incoming agent. */
export interface SignedPage {
  page: HandoverPage
  pageHash: string
}

/**
 * One shift's handover, from the outgoing agent's last minutes to the lead's countersignature.
 * Expects `outgoing` signed in and ready; leaves `incoming` signed in and ready (their shift starts).
 */
export async function handOverShift(desk: DemoDesk, options: HandOverShiftOptions): Promise<HandedOverShift> {
  const { incoming, lead, random } = options
  const signed = await signPage(desk, options)

  // The incoming agent takes the seat (the sign-in replaces the outgoing session) and reads the page.
  desk.wait(random.int(1, 5) * MINUTE)
  await desk.call('signIn', { employeeNo: incoming.employeeNo, pin: incoming.pin })
  desk.wait(random.int(1, 3) * MINUTE)
  await desk.call('checklistConfirm', { items: confirmedChecklist, pin: incoming.pin })
  const { movedTicketIds, refused } = await acknowledgePage(desk, signed, incoming, random)
  const { corrected } = await countersignPage(desk, signed, lead, random, options.outgoing)
  return { pageId: signed.page.pageId, pageHash: signed.pageHash, movedTicketIds, refused, corrected }
}

/**
 * The outgoing agent (signed in) writes the page from what they own and signs it with their PIN;
 * half of them save a draft first and finish it a few minutes later, as the screen allows.
 */
export async function signPage(desk: DemoDesk, options: HandOverShiftOptions): Promise<SignedPage> {
  const { outgoing, random } = options
  const ledger = ledgerOf(desk)
  await ledger.catchUp(desk)
  const page = draftPage(ledger, options)
  desk.wait(random.int(2, 6) * MINUTE)
  if (random.chance(0.5)) {
    await desk.call('handoverSaveDraft', { page: { ...page, remarks: '' } })
    desk.wait(random.int(2, 8) * MINUTE)
  }
  const { pageHash } = await desk.call('handoverSign', { page, pin: outgoing.pin })
  return { page, pageHash }
}

/**
 * The incoming agent, at the seat, reads the page and acknowledges it with their PIN, now and then
 * refusing an item with a reason (a refused ticket stays with the outgoing agent).
 */
export async function acknowledgePage(
  desk: DemoDesk,
  signed: SignedPage,
  incoming: DemoAccount,
  random: DemoRandom,
): Promise<{ movedTicketIds: string[]; refused: string[] }> {
  const { page } = signed
  const ledger = ledgerOf(desk)
  await ledger.catchUp(desk)
  desk.wait(random.int(2, 10) * MINUTE)
  const refused = chooseRefusals(page, random, new Set(ledger.ownedOpen(page.outgoing).filter((ticket) => ticket.inTransfer).map((ticket) => ticket.ticketId)))
  const remarks = refused.length > 0 ? '其余事项已核对接收' : random.pick(acknowledgeRemarks)
  const { movedTicketIds } = await desk.call('handoverAcknowledge', { pageId: page.pageId, refused, remarks, pin: incoming.pin })
  return { movedTicketIds, refused: refused.map((item) => item.item) }
}

/** A lead at the seat lets the incoming agent start before acknowledging, saying why (journaled). */
export async function waiveAcknowledgement(desk: DemoDesk, signed: SignedPage, lead: DemoAccount, reason: string): Promise<void> {
  await desk.call('handoverWaive', { pageId: signed.page.pageId, employeeNo: lead.employeeNo, pin: lead.pin, reason })
}

/**
 * The lead comes by the seat and countersigns with their own number and PIN; once in a while the
 * lead, or the outgoing agent called back to the seat (null when they cannot sign: away on leave),
 * later notes what the page got wrong.
 */
export async function countersignPage(
  desk: DemoDesk,
  signed: SignedPage,
  lead: DemoAccount,
  random: DemoRandom,
  outgoing: DemoAccount | null,
): Promise<{ corrected: boolean }> {
  const { page } = signed
  desk.wait(random.int(3, 30) * MINUTE)
  await desk.call('handoverCountersign', { pageId: page.pageId, employeeNo: lead.employeeNo, pin: lead.pin })
  if (!random.chance(0.1)) return { corrected: false }
  desk.wait(random.int(10, 90) * MINUTE)
  const by = random.chance(0.5) || !outgoing ? lead : outgoing
  await desk.call('handoverCorrect', { pageId: page.pageId, employeeNo: by.employeeNo, pin: by.pin, text: random.pick(corrections) })
  return { corrected: true }
}

function draftPage(ledger: TicketLedger, options: HandOverShiftOptions): HandoverPage {
  const { date, outgoing, incoming, lead, random } = options
  const patternId = options.patternId ?? 'morning'
  // The count of pages so far keeps ids unique when the same agent hands over twice in a day.
  const pageId = `ho-${date.replaceAll('-', '')}-${patternId}-${outgoing.employeeNo}-${ledger.pages + 1}`
  const owned = ledger.ownedOpen(outgoing.employeeNo)
  const itemId = (prefix: string, index: number) => `${pageId}-${prefix}${index + 1}`

  const tickets = owned.map((ticket) => ({
    ticketId: ticket.ticketId,
    ticketNo: ticket.ticketNo,
    kind: ticket.kind,
    nextStep: random.pick(nextSteps[ticket.kind] ?? genericNextSteps),
    dueAt: earliest([...ticket.callbacks.values()].map((callback) => callback.dueAt)),
  }))
  const callbacks = owned.flatMap((ticket) =>
    [...ticket.callbacks.entries()].map(([callbackId, callback]) => ({
      callbackId,
      ticketId: ticket.ticketId,
      ticketNo: ticket.ticketNo,
      dueAt: callback.dueAt,
      note: callback.note.slice(0, 500),
    })),
  )
  const cases = owned
    .filter((ticket): ticket is LedgerTicket & { kind: 'damageShortage' | 'misroutedGoods' } => ticket.kind === 'damageShortage' || ticket.kind === 'misroutedGoods')
    .map((ticket) => ({ ticketId: ticket.ticketId, ticketNo: ticket.ticketNo, kind: ticket.kind, summary: random.pick(caseSummaries[ticket.kind]) }))
  const leftoverGoods = Array.from({ length: random.chance(0.35) ? random.int(1, 2) : 0 }, (_, index) => ({
    itemId: itemId('lg', index),
    waybillNo: waybillNo(random),
    description: random.pick(leftoverDescriptions),
    branchTold: random.chance(0.7),
  }))
  const equipmentFaults = Array.from({ length: random.chance(0.15) ? 1 : 0 }, (_, index) => ({
    itemId: itemId('ef', index),
    description: random.pick(equipmentFaultTexts),
    reported: random.chance(0.6),
  }))
  const notices = Array.from({ length: random.chance(0.3) ? 1 : 0 }, (_, index) => ({ itemId: itemId('nt', index), text: random.pick(noticeTexts) }))
  const remarks = tickets.length === 0 && leftoverGoods.length === 0 ? '本班无未结事项。' : random.chance(0.3) ? random.pick(pageRemarks) : ''
  return {
    pageId,
    date,
    patternId,
    outgoing: outgoing.employeeNo,
    incoming: incoming.employeeNo,
    lead: lead.employeeNo,
    tickets,
    callbacks,
    leftoverGoods,
    cases,
    equipmentFaults,
    notices,
    remarks,
  }
}

/**
 * A ticket already offered to a colleague is refused (main would otherwise move it now and again
 * when the offer is accepted); now and then the incoming agent refuses one more item, saying why.
 */
function chooseRefusals(page: HandoverPage, random: DemoRandom, inTransfer: ReadonlySet<string>): RefusedItem[] {
  const refusals = page.tickets.filter((item) => inTransfer.has(item.ticketId)).map((item) => ({ item: `tickets:${item.ticketId}`, reason: '该件已转交同事，待对方确认接收' }))
  if (!random.chance(0.12)) return refusals
  const candidates = [
    ...page.tickets.filter((item) => !inTransfer.has(item.ticketId)).map((item) => ({ item: `tickets:${item.ticketId}`, reasons: ticketRefusalReasons })),
    ...page.leftoverGoods.map((item) => ({ item: `leftoverGoods:${item.itemId}`, reasons: leftoverRefusalReasons })),
  ]
  if (candidates.length === 0) return refusals
  const chosen = random.pick(candidates)
  return [...refusals, { item: chosen.item, reason: random.pick(chosen.reasons) }]
}

function earliest(instants: readonly string[]): string | null {
  let best: string | null = null
  for (const instant of instants) if (best === null || Date.parse(instant) < Date.parse(best)) best = instant
  return best
}

/** A waybill of our own network: JT and thirteen digits. */
function waybillNo(random: DemoRandom): string {
  let digits = ''
  for (let index = 0; index < 13; index++) digits += String(random.int(0, 9))
  return `JT${digits}`
}

const genericNextSteps = ['下一班继续跟进，必要时回电客户', '等待相关部门回复后告知客户']

const nextSteps: Partial<Record<TicketKind, readonly string[]>> = {
  trackingInquiry: ['联系到站分公司核实到货情况，回电告知客户', '已催派送网点，明早确认是否签收', '查件无轨迹，需联系中转场查扫描记录'],
  consultation: ['客户要的报价单待营业部发来后转告', '确认偏远地区是否可达后回电'],
  orderPickup: ['已下单，跟进网点是否按约上门取件', '客户改约明天上午取件，提前提醒网点'],
  dataChange: ['收件地址变更待到站确认，确认后回电客户', '更改收件人电话待分公司系统修改完成'],
  overcharge: ['运费差价待财务核实，结果出来后回电客户', '已提交退差申请，跟进财务审批'],
  damageShortage: ['等待到站分公司拍照核实破损情况', '客户补充外包装照片后提交理赔评估'],
  misroutedGoods: ['错发件已安排回调，跟进转运进度', '联系错分网点确认货物位置'],
  complaint: ['投诉待主管调查，按时限回复客户处理结果', '网点态度投诉已转分公司，等书面回复'],
  claim: ['理赔材料未齐，提醒客户补发票据', '理赔金额待审核，跟进财务打款'],
  businessLead: ['客户有月结意向，转销售经理后确认是否已联系', '约客户下周面谈，提醒销售'],
  returnVisit: ['回访未接通，下一班再拨一次', '客户对处理结果有意见，需再次回访'],
}

const caseSummaries = {
  damageShortage: ['两箱外包装破损，内件待清点', '客户称少一件，到站核对中', '玻璃制品破损，已拍照留存'],
  misroutedGoods: ['错发至东莞网点，已安排回调', '分拣错误进错中转场，待转回'],
} as const

const leftoverDescriptions = [
  '三箱电子配件滞留中转场，收件人电话无人接听',
  '一件家具地址不详，暂存营业部',
  '两箱服装收件人拒收，待寄件人确认退回',
  '冷链包裹未按时提走，已放冷库',
  '大件设备无法上楼，等客户约时间',
]

const equipmentFaultTexts = [
  '座席耳机左声道无声，已换备用耳机',
  '二号座席电话偶尔断线',
  '打印机卡纸，交接单改为手写',
  '电脑开机慢，已报IT',
]

const noticeTexts = [
  '本周六起华东线路揽收截止时间提前到16:00',
  '台风预警：沿海网点明日暂停派送，客户来电请解释',
  '新版理赔受理流程下周一开始执行',
  '月底对账期间，运费异议统一转财务组',
  '春节前最后收件日为腊月二十五，请提醒客户',
]

const pageRemarks = ['今天来电量大，有两位客户反复来电，已备注', '分公司值班电话下午一直占线，请接班后再试', '客户情绪激动的件已在备注中说明']

const acknowledgeRemarks = ['', '', '已逐项核对', '已接收，回电事项下班前处理']

const ticketRefusalReasons = ['该件需原受理人跟进，客户只认原经办人', '涉及理赔金额，需原经办人说明情况', '资料不全，请补全后再交接']

const leftoverRefusalReasons = ['现场未见该批货物，请核实存放位置', '运单号与实物不符，请核对后再交']

const corrections = ['剩货件数应为两箱，页面写错', '回电时间应为明天上午十点', '补充：设备故障已于当晚报修', '交接时遗漏一条通知：明日系统升级，十点前暂停下单']
