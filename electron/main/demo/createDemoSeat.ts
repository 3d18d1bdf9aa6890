import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { defaultCallSettings } from '../../../shared/domain/callSettings'
import { seedScripts } from '../../../shared/domain/seedScripts'
import { defaultSettings } from '../../../shared/domain/settings'
import { chinaDateOf } from '../../../shared/domain/tickets/chinaTime'
import { manualClock, systemClock, type Clock } from '../clock'
import { fastScryptCost, type ScryptCost } from '../identity/scrypt'
import { unprotectedSealer } from '../keys/sealer'
import { createSeatDeskServices } from '../services'
import { demoAccounts, demoCompany, demoNewcomer, demoStaff, demoSupervisor, type DemoAccount } from './demoAccounts'
import { DemoCaller, ENTRIES_PER_CALL } from './demoCalls'
import { confirmedChecklist, DemoDesk } from './demoDesk'
import { acknowledgePage, countersignPage, handOverShift, signPage, waiveAcknowledgement, type SignedPage } from './demoHandover'
import { demoShiftSettings, planSeatDays, rosterDayOf, shiftWindows, type SeatDay } from './demoRoster'
import { DemoTickets, FINALE_ENTRIES, type SeatHands } from './demoTickets'
import { seededRandom, type DemoRandom } from './random'

export type { DemoAccount } from './demoAccounts'

// A seat with weeks of believable shift history, made through the same services the app uses (so
// every entry is one the app itself would write): setup, staff, the seat's two shifts and a weekly
// roster, then day after day of sign-ins, 003 checklists, calls, idle locks, forgotten sign-outs,
// mistyped PINs and the odd lockout; tickets opened on the calls and worked over the following days;
// and the handover book (业务交接本): the morning agent hands over to the evening agent, who hands
// over to the next morning's agent, each page acknowledged (now and then an item refused, now and
// then a lead's waiver first) and countersigned by the shift's lead, once in a while corrected. The
// last evening ends the history with a hand-over by transfer and open tickets, so the due and overdue
// lists have something to show at "now".

export interface CreateDemoSeatOptions {
  /** An empty data folder. */
  dataDir: string
  /** About how many journal entries to write (default 3,000); the last session is finished, so a few more. */
  entries?: number
  /**
   * Days of history before "now" (default: at least 30, more when the entries need them, about 100 a
   * day). More entries a day means more calls in each shift; a small demo leaves days unstaffed.
   */
  days?: number
  /** "Now": the history ends the evening before it (default: the system clock). */
  clock?: Clock
  /**
   * scrypt cost of the demo users' PIN hashes and keys. Default `fastScryptCost`, so a year of
   * history takes minutes; the PINs are published anyway.
   */
  scryptCost?: ScryptCost
  /** Seed of the history's shape (default fixed). */
  seed?: number
}

export interface DemoSeat {
  entries: number
  users: DemoAccount[]
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
/** Asia/Shanghai has no daylight saving: shift times are plain offsets from UTC+8 midnight. */
const SHANGHAI_OFFSET = 8 * HOUR
export const DEFAULT_DEMO_ENTRIES = 3_000
/** About what a staffed day of this seat writes by default, so a month holds the default entries. */
const ENTRIES_PER_DAY = 100
/**
 * What a staffed day writes besides its calls: sign-ins and checklists, two handover pages (drafts,
 * signatures, acknowledgements, tickets moved, countersignatures, the odd correction), sign-outs and
 * the supervisor's weekly roster.
 */
const ENTRIES_PER_SEAT_DAY = 18
/** A call and the ticket work it brings over the following days (about 60% of calls open one). */
const ENTRIES_PER_WORKED_CALL = 13
/** Every shift takes at least this many calls. */
const MIN_CALLS_PER_SHIFT = 1
/** The last day's evening agent leaves early; the lead's evening (the tickets' finale) starts here. */
const LAST_DAY_CLOSE = 17 * HOUR
const EVENING_START = 17.5 * HOUR
/** The supervisor's morning visit (roster, settings) ends this long before the first shift. */
const SUPERVISOR_LEAD_TIME = 15 * MINUTE

/** The folder given to `createDemoSeat` already holds a seat's data; nothing was opened or written. */
export class DemoFolderInUseError extends Error {
  override name = 'DemoFolderInUseError'
  constructor(
    readonly dataDir: string,
    readonly found: string,
  ) {
    super(`${dataDir} already holds seat data (${found}): a demo seat needs an empty or new folder`)
  }
}

/** What in `dataDir` belongs to a seat (journal segments, keys/ or identity/ files), or null. */
export function existingSeatData(dataDir: string): string | null {
  const entries = (folder: string): string[] => {
    try {
      return readdirSync(folder)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return []
      throw error
    }
  }
  const segment = entries(join(dataDir, 'journal')).find((name) => name.startsWith('segment-'))
  if (segment) return `journal/${segment}`
  for (const folder of ['keys', 'identity']) {
    const first = entries(join(dataDir, folder))[0]
    if (first !== undefined) return `${folder}/${first}`
  }
  return null
}

export async function createDemoSeat(options: CreateDemoSeatOptions): Promise<DemoSeat> {
  // Checked before anything is opened: the demo writes back-dated history through the seat's own
  // services, which must never touch a live seat's journal, keys or secrets.
  const found = existingSeatData(options.dataDir)
  if (found) throw new DemoFolderInUseError(options.dataDir, found)
  const target = Math.max(20, options.entries ?? DEFAULT_DEMO_ENTRIES)
  const days = options.days ?? Math.max(30, Math.ceil(target / ENTRIES_PER_DAY))
  if (!Number.isSafeInteger(days) || days < 2) throw new RangeError('a demo seat needs at least 2 days of history')
  const today = shanghaiMidnight((options.clock ?? systemClock).now().getTime())
  const firstDay = today - days * DAY
  const clock = manualClock(new Date(firstDay + 7 * HOUR))
  const services = await createSeatDeskServices({
    dataDir: options.dataDir,
    clock,
    sealer: unprotectedSealer,
    runtime: 'browserPreview',
    version: 'demo',
    scryptCost: options.scryptCost ?? fastScryptCost,
    // Generated history, not a seat at work: one fsync per journal segment instead of one per entry,
    // the last when the services close (before this returns). Keys, secrets and the book's checkpoints
    // still fsync each write; there are few of them.
    journalDurability: 'atClose',
  })
  try {
    const desk = new DemoDesk(services, clock)
    // The evening's entries come out of the total, so --entries keeps its meaning.
    const daytimeTarget = Math.max(0, target - FINALE_ENTRIES)
    const history = new ShiftHistory(desk, seededRandom(options.seed ?? 20_260_101), { days, firstDay, target: daytimeTarget })
    await history.setUpSeat()
    for (let day = 0; day < days && desk.entries() < daytimeTarget; day++) {
      await history.workDay(day, Math.round((daytimeTarget * (day + 1)) / days))
    }
    await history.lastEvening()
    await history.closeLastSession()
    return { entries: desk.entries(), users: demoAccounts.map((account) => ({ ...account })) }
  } finally {
    await services.close()
  }
}

interface HistoryShape {
  days: number
  /** Shanghai midnight of the first day (epoch ms). */
  firstDay: number
  /** Entries to write before the last evening. */
  target: number
}

/** A signed page waiting for the next shift's agent, and the lead who will countersign it. */
interface PendingPage {
  signed: SignedPage
  lead: DemoAccount
}

/**
 * The script of the seat's weeks. Supervisor events fall on fixed fractions of the history; the
 * roster is planned up front (who is on leave, who has joined) and entered a week at a time.
 */
class ShiftHistory {
  private readonly active = new Set<string>([demoSupervisor, ...demoStaff].map((user) => user.employeeNo))
  private readonly events: Map<number, (desk: DemoDesk) => Promise<void>>
  /** From these days, the next agent session starts with a lockout ("a lockout or two" a month). */
  private readonly lockoutDays: number[]
  private readonly caller: DemoCaller
  private readonly tickets: DemoTickets
  /** One entry per day and one for "now": who works the seat, or null for an unstaffed day. */
  private readonly plan: (SeatDay | null)[]
  private pending: PendingPage | null = null

  constructor(
    private readonly desk: DemoDesk,
    private readonly random: DemoRandom,
    private readonly shape: HistoryShape,
  ) {
    const { days, target } = shape
    this.caller = new DemoCaller(desk, random)
    this.tickets = new DemoTickets(desk, random, days)
    const on = (fraction: number) => Math.max(1, Math.floor(days * fraction))
    this.lockoutDays = [on(0.4), on(0.8)]
    const agentOnLeave = demoStaff[6] ?? demoNewcomer
    const forgetfulAgent = demoStaff[4] ?? demoNewcomer
    const joinsOn = on(0.33)
    const leave = { from: on(0.5), to: on(0.6) }
    this.events = new Map([
      [on(0.15), (d) => d.call('settingsUpdate', { settings: { ...defaultSettings, idleLockMinutes: 15 } }).then(() => undefined)],
      [joinsOn, async (d) => {
        await d.call('userAdd', { ...demoNewcomer })
        this.active.add(demoNewcomer.employeeNo)
      }],
      [leave.from, async (d) => {
        await d.call('userSetActive', { employeeNo: agentOnLeave.employeeNo, active: false })
        this.active.delete(agentOnLeave.employeeNo)
      }],
      [leave.to, async (d) => {
        await d.call('userSetActive', { employeeNo: agentOnLeave.employeeNo, active: true })
        this.active.add(agentOnLeave.employeeNo)
      }],
      // The supervisor shortens the greeting (version 2; later calls name it) and adds a reason.
      [on(0.25), (d) => d.call('scriptSave', { script: shorterGreeting() }).then(() => undefined)],
      [on(0.45), (d) =>
        d
          .call('callSettingsUpdate', {
            settings: {
              ...defaultCallSettings,
              overTargetReasons: [...defaultCallSettings.overTargetReasons, { id: 'claim-docs', label: { 'zh-CN': '理赔资料说明', en: 'Explaining claim documents' } }],
            },
          })
          .then(() => undefined)],
      // The agent forgot the PIN; the supervisor sets the published one again (a new key pair).
      [on(0.7), (d) => d.call('userResetPin', { employeeNo: forgetfulAgent.employeeNo, pin: forgetfulAgent.pin }).then(() => undefined)],
    ])

    // Staffed days: all of them when the entries allow a day's handovers and a few calls, else an
    // even spread (the last day always, for the finale; pinned showcase tickets need a day too).
    const staffedShare = Math.min(1, target / days / (ENTRIES_PER_SEAT_DAY + 2 * MIN_CALLS_PER_SHIFT * ENTRIES_PER_WORKED_CALL))
    const isOpen = (day: number) => day === days - 1 || this.tickets.needsSession(day) || Math.floor((day + 1) * staffedShare) > Math.floor(day * staffedShare)
    const agents = demoAccounts.filter((user) => user.role === 'agent')
    const weekStart = (day: number) => day - (day % 7)
    this.plan = planSeatDays({
      days,
      firstDate: chinaDateOf(shape.firstDay),
      isOpen,
      // Rostered only when they can sign: the newcomer once added (before the week was planned and
      // before the page that hands them the shift), the agent on leave neither while away nor on the
      // day they come back (the page of the evening before was addressed while they were disabled).
      agentsOn: (day, previousOpen) =>
        agents.filter((user) => {
          if (user === demoNewcomer) return joinsOn <= weekStart(day) && (previousOpen === null || joinsOn <= previousOpen)
          if (user === agentOnLeave) return day < leave.from || (previousOpen !== null && previousOpen >= leave.to)
          return true
        }),
      leads: this.staffOf('shiftLead') as [DemoAccount, DemoAccount],
      random,
    })
  }

  async setUpSeat(): Promise<void> {
    const { desk } = this
    const { employeeNo, name, pin } = demoSupervisor
    await desk.call('seatSetup', { ...demoCompany, supervisor: { employeeNo, name, pin } })
    desk.wait(2 * MINUTE)
    await desk.call('signIn', { employeeNo, pin })
    await desk.call('checklistConfirm', { items: confirmedChecklist, pin })
    for (const user of demoStaff) {
      desk.wait(this.random.int(1, 3) * MINUTE)
      await desk.call('userAdd', { employeeNo: user.employeeNo, name: user.name, role: user.role, pin: user.pin })
    }
    // The seat's two shifts (000 r3 duty rule as shipped), then the first week's roster.
    desk.wait(this.random.int(2, 6) * MINUTE)
    await desk.call('shiftSettingsUpdate', { settings: demoShiftSettings })
    await this.enterRoster(0)
    desk.wait(10 * MINUTE)
    await desk.call('signOut', {})
  }

  /**
   * One day: the supervisor's visit when there is a roster to enter or an event, then, on a staffed
   * day, the morning shift, its handover to the evening shift, and the evening shift's page for the
   * next morning. Calls fill the day's share of the entries.
   */
  async workDay(day: number, quotaByTonight: number): Promise<void> {
    const { desk, random } = this
    const midnight = this.shape.firstDay + day * DAY
    const seatDay = this.plan[day] ?? null
    const event = this.events.get(day)
    const rosterDue = day > 0 && day % 7 === 0
    this.tickets.startDay(day)
    if (!seatDay) {
      if (event || rosterDue) await this.supervisorSession(midnight + 9 * HOUR + random.int(0, 60) * MINUTE, day, event)
      return
    }
    const { morning, evening } = shiftWindows(seatDay, this.previousStaffedDay(day))
    if (event || rosterDue) await this.supervisorSession(morning.start - SUPERVISOR_LEAD_TIME - random.int(20, 50) * MINUTE, day, event)

    const last = day === this.shape.days - 1
    const eveningEnd = last ? midnight + LAST_DAY_CLOSE : evening.end
    const calls = Math.max(2 * MIN_CALLS_PER_SHIFT, Math.round((quotaByTonight - desk.entries() - ENTRIES_PER_SEAT_DAY) / ENTRIES_PER_WORKED_CALL))
    const morningShare = (morning.end - morning.start) / (eveningEnd - morning.start)
    const morningCalls = Math.max(MIN_CALLS_PER_SHIFT, Math.round(calls * morningShare))

    await this.startShift(seatDay.morning, morning.start, day)
    await this.shiftCalls(seatDay.morning, morning.end - 25 * MINUTE, morningCalls)
    await this.tickets.workUntil(seatDay.morning, morning.end - 20 * MINUTE)
    desk.at(morning.end - random.int(10, 20) * MINUTE)
    const handedOver = await handOverShift(desk, { date: seatDay.date, patternId: 'morning', outgoing: seatDay.morning, incoming: seatDay.evening, lead: seatDay.morningLead, random })
    this.tickets.handedOver(handedOver.movedTicketIds, seatDay.evening)
    await this.tickets.startSession(seatDay.evening)

    await this.shiftCalls(seatDay.evening, eveningEnd - 25 * MINUTE, Math.max(MIN_CALLS_PER_SHIFT, calls - morningCalls))
    await this.tickets.workUntil(seatDay.evening, eveningEnd - 20 * MINUTE)
    // The last evening goes on with the finale (lastEvening).
    if (last) return desk.at(eveningEnd)
    await this.closeShift(seatDay, seatDay.evening, eveningEnd - random.int(5, 15) * MINUTE)
  }

  /**
   * The last evening (from 17:30): the day's evening agent hands their open tickets to the evening
   * duty lead by transfer and leaves; the lead takes the evening's calls (see DemoTickets.finale).
   * No page is written for that evening, so the book shows it unsigned at "now".
   */
  async lastEvening(): Promise<void> {
    const { days, firstDay } = this.shape
    const seatDay = this.plan[days - 1] as SeatDay
    const start = firstDay + (days - 1) * DAY + EVENING_START
    const hands: SeatHands = {
      signIn: async (user, at) => {
        const session = await this.desk.call('sessionCurrent', {})
        // Still at the seat from their shift: no second sign-in.
        if (session?.user.employeeNo !== user.employeeNo || session.lockedAt !== null) await this.startShift(user, at, days - 1)
        else await this.tickets.startSession(user)
      },
      signOut: async (at) => {
        this.desk.at(at)
        await this.desk.call('signOut', {})
      },
      takeCall: async (at, plan) => {
        this.desk.at(at)
        await this.caller.takeCall(await this.caller.scripts(), plan)
      },
    }
    await this.tickets.finale(hands, start, seatDay.evening, seatDay.eveningLead)
  }

  async closeLastSession(): Promise<void> {
    const session = await this.desk.call('sessionCurrent', {})
    if (session) {
      this.desk.wait(5 * MINUTE)
      await this.desk.call('signOut', {})
    }
  }

  /** Signs in (a lockout first when one is due), takes over the page left for this shift, gets to work. */
  private async startShift(user: DemoAccount, at: number, day: number): Promise<void> {
    if (this.lockoutDue(day)) await this.lockOut(user, at)
    await this.signIn(user, at)
    await this.takeOverPending(user)
    await this.tickets.startSession(user)
  }

  /**
   * The page the last shift left: the incoming agent acknowledges it (now and then a lead first lets
   * them take the queued calls), and the lead countersigns. When someone else takes the seat (a
   * history cut short by its entry budget), the lead waives it: the tickets stay where they were.
   */
  private async takeOverPending(user: DemoAccount): Promise<void> {
    const pending = this.pending
    if (!pending) return
    this.pending = null
    const { desk, random } = this
    const { signed, lead } = pending
    const outgoing = this.active.has(signed.page.outgoing) ? (demoAccounts.find((account) => account.employeeNo === signed.page.outgoing) ?? null) : null
    if (signed.page.incoming !== user.employeeNo) {
      await waiveAcknowledgement(desk, signed, lead, `${signed.page.incoming} 未到岗，由 ${user.employeeNo} 接班，交接事项由值班长跟进`)
      await countersignPage(desk, signed, lead, random, outgoing)
      return
    }
    if (random.chance(0.08)) {
      desk.wait(random.int(1, 3) * MINUTE)
      await waiveAcknowledgement(desk, signed, lead, random.pick(waiverReasons))
      await this.caller.takeCall(await this.caller.scripts(), this.tickets.callPlan(user))
    }
    const { movedTicketIds } = await acknowledgePage(desk, signed, user, random)
    this.tickets.handedOver(movedTicketIds, user)
    await countersignPage(desk, signed, lead, random, outgoing)
  }

  /** The evening agent's page for the next staffed morning, signed before they leave the seat. */
  private async closeShift(seatDay: SeatDay, user: DemoAccount, at: number): Promise<void> {
    const next = this.plan.slice(seatDay.day + 1).find((candidate): candidate is SeatDay => candidate !== null)
    if (!next) throw new Error('demo: the plan has no morning after the last evening')
    this.desk.at(at)
    const signed = await signPage(this.desk, { date: seatDay.date, patternId: 'evening', outgoing: user, incoming: next.morning, lead: seatDay.eveningLead, random: this.random })
    this.pending = { signed, lead: seatDay.eveningLead }
    this.desk.wait(this.random.int(1, 4) * MINUTE)
    // Now and then someone walks off signed in; the next sign-in replaces the session.
    if (!this.random.chance(0.08)) await this.desk.call('signOut', {})
  }

  /** The supervisor's visit: the coming week's roster when one is due, and the day's event. */
  private async supervisorSession(start: number, day: number, event: ((desk: DemoDesk) => Promise<void>) | undefined): Promise<void> {
    const end = start + this.random.int(20, 40) * MINUTE
    await this.signIn(demoSupervisor, start)
    await this.desk.call('usersList', {})
    this.desk.wait(this.random.int(3, 10) * MINUTE)
    await event?.(this.desk)
    if (day > 0 && day % 7 === 0) await this.enterRoster(day)
    await this.breaks(demoSupervisor, end)
    this.desk.at(end)
    await this.desk.call('signOut', {})
  }

  /** The roster of the staffed days of the week from `day` (and of "now", when the week reaches it). */
  private async enterRoster(day: number): Promise<void> {
    const through = day + 7 >= this.shape.days ? this.shape.days : day + 6
    for (const seatDay of this.plan.slice(day, through + 1)) {
      if (!seatDay) continue
      this.desk.wait(this.random.int(1, 3) * MINUTE)
      await this.desk.call('rosterSet', { day: rosterDayOf(seatDay) })
    }
  }

  private async signIn(user: DemoAccount, at: number): Promise<void> {
    const { desk, random } = this
    desk.at(at)
    if (random.chance(0.05)) {
      await desk.refused('signIn', { employeeNo: user.employeeNo, pin: mistyped(user.pin) }, 'badCredentials')
      desk.wait(random.int(5, 30) * 1_000)
    }
    await desk.call('signIn', { employeeNo: user.employeeNo, pin: user.pin })
    desk.wait(random.int(1, 5) * MINUTE)
    await desk.call('checklistConfirm', { items: confirmedChecklist, pin: user.pin })
  }

  /**
   * `count` calls spread over the rest of the shift, the owner's ticket work between them, a screen
   * lock now and then. Stops taking calls when the entry target is near, so the demo keeps to its size.
   */
  private async shiftCalls(user: DemoAccount, end: number, count: number): Promise<void> {
    const { desk, random } = this
    const scripts = await this.caller.scripts()
    const from = desk.now()
    // About one or two breaks a shift, however busy it is.
    const breakChance = Math.min(0.3, 1.5 / count)
    for (let index = 1; index <= count && desk.entries() + ENTRIES_PER_CALL <= this.shape.target; index++) {
      const at = from + ((end - from) * index) / (count + 1) - random.int(0, Math.min(20, Math.floor((end - from) / (count + 1) / MINUTE / 2))) * MINUTE
      // The owner works their tickets between calls, each step when it falls due.
      await this.tickets.workUntil(user, at)
      desk.at(at)
      await this.caller.takeCall(scripts, this.tickets.callPlan(user))
      if (index === 1 && user.role === 'agent') await this.tickets.maybeReturnVisit(user)
      if (random.chance(breakChance)) await this.screenBreak(user)
    }
  }

  /** Idle or manual screen locks through the session, each unlocked by the same user's PIN. */
  private async breaks(user: DemoAccount, end: number): Promise<void> {
    const { desk, random } = this
    const count = random.int(0, 2)
    const from = desk.now()
    for (let index = 1; index <= count; index++) {
      desk.at(from + ((end - from) * index) / (count + 1))
      await this.screenBreak(user)
    }
  }

  private async screenBreak(user: DemoAccount): Promise<void> {
    const { desk, random } = this
    await desk.call('sessionLock', { reason: random.chance(0.7) ? 'idle' : 'manual' })
    desk.wait(random.int(3, 25) * MINUTE)
    if (random.chance(0.05)) await desk.refused('sessionUnlock', { pin: mistyped(user.pin) }, 'badCredentials')
    await desk.call('sessionUnlock', { pin: user.pin })
  }

  /** Five wrong PINs in a row lock the user out; they wait it out and then sign in. */
  private async lockOut(user: DemoAccount, at: number): Promise<void> {
    const { desk } = this
    desk.at(at)
    for (let attempt = 1; attempt <= defaultSettings.lockoutAttempts; attempt++) {
      const expected = attempt < defaultSettings.lockoutAttempts ? 'badCredentials' : 'userLocked'
      await desk.refused('signIn', { employeeNo: user.employeeNo, pin: mistyped(user.pin) }, expected)
      desk.wait(15_000)
    }
    desk.wait((defaultSettings.lockoutMinutes + 1) * MINUTE)
  }

  /** A small demo has days without anyone at the seat: a lockout planned for one happens at the next shift. */
  private lockoutDue(day: number): boolean {
    const due = this.lockoutDays.findIndex((from) => from <= day)
    if (due < 0) return false
    this.lockoutDays.splice(due, 1)
    return true
  }

  private previousStaffedDay(day: number): SeatDay | null {
    for (let before = day - 1; before >= 0; before--) {
      const seatDay = this.plan[before]
      if (seatDay) return seatDay
    }
    return null
  }

  private staffOf(role: DemoAccount['role']): DemoAccount[] {
    return demoAccounts.filter((user) => user.role === role && this.active.has(user.employeeNo))
  }
}

/** Why a lead lets the incoming agent start before acknowledging the page. */
const waiverReasons = ['早班来电排队，先接听来电，交接稍后确认', '系统登录慢，先处理来电，交接单稍后核对', '客户在线等待回复，先处理，交接稍后签收']

function shorterGreeting() {
  const [seed] = seedScripts
  if (!seed || seed.category !== 'greeting') throw new Error('demo: the first seed script is not the greeting')
  return { ...seed, body: { 'zh-CN': '您好，{company}，客服{agentNo}号{agentName}为您服务！', en: 'Hello, {company}, agent {agentNo} {agentName} speaking. How may I help you?' } }
}

/** The PIN with its last digit changed: a believable slip of the finger. */
function mistyped(pin: string): string {
  const last = Number(pin.at(-1))
  return `${pin.slice(0, -1)}${(last + 1) % 10}`
}

function shanghaiMidnight(time: number): number {
  return Math.floor((time + SHANGHAI_OFFSET) / DAY) * DAY - SHANGHAI_OFFSET
}
