import type { TicketDetails, TicketKind } from '../../../shared/domain/tickets/kinds'
import { ticketKinds } from '../../../shared/domain/tickets/kinds'
import type { TicketStatus, WaitingOn } from '../../../shared/domain/tickets/lifecycle'
import type { DemoAccount } from './demoAccounts'
import type { CallPlan } from './demoCalls'
import type { DemoDesk } from './demoDesk'
import { DemoContent, type DemoPerson } from './demoTicketContent'
import { TicketScenarios, type LaterStep, type TicketAct, type TicketScenario } from './demoTicketScenarios'
import type { DemoRandom } from './random'

// The demo seat's tickets (首问责任制), played through the same channels as the ticket screens: most
// opened on a call (so the call record lists them), then worked in their owner's later sessions —
// the branch checks, finance settles, the customer is called back — while colleagues note repeat
// calls and escalate. Open tickets follow their owners through the handover pages (handedOver). The
// weeks start with one scripted life of every kind; the last evening ends with a hand-over by
// transfer (accepted with the receiving user's PIN) and tickets still open past their clocks, so the
// due and overdue lists have something to show at "now".

const SECOND = 1_000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/** About what the last evening writes (two sessions, five or six calls with tickets, the handover). */
export const FINALE_ENTRIES = 65

/** Share of ordinary calls that open a ticket, and the mix of kinds they open (most are tracking). */
const TICKET_CALL_SHARE = 0.6
const kindWeights: readonly [TicketKind, number][] = [
  ['trackingInquiry', 0.3],
  ['consultation', 0.14],
  ['orderPickup', 0.16],
  ['dataChange', 0.08],
  ['overcharge', 0.06],
  ['damageShortage', 0.06],
  ['misroutedGoods', 0.03],
  ['complaint', 0.06],
  ['claim', 0.04],
  ['businessLead', 0.07],
]
/**
 * A repeat call waits at most this long for a colleague; after that the owner takes it too. Short:
 * handover pages move open tickets to whoever works the next shift, so the owner is usually the
 * agent at the seat, and a customer does not wait days to call back.
 */
const REPEAT_CALL_PATIENCE = 4 * HOUR

interface LiveTicket {
  ticketId: string
  ticketNo: string
  kind: TicketKind
  owner: string
  caller: DemoPerson
  details: TicketDetails
  status: TicketStatus
  waitingOn: WaitingOn | null
  /** Scheduled and not yet recorded, oldest first. */
  callbacks: string[]
  later: LaterStep[]
  /** When the next later step may run. */
  nextAt: number
  inTransfer: boolean
}

/** What a session of the shift history lends the tickets for the last evening. */
export interface SeatHands {
  signIn(user: DemoAccount, at: number): Promise<void>
  signOut(at: number): Promise<void>
  takeCall(at: number, plan: CallPlan): Promise<void>
}

export class DemoTickets {
  private readonly content: DemoContent
  private readonly scenarios: TicketScenarios
  private readonly live: LiveTicket[] = []
  private readonly kindsOpened = new Set<TicketKind>()
  private readonly pendingTransfers = new Map<string, { transferId: string; to: string; ticketIds: string[] }>()
  /** One scripted life of every kind, taken by the first ticket calls; `fromDay` pins a later one. */
  private readonly showcase: { fromDay: number; build: (now: number) => TicketScenario }[]
  private day = 0

  constructor(
    private readonly desk: DemoDesk,
    private readonly random: DemoRandom,
    days: number,
  ) {
    this.content = new DemoContent(random)
    this.scenarios = new TicketScenarios(random, this.content)
    const s = this.scenarios
    this.showcase = [
      { fromDay: 0, build: () => s.trackingInquiry(undefined, 'onCall') },
      { fromDay: 0, build: (now) => s.orderPickup(now, undefined, true) },
      { fromDay: 0, build: (now) => s.complaint(now, undefined, 'worked') },
      { fromDay: 0, build: () => s.dataChange() },
      { fromDay: 0, build: () => s.overcharge(undefined, 'settled') },
      { fromDay: 0, build: (now) => s.damageShortage(now) },
      { fromDay: 0, build: () => s.businessLead(undefined, 'followedUp') },
      { fromDay: 0, build: () => s.misroutedGoods() },
      { fromDay: 0, build: (now) => s.claim(now) },
      { fromDay: 0, build: () => s.consultation() },
      // A caller from the first week calls about something else: a second ticket on the same phone.
      { fromDay: 0, build: () => s.trackingInquiry(this.pastCaller(), 'callback') },
      // About a week before "now": a complaint nobody has investigated yet — past its 1 working day.
      { fromDay: Math.max(1, days - 8), build: (now) => s.complaint(now, undefined, 'hanging') },
    ]
  }

  /** Days with a pinned showcase ticket need a session, even in a small demo. */
  needsSession(day: number): boolean {
    return this.showcase.some((item) => item.fromDay > 0 && item.fromDay === day)
  }

  startDay(day: number): void {
    this.day = day
  }

  /**
   * An acknowledged handover page moved these tickets to `to` (ticket.handedOver): from now on their
   * later steps wait for the new owner's sessions, as main decides who may move them.
   */
  handedOver(ticketIds: readonly string[], to: DemoAccount): void {
    const moved = new Set(ticketIds)
    for (const ticket of this.live) if (moved.has(ticket.ticketId)) ticket.owner = to.employeeNo
  }

  /** At sign-in: transfers offered to this user are accepted with their PIN, then due work is done. */
  async startSession(user: DemoAccount): Promise<void> {
    for (const [transferId, transfer] of this.pendingTransfers) {
      if (transfer.to !== user.employeeNo) continue
      this.desk.wait(this.random.int(1, 3) * MINUTE)
      await this.desk.call('ticketTransferAccept', { transferId, pin: user.pin })
      for (const ticket of this.live.filter((candidate) => transfer.ticketIds.includes(candidate.ticketId))) {
        ticket.owner = user.employeeNo
        ticket.inTransfer = false
      }
      this.pendingTransfers.delete(transferId)
    }
    await this.workUntil(user, this.desk.now())
  }

  /** Works the signed-in user's tickets whose next step falls before `time`, each at its own time. */
  async workUntil(user: DemoAccount, time: number): Promise<void> {
    for (;;) {
      const due = this.live
        .filter((ticket) => !ticket.inTransfer && ticket.nextAt <= time && this.mayTake(user, ticket))
        .sort((a, b) => a.nextAt - b.nextAt)[0]
      if (!due) return
      const step = due.later.shift() as LaterStep
      this.desk.at(due.nextAt)
      await this.perform(due, step.acts)
      this.scheduleNext(due)
    }
  }

  /**
   * What the next ordinary call is about: a customer calling back about an open ticket (a colleague
   * notes it), a new request opened as a ticket on the call, or — now and then — nothing to record.
   */
  callPlan(user: DemoAccount): CallPlan | null {
    const repeat = this.live.find((ticket) => ticket.later[0]?.by === 'repeatCall' && ticket.nextAt <= this.desk.now() && !ticket.inTransfer && (ticket.owner !== user.employeeNo || this.desk.now() - ticket.nextAt > REPEAT_CALL_PATIENCE))
    if (repeat) return this.repeatCallPlan(repeat)
    const pinned = this.showcase.findIndex((item) => item.fromDay > 0 && item.fromDay <= this.day)
    const next = pinned >= 0 ? pinned : this.showcase.findIndex((item) => item.fromDay === 0)
    if (next >= 0) {
      const [item] = this.showcase.splice(next, 1)
      return this.newTicketPlan(user, (item as (typeof this.showcase)[number]).build(this.desk.now()))
    }
    if (!this.random.chance(TICKET_CALL_SHARE)) return null
    // Now and then a customer who called before, with something new.
    const caller = this.live.length > 0 && this.random.chance(0.12) ? this.pastCaller() : undefined
    return this.newTicketPlan(user, this.scenarios.build(this.weightedKind(), this.desk.now(), caller))
  }

  /** Between calls, now and then: a return visit by phone (回访), opened outside a call. */
  async maybeReturnVisit(user: DemoAccount): Promise<void> {
    if (!this.random.chance(0.06) && this.kindsOpened.has('returnVisit')) return
    const scenario = this.scenarios.returnVisit(this.pastCaller())
    await this.open(user, scenario)
  }

  /**
   * The last evening: the day agent takes a complaint and hands their latest open tickets to the
   * evening duty lead by transfer (accepted with the lead's PIN), who then takes the evening's calls — an overcharge,
   * a tracking inquiry waiting for the branch, a business lead — still open when the history ends,
   * and any kind the weeks did not happen to open.
   */
  async finale(hands: SeatHands, eveningStart: number, dayAgent: DemoAccount, evening: DemoAccount): Promise<void> {
    await hands.signIn(dayAgent, eveningStart)
    const complaint = this.scenarios.complaint(this.desk.now(), undefined, 'handedOver')
    await hands.takeCall(eveningStart + 15 * MINUTE, this.newTicketPlan(dayAgent, complaint))
    this.desk.at(eveningStart + 40 * MINUTE)
    const handedOver = this.live.filter((ticket) => ticket.owner === dayAgent.employeeNo && !ticket.inTransfer && ticket.status !== 'closed' && ticket.status !== 'resolved').slice(-5)
    const { transferId } = await this.desk.call('ticketTransferOffer', {
      ticketIds: handedOver.map((ticket) => ticket.ticketId),
      to: evening.employeeNo,
      reason: '下班交接：以下工单由晚班值班长继续跟进',
    })
    for (const ticket of handedOver) ticket.inTransfer = true
    this.pendingTransfers.set(transferId, { transferId, to: evening.employeeNo, ticketIds: handedOver.map((ticket) => ticket.ticketId) })
    await hands.signOut(eveningStart + 45 * MINUTE)

    // The lead signs in and accepts the handover with their PIN (SeatHands.signIn runs startSession).
    await hands.signIn(evening, eveningStart + 50 * MINUTE)
    // The complainant was promised a word tonight: the lead reveals the number (journaled) and calls.
    const handedComplaint = this.live.find((ticket) => ticket.details === complaint.details)
    if (handedComplaint) await this.perform(handedComplaint, [{ type: 'revealPhone' }, { type: 'note', text: '已回电客户，说明投诉已交接晚班值班长，明天上午答复调查结果' }])
    const nextMorning = eveningStart - 17.5 * HOUR + 24 * HOUR + 9.5 * HOUR
    const overcharge = this.scenarios.overcharge(undefined, 'pending')
    const plans: [number, TicketScenario][] = [
      [1.5 * HOUR, overcharge],
      [2 * HOUR, this.scenarios.trackingInquiry(undefined, 'unanswered', nextMorning)],
      [2.5 * HOUR, this.scenarios.businessLead(undefined, 'notYet')],
    ]
    // Whatever the weeks left out, so every kind is on the seat.
    const missing = ticketKinds.filter((kind) => kind !== 'returnVisit' && !this.kindsOpened.has(kind) && !plans.some(([, plan]) => plan.kind === kind))
    missing.forEach((kind, index) => plans.push([3 * HOUR + index * 12 * MINUTE, this.scenarios.build(kind, eveningStart + 3 * HOUR + index * 12 * MINUTE)]))
    for (const [offset, scenario] of plans) await hands.takeCall(eveningStart + offset, this.newTicketPlan(evening, scenario))
    if (!this.kindsOpened.has('returnVisit')) await this.maybeReturnVisit(evening)
    // The overcharge's customer rings again before closing time: the lead notes it; still unsettled.
    const overchargeTicket = this.live.find((ticket) => ticket.details === overcharge.details)
    if (overchargeTicket) {
      overchargeTicket.later = [{ after: 0, by: 'repeatCall', acts: [{ type: 'note', text: '客户再次来电催促退款，已告知财务明天上午处理' }], callNotes: '客户来电催促多收运费退款' }]
      overchargeTicket.nextAt = this.desk.now()
      await hands.takeCall(Math.max(eveningStart + 3.9 * HOUR, this.desk.now() + 5 * MINUTE), this.repeatCallPlan(overchargeTicket))
    }
    await hands.signOut(eveningStart + 4.5 * HOUR)
  }

  private newTicketPlan(user: DemoAccount, scenario: TicketScenario): CallPlan {
    return {
      callerNumber: scenario.caller.phone,
      customerName: scenario.caller.name,
      notes: scenario.callNotes ?? '',
      duringCall: () => this.open(user, scenario).then(() => undefined),
    }
  }

  private repeatCallPlan(ticket: LiveTicket): CallPlan {
    const step = ticket.later.shift() as LaterStep
    return {
      callerNumber: ticket.caller.phone,
      customerName: ticket.caller.name,
      notes: step.callNotes ?? `客户来电询问工单 ${ticket.ticketNo} 进度`,
      duringCall: async () => {
        // The agent finds the caller's open ticket (by phone) and reads who owns it before writing.
        this.desk.wait(this.random.int(15, 40) * SECOND)
        await this.perform(ticket, step.acts)
        this.scheduleNext(ticket)
      },
    }
  }

  private async open(user: DemoAccount, scenario: TicketScenario): Promise<LiveTicket> {
    const { desk, random } = this
    // Filling in the kind's form while the customer talks.
    desk.wait(random.int(20, 60) * SECOND)
    const summary = await desk.call('ticketOpen', { details: scenario.details })
    const ticket: LiveTicket = {
      ticketId: summary.ticketId,
      ticketNo: summary.ticketNo,
      kind: scenario.kind,
      owner: user.employeeNo,
      caller: scenario.caller,
      details: scenario.details,
      status: summary.status,
      waitingOn: summary.waitingOn,
      callbacks: [],
      later: [...scenario.later],
      nextAt: 0,
      inTransfer: false,
    }
    this.live.push(ticket)
    this.kindsOpened.add(scenario.kind)
    if (scenario.saveCustomer) {
      desk.wait(random.int(10, 25) * SECOND)
      const { caller } = scenario
      await desk.call('customerSave', { customer: { phone: caller.phone, name: caller.name, role: caller.role, company: caller.company, address: caller.address } })
    }
    await this.perform(ticket, scenario.onCall)
    this.scheduleNext(ticket)
    return ticket
  }

  private async perform(ticket: LiveTicket, acts: readonly TicketAct[]): Promise<void> {
    const { desk, random } = this
    const ticketId = ticket.ticketId
    for (const act of acts) {
      desk.wait(random.int(8, 30) * SECOND)
      switch (act.type) {
        case 'update':
          ticket.details = { ...ticket.details, ...act.patch } as TicketDetails
          await desk.call('ticketUpdate', { ticketId, details: ticket.details })
          break
        case 'status': {
          const summary = await desk.call('ticketSetStatus', { ticketId, to: act.to, waitingOn: act.waitingOn ?? null, note: act.note })
          ticket.status = summary.status
          ticket.waitingOn = summary.waitingOn
          break
        }
        case 'note':
          await desk.call('ticketAddNote', { ticketId, text: act.text })
          break
        case 'stepDone':
          await desk.call('ticketStepDone', { ticketId, clockId: act.clockId, note: act.note })
          break
        case 'scheduleCallback': {
          const dueAt = new Date(act.at ?? desk.now() + act.inMs).toISOString()
          const { callbackId } = await desk.call('ticketScheduleCallback', { ticketId, dueAt, note: act.note })
          ticket.callbacks.push(callbackId)
          break
        }
        case 'callbackDone': {
          const callbackId = ticket.callbacks.shift()
          if (!callbackId) throw new Error(`demo: ${ticket.ticketNo} has no callback to record`)
          await desk.call('ticketRecordCallback', { ticketId, callbackId, outcome: act.outcome, note: act.note })
          break
        }
        case 'escalate':
          await desk.call('ticketEscalate', { ticketId, to: act.to, reason: act.reason })
          break
        case 'revealPhone':
          if (ticket.details.callerPhone) await desk.call('customerRevealPhone', { phone: ticket.details.callerPhone, context: 'ticket', ticketId })
          break
      }
    }
  }

  private scheduleNext(ticket: LiveTicket): void {
    const step = ticket.later[0]
    ticket.nextAt = step ? this.desk.now() + step.after : Number.POSITIVE_INFINITY
  }

  private mayTake(user: DemoAccount, ticket: LiveTicket): boolean {
    return ticket.later[0]?.by === 'owner' && ticket.owner === user.employeeNo
  }

  private pastCaller(): DemoPerson {
    return this.live.length > 0 ? (this.random.pick(this.live.slice(0, 12)) as LiveTicket).caller : this.content.person()
  }

  private weightedKind(): TicketKind {
    let roll = this.random.next() * kindWeights.reduce((sum, [, weight]) => sum + weight, 0)
    for (const [kind, weight] of kindWeights) {
      roll -= weight
      if (roll < 0) return kind
    }
    return 'trackingInquiry'
  }
}
