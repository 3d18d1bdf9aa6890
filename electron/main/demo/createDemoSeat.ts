import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { defaultCallSettings } from '../../../shared/domain/callSettings'
import { seedScripts } from '../../../shared/domain/seedScripts'
import { defaultSettings } from '../../../shared/domain/settings'
import { manualClock, systemClock, type Clock } from '../clock'
import { fastScryptCost, type ScryptCost } from '../identity/scrypt'
import { unprotectedSealer } from '../keys/sealer'
import { createSeatDeskServices } from '../services'
import { demoAccounts, demoCompany, demoNewcomer, demoStaff, demoSupervisor, type DemoAccount } from './demoAccounts'
import { DemoCaller, ENTRIES_PER_CALL } from './demoCalls'
import { confirmedChecklist, DemoDesk } from './demoDesk'
import { DemoTickets, FINALE_ENTRIES, type SeatHands } from './demoTickets'
import { seededRandom, type DemoRandom } from './random'

export type { DemoAccount } from './demoAccounts'

// A seat with weeks of believable shift history, made through the same services the app uses (so
// every entry is one the app itself would write): setup, staff, then day after day of sign-ins,
// 003 checklists, calls, idle locks, forgotten sign-outs, mistyped PINs and the odd lockout; tickets
// opened on the calls and worked over the following days, and a last evening whose handover and
// open tickets leave the due and overdue lists something to show at "now".

export interface CreateDemoSeatOptions {
  /** An empty data folder. */
  dataDir: string
  /** About how many journal entries to write (default 500); the last session is finished, so a few more. */
  entries?: number
  /** "Now": the history ends the evening before it (default: the system clock). */
  clock?: Clock
  /**
   * scrypt cost of the demo users' PIN hashes and keys. Default `fastScryptCost`, so ~20k entries
   * take seconds; the PINs are published anyway.
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
const DAY_OPEN = 8 * HOUR
const DAY_CLOSE = 22.5 * HOUR
/** About what a shift writes: sign-in, checklist, two to five calls, a lock or two, sign-out. */
const ENTRIES_PER_SESSION = 6 + 3.5 * ENTRIES_PER_CALL
/** About what a day of this seat writes, so a month of history holds the requested entries. */
const ENTRIES_PER_DAY = 40
/** The last day's ordinary sessions end here; the evening shift (the tickets' finale) follows. */
const LAST_DAY_CLOSE = 17 * HOUR
const EVENING_START = 17.5 * HOUR

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
  const target = Math.max(20, options.entries ?? 500)
  const days = Math.max(30, Math.ceil(target / ENTRIES_PER_DAY))
  const today = shanghaiMidnight((options.clock ?? systemClock).now().getTime())
  const firstDay = today - days * DAY
  const clock = manualClock(new Date(firstDay + 9 * HOUR))
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
    const history = new ShiftHistory(desk, seededRandom(options.seed ?? 20_260_101), days, daytimeTarget)
    await history.setUpSeat()
    for (let day = 0; day < days && desk.entries() < daytimeTarget; day++) {
      const closeAt = day === days - 1 ? LAST_DAY_CLOSE : DAY_CLOSE
      await history.workDay(day, firstDay + day * DAY, Math.round((daytimeTarget * (day + 1)) / days), closeAt)
    }
    await history.lastEvening(firstDay + (days - 1) * DAY + EVENING_START)
    await history.closeLastSession()
    return { entries: desk.entries(), users: demoAccounts.map((account) => ({ ...account })) }
  } finally {
    await services.close()
  }
}

/** The script of the seat's weeks. Supervisor events fall on fixed fractions of the history. */
class ShiftHistory {
  private readonly active = new Set<string>([demoSupervisor, ...demoStaff].map((user) => user.employeeNo))
  private readonly events: Map<number, (desk: DemoDesk) => Promise<void>>
  /** From these days, the next agent session starts with a lockout ("a lockout or two" a month). */
  private readonly lockoutDays: number[]
  private readonly caller: DemoCaller
  private readonly tickets: DemoTickets

  constructor(
    private readonly desk: DemoDesk,
    private readonly random: DemoRandom,
    days: number,
    private readonly target: number,
  ) {
    this.caller = new DemoCaller(desk, random)
    this.tickets = new DemoTickets(desk, random, days)
    const on = (fraction: number) => Math.max(1, Math.floor(days * fraction))
    this.lockoutDays = [on(0.4), on(0.8)]
    const agentOnLeave = demoStaff[6] ?? demoNewcomer
    const forgetfulAgent = demoStaff[4] ?? demoNewcomer
    this.events = new Map([
      [on(0.15), (d) => d.call('settingsUpdate', { settings: { ...defaultSettings, idleLockMinutes: 15 } }).then(() => undefined)],
      [on(0.33), async (d) => {
        await d.call('userAdd', { ...demoNewcomer })
        this.active.add(demoNewcomer.employeeNo)
      }],
      [on(0.5), async (d) => {
        await d.call('userSetActive', { employeeNo: agentOnLeave.employeeNo, active: false })
        this.active.delete(agentOnLeave.employeeNo)
      }],
      [on(0.6), async (d) => {
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
    desk.wait(10 * MINUTE)
    await desk.call('signOut', {})
  }

  /** One day, 08:00 to `closeAt` (22:30) Shanghai time, split into sessions until the running quota is met. */
  async workDay(day: number, midnight: number, quotaByTonight: number, closeAt: number): Promise<void> {
    const { target } = this
    const event = this.events.get(day)
    this.tickets.startDay(day)
    const wanted = Math.round((quotaByTonight - this.desk.entries()) / ENTRIES_PER_SESSION)
    const sessions = Math.min(12, Math.max(event || this.tickets.needsSession(day) ? 1 : 0, wanted))
    if (sessions === 0) return
    const open = midnight + DAY_OPEN
    const slot = (closeAt - DAY_OPEN) / sessions
    for (let index = 0; index < sessions && this.desk.entries() < target; index++) {
      const start = open + index * slot + this.random.int(0, 10) * MINUTE
      const end = open + (index + 1) * slot - this.random.int(1, 10) * MINUTE
      if (index === 0 && event) {
        await this.supervisorSession(start, end, event)
      } else {
        // The shift lead usually opens the day (000 r3: the duty person comes half an hour early).
        const user = index === 0 && this.random.chance(0.6) ? this.random.pick(this.staff('shiftLead')) : this.rotaPick()
        const lockedOutFirst = this.lockoutDue(day) || this.random.chance(0.005)
        await this.workSession(user, start, end, lockedOutFirst)
      }
    }
  }

  /**
   * The last evening (from 17:30): a day agent hands their open tickets to the evening duty lead,
   * who takes the evening's calls; see DemoTickets.finale.
   */
  async lastEvening(start: number): Promise<void> {
    const evening = this.random.pick(this.staff('shiftLead'))
    const dayAgent = this.random.pick(this.staff('agent'))
    const hands: SeatHands = {
      signIn: async (user, at) => {
        await this.signIn(user, at)
        await this.tickets.startSession(user)
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
    await this.tickets.finale(hands, start, dayAgent, evening)
  }

  async closeLastSession(): Promise<void> {
    const session = await this.desk.call('sessionCurrent', {})
    if (session) {
      this.desk.wait(5 * MINUTE)
      await this.desk.call('signOut', {})
    }
  }

  private async supervisorSession(start: number, end: number, event: (desk: DemoDesk) => Promise<void>): Promise<void> {
    await this.signIn(demoSupervisor, start)
    await this.desk.call('usersList', {})
    this.desk.wait(this.random.int(3, 20) * MINUTE)
    await event(this.desk)
    await this.breaks(demoSupervisor, end)
    this.desk.at(end)
    await this.desk.call('signOut', {})
  }

  private async workSession(user: DemoAccount, start: number, end: number, lockedOutFirst: boolean): Promise<void> {
    if (lockedOutFirst) await this.lockOut(user, start)
    await this.signIn(user, start)
    await this.tickets.startSession(user)
    await this.shiftCalls(user, end)
    await this.tickets.workUntil(user, end)
    this.desk.at(end)
    // Now and then someone walks off signed in; the next sign-in replaces the session.
    if (!this.random.chance(0.08)) await this.desk.call('signOut', {})
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
   * Two to five calls spread over the shift, with a screen lock now and then between them. Stops
   * taking calls when the entry target is near, so the demo keeps to its size.
   */
  private async shiftCalls(user: DemoAccount, end: number): Promise<void> {
    const { desk, random } = this
    const scripts = await this.caller.scripts()
    const calls = random.int(2, 5)
    const from = desk.now()
    for (let index = 1; index <= calls && desk.entries() + ENTRIES_PER_CALL <= this.target; index++) {
      const at = from + ((end - from) * index) / (calls + 1) - random.int(0, 20) * MINUTE
      // The owner works their tickets between calls, each step when it falls due.
      await this.tickets.workUntil(user, at)
      desk.at(at)
      await this.caller.takeCall(scripts, this.tickets.callPlan(user))
      if (index === 1 && user.role === 'agent') await this.tickets.maybeReturnVisit(user)
      if (random.chance(0.3)) await this.screenBreak(user)
    }
  }

  /** Idle or manual screen locks through the session, each unlocked by the same user's PIN. */
  private async breaks(user: DemoAccount, end: number): Promise<void> {
    const { desk, random } = this
    const count = random.int(0, 3)
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

  /** A small demo has days without sessions: a lockout planned for one happens at the next session. */
  private lockoutDue(day: number): boolean {
    const due = this.lockoutDays.findIndex((from) => from <= day)
    if (due < 0) return false
    this.lockoutDays.splice(due, 1)
    return true
  }

  private rotaPick(): DemoAccount {
    const agents = this.staff('agent')
    // Agents with ticket work waiting are on the rota more often (regular shifts), so tickets move on.
    const owed = this.random.chance(0.6) ? this.tickets.preferredUser([...agents, ...this.staff('shiftLead')]) : null
    if (owed) return owed
    return this.random.chance(0.85) ? this.random.pick(agents) : this.random.pick(this.staff('shiftLead'))
  }

  private staff(role: DemoAccount['role']): DemoAccount[] {
    return demoAccounts.filter((user) => user.role === role && this.active.has(user.employeeNo))
  }
}

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
