import { chinaDateOf } from '../../../shared/domain/tickets/chinaTime'
import type { TicketDetails, TicketKind } from '../../../shared/domain/tickets/kinds'
import type { DataChangeItem } from '../../../shared/domain/tickets/kinds/dataChange'
import { formatFen } from '../../../shared/domain/tickets/money'
import type { CallbackOutcome, EscalationTarget, TicketStatus, WaitingOn } from '../../../shared/domain/tickets/lifecycle'
import type { DemoContent, DemoPerson } from './demoTicketContent'
import type { DemoRandom } from './random'

// One believable life per request kind (DOMAIN.md "Request kinds and their rules"): what the caller
// asks, what the agent types on the call, and what happens over the following minutes or days — the
// branch checks, finance pays, the customer is called back — until the ticket is resolved with every
// field its kind needs and later closed. Scenarios are data; demoTickets.ts plays them through the
// ticket channels at the right times, in the right people's sessions.

const SECOND = 1_000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Something done to a ticket. `callback` acts work on the last callback scheduled. */
export type TicketAct =
  | { type: 'update'; patch: Partial<Record<string, unknown>> }
  | { type: 'status'; to: TicketStatus; waitingOn?: WaitingOn; note: string }
  | { type: 'note'; text: string }
  | { type: 'stepDone'; clockId: string; note: string }
  /** Due `inMs` after it is scheduled, or at `at` (epoch ms) when given. */
  | { type: 'scheduleCallback'; inMs: number; at?: number; note: string }
  | { type: 'callbackDone'; outcome: CallbackOutcome; note: string }
  | { type: 'escalate'; to: EscalationTarget; reason: string }
  | { type: 'revealPhone' }

/**
 * Who does a later step: the owner (首问责任制: only they change details and status), or a colleague
 * taking the customer's next call (notes, escalations).
 */
export type StepActor = 'owner' | 'repeatCall'

export interface LaterStep {
  /** Earliest time after the previous step (or the opening): a step waits for its actor's session. */
  after: number
  by: StepActor
  acts: TicketAct[]
  /** For a repeat call: what the agent writes in that call's notes. */
  callNotes?: string
}

export interface TicketScenario {
  kind: TicketKind
  caller: DemoPerson
  details: TicketDetails
  /** The call's notes (业务簿); null for a ticket opened outside a call (a return visit). */
  callNotes: string | null
  /** Done on the call right after opening, by the agent who opened it. */
  onCall: TicketAct[]
  later: LaterStep[]
  /** Also saved to the customer archive during the call. */
  saveCustomer: boolean
}

const owner = (after: number, ...acts: TicketAct[]): LaterStep => ({ after, by: 'owner', acts })
const resolve = (note: string): TicketAct => ({ type: 'status', to: 'resolved', note })
const close = (note: string): TicketAct => ({ type: 'status', to: 'closed', note })
const wait = (waitingOn: WaitingOn, note: string): TicketAct => ({ type: 'status', to: 'waiting', waitingOn, note })
const work = (note: string): TicketAct => ({ type: 'status', to: 'inProgress', note })
const update = (patch: Partial<Record<string, unknown>>): TicketAct => ({ type: 'update', patch })

function callerShape(person: DemoPerson) {
  return { callerPhone: person.phone, customerName: person.name, callerRole: person.role }
}

/** Builds scenarios with the demo's random content, at the time the ticket is opened. */
export class TicketScenarios {
  constructor(
    private readonly random: DemoRandom,
    private readonly content: DemoContent,
  ) {}

  build(kind: TicketKind, now: number, caller?: DemoPerson): TicketScenario {
    switch (kind) {
      case 'trackingInquiry':
        return this.trackingInquiry(caller, this.random.chance(0.6) ? 'onCall' : 'callback')
      case 'consultation':
        return this.consultation(caller)
      case 'orderPickup':
        return this.orderPickup(now, caller, this.random.chance(0.25))
      case 'dataChange':
        return this.dataChange(caller)
      case 'overcharge':
        return this.overcharge(caller, 'settled')
      case 'damageShortage':
        return this.damageShortage(now, caller)
      case 'misroutedGoods':
        return this.misroutedGoods(caller)
      case 'complaint':
        return this.complaint(now, caller, 'worked')
      case 'claim':
        return this.claim(now, caller)
      case 'businessLead':
        return this.businessLead(caller, 'followedUp')
      case 'returnVisit':
        return this.returnVisit(caller)
    }
  }

  /**
   * 查货 (001 篇4 r3): answered on the call, or checked with the branch and called back. 'unanswered':
   * the branch has closed for the night; the callback is promised for `callbackAt` and nothing else
   * happens, so the 5-minute answer clock runs out.
   */
  trackingInquiry(caller = this.content.person('consignee'), flow: 'onCall' | 'callback' | 'unanswered', callbackAt?: number): TicketScenario {
    const waybillNo = this.content.waybillNo()
    const station = `${caller.city}${this.random.pick(['宝安', '龙华', '白云', '番禺', '长安', '南海', '惠阳'])}分部`
    const details: TicketDetails = { kind: 'trackingInquiry', ...callerShape(caller), waybillNo, goodsCheck: null, note: '' }
    const callNotes = `查询运单 ${waybillNo} 到站情况`
    if (flow === 'onCall') {
      const found = this.random.chance(0.85)
      return {
        kind: 'trackingInquiry',
        caller,
        details: { ...details, goodsCheck: found ? 'goodsFound' : 'goodsNotFound', note: found ? `货物已到${station}，今天下午派送` : `系统显示已到${station}，点货无，已请分部查找` },
        callNotes: `${callNotes}，已告知客户`,
        onCall: found ? [resolve('已在通话中答复客户')] : [wait('branch', `请${station}查找货物`)],
        later: found
          ? [owner(this.random.int(1, 3) * DAY, close('客户已签收'))]
          : [owner(this.random.int(1, 3) * HOUR, update({ goodsCheck: 'goodsFound', note: `${station}已在二楼分拣区找到货物，明天派送` }), resolve('已短信告知客户')), owner(2 * DAY, close('客户已签收'))],
        saveCustomer: false,
      }
    }
    const callback: TicketAct =
      flow === 'unanswered'
        ? { type: 'scheduleCallback', inMs: 12 * HOUR, ...(callbackAt === undefined ? {} : { at: callbackAt }), note: '分部已下班，明早核实到站情况后回电客户' }
        : { type: 'scheduleCallback', inMs: this.random.int(10, 25) * MINUTE, note: '核实到站情况后回电客户' }
    return {
      kind: 'trackingInquiry',
      caller,
      details,
      callNotes: `${callNotes}，系统未更新，需与到达分部核实后回电`,
      onCall: [work(flow === 'unanswered' ? '到达分部已下班，明早核实' : '正在与到达分部核实'), callback],
      later:
        flow === 'unanswered'
          ? []
          : [
              owner(
                this.random.int(3, 4) * MINUTE,
                update({ goodsCheck: 'goodsFound', note: `${station}确认货物已到，预计明天上午派送` }),
                { type: 'callbackDone', outcome: 'reached', note: '已回电告知客户预计明天上午派送' },
                resolve('已回电答复'),
              ),
              owner(this.random.int(1, 3) * DAY, close('客户已签收')),
            ],
      saveCustomer: false,
    }
  }

  /** 咨询 (003): a price or route asked; answered on the call, now and then after asking pricing. */
  consultation(caller = this.content.person('shipper')): TicketScenario {
    const to = this.random.pick(['长沙', '武汉', '成都', '南宁', '厦门', '杭州', '上海'])
    const kilos = this.random.int(5, 300)
    const subject = this.random.pick(['price', 'price', 'route', 'service'] as const)
    const quotedFen = subject === 'price' ? 1_200 + kilos * this.random.int(150, 350) : null
    const question =
      subject === 'price'
        ? `${caller.city}发${to}${kilos}公斤${this.content.goods().name}，运费多少，几天到？`
        : subject === 'route'
          ? `${caller.city}到${to}是否有直达专线，中转几次？`
          : '能否提供代收货款和签单返回服务？'
    const answer =
      subject === 'price'
        ? `报价${formatFen(quotedFen ?? 0)}元（含上门取件），预计${this.random.int(2, 4)}天到达`
        : subject === 'route'
          ? `${caller.city}至${to}每天有直达班车，晚上发车，次日下午到达`
          : '可以，代收货款费率千分之五，签单返回每票5元'
    const later = this.random.chance(0.3)
    const details: TicketDetails = {
      kind: 'consultation',
      ...callerShape(caller),
      subject,
      question,
      origin: subject === 'service' ? '' : caller.city,
      destination: subject === 'service' ? '' : to,
      quotedFen: later ? null : quotedFen,
      answer: later ? null : answer,
    }
    if (!later) {
      return { kind: 'consultation', caller, details, callNotes: `咨询：${question}已答复`, onCall: [resolve('通话中已答复')], later: [owner(this.random.int(2, 5) * DAY, close('客户无其他疑问'))], saveCustomer: caller.company !== '' }
    }
    return {
      kind: 'consultation',
      caller,
      details,
      callNotes: `咨询：${question}需向价格部确认后回电`,
      onCall: [{ type: 'scheduleCallback', inMs: 40 * MINUTE, note: '向价格部确认后回电报价' }],
      later: [
        owner(this.random.int(20, 35) * MINUTE, update({ quotedFen, answer }), { type: 'callbackDone', outcome: 'reached', note: `已回电：${answer}` }, resolve('已回电答复')),
        owner(this.random.int(2, 5) * DAY, close('客户无其他疑问')),
      ],
      saveCustomer: caller.company !== '',
    }
  }

  /** 受理下单 (002 座席 r3, r10): shipper, consignee, goods, pickup; insurance offered every time. */
  orderPickup(now: number, caller = this.content.person('shipper'), reopened: boolean): TicketScenario {
    const goods = this.content.goods()
    const quantity = this.random.int(1, 40)
    const consignee = this.content.person('consignee')
    const insured = this.random.chance(0.45)
    const declaredValueFen = insured ? goods.unitValueFen * quantity : null
    // A same-day pickup is the one that can go wrong before the day is out (and be reopened).
    const pickupDate = chinaDateOf(now + (reopened || this.random.chance(0.3) ? 0 : DAY))
    const details: TicketDetails = {
      kind: 'orderPickup',
      ...callerShape(caller),
      shipper: { name: caller.company || caller.name, phone: caller.phone },
      consignee: { name: consignee.name, phone: consignee.phone, address: consignee.address },
      goodsName: goods.name,
      quantity,
      packaging: goods.packaging,
      pickupAddress: caller.address,
      pickupDate,
      insuranceOffered: true,
      insuranceAccepted: insured,
      declaredValueFen,
      note: insured ? `客户同意保价，声明价值${formatFen(declaredValueFen ?? 0)}元` : '已建议保价，客户不需要',
    }
    return {
      kind: 'orderPickup',
      caller,
      details,
      callNotes: `下单：${caller.city}发往${consignee.city}，${goods.name}${quantity}件，${pickupDate}上门取件${insured ? '，已保价' : ''}`,
      onCall: [resolve('已下单并通知分部上门取件')],
      later: reopened
        ? [
            owner(this.random.int(3, 5) * HOUR, work('客户来电反映取件员未按约上门，已催分部重新安排')),
            owner(this.random.int(1, 2) * HOUR, resolve('分部已上门取件，已告知客户运单号')),
            owner(this.random.int(1, 2) * DAY, close('货物已发出')),
          ]
        : [owner(this.random.int(1, 3) * DAY, close('已取件发出'))],
      saveCustomer: true,
    }
  }

  /** 数据变更 (000 r7): old and new values, passed to the branch the same day. */
  dataChange(caller = this.content.person('shipper')): TicketScenario {
    const all: (() => DataChangeItem)[] = [
      () => {
        const oldValue = this.content.yuan(800, 6_000)
        return { field: 'codAmount', oldValue, newValue: oldValue - this.content.yuan(100, 500) }
      },
      () => {
        const oldValue = this.content.yuan(30, 400)
        return { field: 'freight', oldValue, newValue: oldValue + this.content.yuan(5, 40) }
      },
      () => ({ field: 'deliverySurcharge', oldValue: 0, newValue: this.content.yuan(10, 50) }),
      () => ({ field: 'phoneHold', oldValue: false, newValue: true }),
      () => ({ field: 'address', oldValue: this.content.address(), newValue: this.content.address() }),
      () => ({ field: 'contact', oldValue: { name: this.content.personName(), phone: this.content.mobile() }, newValue: { name: this.content.personName(), phone: this.content.mobile() } }),
    ]
    const first = this.random.int(0, all.length - 1)
    const picks = this.random.chance(0.35) ? [first, (first + this.random.int(1, all.length - 1)) % all.length] : [first]
    const changes = picks.map((index) => (all[index] as () => DataChangeItem)())
    const waybillNo = this.content.waybillNo()
    const reasons: Record<DataChangeItem['field'], string> = {
      codAmount: '收货人少订货，代收款相应减少',
      freight: '货物复称超重，补收运费',
      deliverySurcharge: '收货人要求送货上楼',
      phoneHold: '发货人要求等其电话通知再放货',
      address: '收货人搬迁，改送新地址',
      contact: '原收货人出差，改由同事代收',
    }
    const details: TicketDetails = {
      kind: 'dataChange',
      ...callerShape(caller),
      waybillNo,
      requestedBy: caller.role,
      changes,
      reason: changes.map((change) => reasons[change.field]).join('；'),
      branchNotified: 'notYet',
    }
    return {
      kind: 'dataChange',
      caller,
      details,
      callNotes: `运单 ${waybillNo} 数据变更：${details.reason}`,
      onCall: [work('变更已登记，待通知到达分部')],
      later: [
        owner(this.random.int(15, 90) * MINUTE, update({ branchNotified: 'notified' }), resolve('已电话通知到达分部并登记变更记录')),
        owner(this.random.int(1, 3) * DAY, close('分部已按变更执行')),
      ],
      saveCustomer: caller.company !== '',
    }
  }

  /** 多收运费 (001 篇4 r4): settled within 2 hours with an apology — or, at the end, not yet. */
  overcharge(caller = this.content.person('shipper'), flow: 'settled' | 'pending'): TicketScenario {
    const correctFen = this.content.yuan(25, 300)
    const chargedFen = correctFen + this.random.int(5, 80) * 100
    const waybillNo = this.content.waybillNo()
    const refund = formatFen(chargedFen - correctFen)
    const apologisedOnCall = this.random.chance(0.7)
    const details: TicketDetails = {
      kind: 'overcharge',
      ...callerShape(caller),
      waybillNo,
      chargedFen,
      correctFen,
      explanation: this.random.pick(['取件员按体积重计费，实际应按实重计费', '开单时误选加急服务', '重复收取上楼费', '未按月结协议价计费']),
      apologised: apologisedOnCall,
    }
    return {
      kind: 'overcharge',
      caller,
      details,
      callNotes: `运单 ${waybillNo} 多收运费 ${refund} 元，${apologisedOnCall ? '已致歉，' : ''}2小时内处理`,
      onCall: [wait('finance', '已提交财务核实退差价')],
      later:
        flow === 'pending'
          ? []
          : [
              owner(
                this.random.int(40, 100) * MINUTE,
                ...(apologisedOnCall ? [] : [update({ apologised: true })]),
                resolve(`财务已核实，差价${refund}元已退回客户，已${apologisedOnCall ? '再次' : '向客户'}致歉`),
              ),
              owner(this.random.int(1, 2) * DAY, close('客户确认收到退款')),
            ],
      saveCustomer: caller.company !== '',
    }
  }

  /** 货损货差 (000 r8, 001 篇4 r5): photos from the branch, CCTV for valuables, finance before settling. */
  damageShortage(now: number, caller = this.content.person('consignee')): TicketScenario {
    const goods = this.content.goods()
    const damaged = this.random.chance(0.65)
    const valuables = goods.unitValueFen >= 120_000
    const lossFen = goods.unitValueFen * this.random.int(1, 3)
    const waybillNo = this.content.waybillNo()
    const description = damaged
      ? `${goods.name}外包装${goods.packaging}破损，${this.random.int(1, 3)}件内物损坏`
      : `${goods.name}共${this.random.int(5, 20)}件，签收时少${this.random.int(1, 2)}件`
    const details: TicketDetails = {
      kind: 'damageShortage',
      ...callerShape(caller),
      waybillNo,
      goodsCheck: damaged ? 'damaged' : 'short',
      description,
      incidentAt: new Date(now - this.random.int(3, 20) * HOUR).toISOString(),
      photosRequestedFromBranch: true,
      valuables,
      cctvRequested: valuables,
      responsibleLink: null,
      estimatedLossFen: lossFen,
      reportedToFinance: false,
    }
    const link = damaged ? this.random.pick(['lineHaul', 'transfer', 'delivery'] as const) : this.random.pick(['origin', 'transfer'] as const)
    return {
      kind: 'damageShortage',
      caller,
      details,
      callNotes: `运单 ${waybillNo} ${description}，已联系分公司拍照核实${valuables ? '，贵重物品已调监控' : ''}`,
      onCall: [wait('branch', valuables ? '已请到达分部拍照并调取中转场监控' : '已请到达分部拍照核实')],
      later: [
        {
          after: this.random.int(4, 8) * HOUR,
          by: 'repeatCall',
          callNotes: `客户来电询问运单 ${waybillNo} 货损处理进度`,
          acts: [{ type: 'note', text: '客户来电询问处理进度，已告知分部正在核实，会尽快回复' }],
        },
        owner(this.random.int(1, 2) * DAY, update({ responsibleLink: link, reportedToFinance: true }), wait('finance', '分部照片已到，责任环节已确认，已报财务')),
        owner(this.random.int(2, 3) * DAY, resolve(`与客户协商按${formatFen(lossFen)}元赔偿，财务已确认结算`)),
        owner(this.random.int(2, 4) * DAY, close('赔款已到账，客户无异议')),
      ],
      saveCustomer: true,
    }
  }

  /** 窜货 (000 r12, 001 篇4 r6): two consignees, a value difference, a remedy; tracked until delivered. */
  misroutedGoods(caller = this.content.person('consignee')): TicketScenario {
    const wrong = this.content.person('consignee')
    const waybillNo = this.content.waybillNo()
    const crossed = this.random.chance(0.6)
    const otherWaybillNo = crossed ? this.content.waybillNo() : null
    const valueDifferenceFen = crossed ? this.content.yuan(0, 600) : this.content.yuan(200, 1_500)
    const remedy = crossed ? 'swap' : this.random.pick(['resend', 'compensate'] as const)
    const details: TicketDetails = {
      kind: 'misroutedGoods',
      ...callerShape(caller),
      waybillNo,
      otherWaybillNo,
      rightfulConsignee: { name: caller.name, phone: caller.phone },
      wrongConsignee: { name: wrong.name, phone: wrong.phone },
      valueDifferenceFen,
      remedy: null,
      note: crossed ? `与运单 ${otherWaybillNo} 的货物互相送错` : '货物被误送至同小区另一收货人',
    }
    const remedyNote = { swap: '两票货物互换，明天重新派送', resend: '原货无法追回，由发货人补发', compensate: '货物已被误收人使用，按价值赔偿客户' }[remedy]
    return {
      kind: 'misroutedGoods',
      caller,
      details,
      callNotes: `运单 ${waybillNo} 窜货，收到的不是自己的货，已通知分部`,
      onCall: [wait('branch', '已通知派送分部联系误收人')],
      later: [
        owner(this.random.int(2, 5) * HOUR, update({ remedy }), work(remedyNote)),
        owner(this.random.int(1, 2) * DAY, resolve('货物已送达正确收货人，客户确认')),
        owner(this.random.int(1, 3) * DAY, close('结案')),
      ],
      saveCustomer: false,
    }
  }

  /**
   * 投诉 (002 投诉各岗位工作标准): escalated to complaint handling, investigated within a working day,
   * resolved with responsibility, remedy and the customer's satisfaction. 'hanging': opened and left
   * without the preliminary investigation, so its 1-working-day clock runs out.
   */
  complaint(now: number, caller = this.content.person(), flow: 'worked' | 'hanging' | 'handedOver'): TicketScenario {
    const waybillNo = this.content.waybillNo()
    const cases = [
      { content: '派送员未送货上门，电话通知客户自行到网点提货，态度恶劣', responsibility: '派送员未按规定送货上门，责任在到达分部派送环节', remedy: '向客户道歉，免收本票送货费20元，派送员已批评教育' },
      { content: '货物承诺两天到达，实际延误四天，期间无人通知客户', responsibility: '中转场爆仓未及时发车，责任在中转环节', remedy: '退还加急费用50元并书面致歉' },
      { content: '代收货款签收十天仍未返款给发货人', responsibility: '到达分部未及时上缴代收款，责任在到达分部', remedy: '代收款已于次日返还，加收滞纳补偿100元' },
      { content: '取件员未经同意将货物放在门卫处，导致货物丢失一件', responsibility: '派送员违规代签，责任在派送环节', remedy: '按货物价值赔偿客户，并对派送员处罚' },
    ]
    const complaintCase = this.random.pick(cases)
    const writtenClaim = flow === 'worked' && this.random.chance(0.3)
    const details: TicketDetails = {
      kind: 'complaint',
      ...callerShape(caller),
      waybillNo,
      source: 'customer',
      content: complaintCase.content,
      incidentAt: new Date(now - this.random.int(1, 4) * DAY).toISOString(),
      writtenClaim,
      majorIncident: false,
      beyondAuthority: false,
      responsibility: null,
      remedy: null,
      customerSatisfied: null,
    }
    const callNotes = `客户投诉：运单 ${waybillNo} ${complaintCase.content}`
    if (flow === 'hanging') {
      return { kind: 'complaint', caller, details, callNotes, onCall: [work('已受理投诉，待调查')], later: [], saveCustomer: true }
    }
    if (flow === 'handedOver') {
      return { kind: 'complaint', caller, details, callNotes, onCall: [work('已受理投诉，正在联系到达分部')], later: [], saveCustomer: true }
    }
    const letters: LaterStep[] = writtenClaim
      ? [owner(this.random.int(2, 5) * HOUR, { type: 'stepDone', clockId: 'complaint.apologyLetter', note: '致歉信已寄出' })]
      : []
    return {
      kind: 'complaint',
      caller,
      details,
      callNotes,
      onCall: [work('已受理投诉'), { type: 'escalate', to: 'complaintHandling', reason: '客户投诉派送服务，转投诉专员跟进调查' }],
      later: [
        ...letters,
        owner(this.random.int(3, 20) * HOUR, { type: 'stepDone', clockId: 'complaint.preliminaryInvestigation', note: '已调取派送记录并联系派送员核实' }, wait('branch', '等待到达分部书面说明')),
        {
          after: this.random.int(4, 12) * HOUR,
          by: 'repeatCall',
          callNotes: `客户来电催问投诉处理结果（运单 ${waybillNo}）`,
          acts: [{ type: 'note', text: '客户来电催问处理结果，情绪较激动，已安抚并承诺明天答复' }],
        },
        ...(writtenClaim ? [owner(HOUR, { type: 'stepDone', clockId: 'complaint.negotiationLetter', note: '商洽函已发出' } satisfies TicketAct)] : []),
        owner(
          this.random.int(1, 2) * DAY,
          update({ responsibility: complaintCase.responsibility, remedy: complaintCase.remedy, customerSatisfied: true }),
          { type: 'stepDone', clockId: 'complaint.responsibilityConfirmation', note: '事故确认函已发到达分部' },
          resolve('已电话答复客户处理结果，客户表示满意'),
        ),
        owner(this.random.int(2, 4) * DAY, close('投诉档案已归档')),
      ],
      saveCustomer: true,
    }
  }

  /** 理赔 (002 保险理赔工作标准): documents, the insurer told, investigated, the customer paid. */
  claim(now: number, caller = this.content.person('shipper')): TicketScenario {
    const goods = this.content.goods()
    const lossType = this.random.pick(['lost', 'damaged', 'damaged', 'short'] as const)
    const quantity = this.random.int(1, 4)
    const lossFen = goods.unitValueFen * quantity
    const insuredValueFen = lossFen + this.content.yuan(0, 2_000)
    const waybillNo = this.content.waybillNo()
    const details: TicketDetails = {
      kind: 'claim',
      ...callerShape(caller),
      waybillNo,
      lossType,
      incidentAt: new Date(now - this.random.int(2, 6) * DAY).toISOString(),
      insuredValueFen,
      lossFen,
      documents: ['waybillCopy', 'lossList'],
      insurer: null,
      beyondAuthority: false,
    }
    const lossText = { lost: '丢失', damaged: '损坏', short: '短少' }[lossType]
    const documents = lossType === 'lost' ? ['waybillCopy', 'lossList', 'invoice', 'policeReceipt', 'idCopy'] : ['waybillCopy', 'lossList', 'invoice', 'photos', 'damageReport']
    return {
      kind: 'claim',
      caller,
      details,
      callNotes: `运单 ${waybillNo} 保价货物${goods.name}${quantity}件${lossText}，申请理赔${formatFen(lossFen)}元，已说明理赔资料`,
      onCall: [wait('customer', lossType === 'lost' ? '请客户补交发票、身份证复印件及报案回执' : '请客户补交发票及损坏照片')],
      later: [
        {
          after: this.random.int(6, 20) * HOUR,
          by: 'repeatCall',
          callNotes: `客户来电询问运单 ${waybillNo} 理赔进度`,
          acts: [
            { type: 'note', text: '客户来电询问理赔进度，对迟迟未受理不满' },
            { type: 'escalate', to: 'supervisor', reason: '客户对理赔进度不满，要求主管回电' },
          ],
        },
        owner(
          this.random.int(1, 2) * DAY,
          update({ documents, insurer: this.random.pick(['cpic', 'aig'] as const) }),
          { type: 'stepDone', clockId: 'claim.reportToInsurer', note: '资料齐全，已报保险公司' },
          work('资料已收齐，开始调查取证'),
        ),
        owner(this.random.int(1, 2) * DAY, { type: 'stepDone', clockId: 'claim.preliminaryInvestigation', note: '调查取证完成，责任在中转环节' }, { type: 'revealPhone' }, wait('finance', '赔案已提交，等待保险公司赔付')),
        owner(this.random.int(2, 3) * DAY, { type: 'stepDone', clockId: 'claim.branchProposal', note: `分公司提出按${formatFen(lossFen)}元足额赔付` }),
        owner(this.random.int(3, 6) * DAY, resolve(`保险公司已赔付${formatFen(lossFen)}元，已转客户账户`)),
        owner(this.random.int(2, 4) * DAY, close('客户确认收款，结案')),
      ],
      saveCustomer: true,
    }
  }

  /** 业务电话 (001 篇4 r9): the branch's contact given, the shipper followed up within 10 minutes. */
  businessLead(caller = this.content.person('shipper'), flow: 'followedUp' | 'notYet'): TicketScenario {
    const district = this.random.pick(['宝安', '龙华', '龙岗', '南山', '福田', '光明'])
    const goods = this.content.goods()
    const details: TicketDetails = {
      kind: 'businessLead',
      ...callerShape(caller),
      branchArea: `深圳${district}区域（${district}分理处）`,
      branchContact: { name: `${district}分理处${this.content.personName().slice(0, 1)}经理`, phone: this.content.mobile() },
      branchContactGiven: true,
      goodsDescription: `每周约${this.random.int(1, 8)}吨${goods.name}发往${this.random.pick(['长沙', '武汉', '成都', '南宁', '厦门'])}`,
      shipperReachedBranch: null,
    }
    const followUp: TicketAct = { type: 'scheduleCallback', inMs: 10 * MINUTE, note: '10分钟后回访发货人是否已联系上分理处' }
    return {
      kind: 'businessLead',
      caller,
      details,
      callNotes: `业务电话：${district}区域，已告知分理处联系电话`,
      onCall: [followUp],
      later:
        flow === 'notYet'
          ? []
          : [
              owner(10 * MINUTE, { type: 'callbackDone', outcome: 'reached', note: '发货人已与分理处约好明天上门看货' }, update({ shipperReachedBranch: true }), resolve('发货人已联系上分理处')),
              owner(this.random.int(2, 5) * DAY, close('分理处已签约')),
            ],
      saveCustomer: true,
    }
  }

  /** 回访 (000 客服人员 r4): an outbound visit by phone; opinions go into the weekly summary. */
  returnVisit(caller = this.content.person('shipper')): TicketScenario {
    const visits = [
      { opinion: '对上门取件速度满意，取件员服务态度好', suggestion: '希望周末也能安排取件', satisfaction: 'satisfied' as const },
      { opinion: '到货时效基本满意，但偶尔外包装有挤压', suggestion: '易碎品建议加固包装', satisfaction: 'neutral' as const },
      { opinion: '上月两票货延误未提前通知，体验较差', suggestion: '延误时主动短信通知', satisfaction: 'dissatisfied' as const },
    ]
    const visit = this.random.pick(visits)
    return {
      kind: 'returnVisit',
      caller,
      details: { kind: 'returnVisit', ...callerShape(caller), way: 'phone', opinion: visit.opinion, suggestion: visit.suggestion, satisfaction: visit.satisfaction },
      callNotes: null,
      onCall: [resolve('回访完成，意见已记录')],
      later: [owner(this.random.int(3, 6) * DAY, close('已纳入本周客户意见汇总'))],
      saveCustomer: true,
    }
  }
}
