import { defaultShiftSettings, shiftTimes, type RosterDay, type ShiftPattern, type ShiftSettings } from '../../../shared/domain/handover/shifts'
import { addCalendarDays, type ChinaDate } from '../../../shared/domain/tickets/chinaTime'
import type { DemoAccount } from './demoAccounts'
import type { DemoRandom } from './random'

// Who sits at the demo seat on which day (DOMAIN.md "Shift and handover", 000 r3). The seat has two
// shifts that meet at the handover: the supervisor sets them up instead of the shipped patterns,
// which overlap (they suit a room of seats, not one). Each open day a morning agent hands over to an
// evening agent, who hands over to the next open day's morning agent; the two shift leads take a
// week each of mornings and evenings; one of the day's two agents is the duty person.

export const demoShiftSettings: ShiftSettings = {
  patterns: [
    { id: 'morning', label: { 'zh-CN': '早班', en: 'Morning' }, start: '08:30', end: '15:30', part: 'morning' },
    { id: 'evening', label: { 'zh-CN': '晚班', en: 'Evening' }, start: '15:30', end: '22:00', part: 'evening' },
  ],
  dutyRule: defaultShiftSettings.dutyRule,
}

const [morningPattern, eveningPattern] = demoShiftSettings.patterns as [ShiftPattern, ShiftPattern]

export interface SeatDay {
  /** Index in the history (0 = the first day). */
  day: number
  date: ChinaDate
  morning: DemoAccount
  evening: DemoAccount
  morningLead: DemoAccount
  eveningLead: DemoAccount
  duty: DemoAccount
}

export interface ShiftWindow {
  start: number
  end: number
}

export interface RosterPlanInput {
  /** Days of history; the plan also covers the day after (the demo's "now"). */
  days: number
  firstDate: ChinaDate
  /** Whether the seat is staffed that day (a small demo leaves days without anyone at the seat). */
  isOpen(day: number): boolean
  /**
   * The agents the supervisor may roster that day: able to sign from the evening of the staffed day
   * before it (`previousOpen`, whose evening page is addressed to that day's morning agent).
   */
  agentsOn(day: number, previousOpen: number | null): readonly DemoAccount[]
  leads: readonly [DemoAccount, DemoAccount]
  random: DemoRandom
}

/** One entry per day of history and one for "now": the staffed days' plan, or null for a closed day. */
export function planSeatDays(input: RosterPlanInput): (SeatDay | null)[] {
  const plan: (SeatDay | null)[] = []
  // Round robin over the agents, so everyone works about as many shifts; the morning agent is never
  // the evening agent of the day before (they would hand the shift over to themselves).
  let turn = 0
  let previousOpen: number | null = null
  let previousEvening: DemoAccount | null = null
  for (let day = 0; day <= input.days; day++) {
    if (day < input.days && !input.isOpen(day)) {
      plan.push(null)
      continue
    }
    const agents = input.agentsOn(day, previousOpen)
    const next = (unlike: DemoAccount | null): DemoAccount => {
      for (let tried = 0; tried < agents.length; tried++) {
        const candidate = agents[turn++ % agents.length] as DemoAccount
        if (candidate !== unlike) return candidate
      }
      throw new Error(`demo: fewer than two agents to roster on day ${day}`)
    }
    const morning = next(previousEvening)
    const evening = next(morning)
    previousOpen = day
    previousEvening = evening
    const week = Math.floor(day / 7) % 2
    const [first, second] = input.leads
    plan.push({
      day,
      date: addCalendarDays(input.firstDate, day),
      morning,
      evening,
      morningLead: week === 0 ? first : second,
      eveningLead: week === 0 ? second : first,
      duty: input.random.chance(0.5) ? morning : evening,
    })
  }
  return plan
}

/** The day as the supervisor enters it in 设置 → 班次与排班. */
export function rosterDayOf(seatDay: SeatDay): RosterDay {
  return {
    date: seatDay.date,
    shifts: [
      { patternId: morningPattern.id, agents: [seatDay.morning.employeeNo], lead: seatDay.morningLead.employeeNo },
      { patternId: eveningPattern.id, agents: [seatDay.evening.employeeNo], lead: seatDay.eveningLead.employeeNo },
    ],
    duty: seatDay.duty.employeeNo,
  }
}

/**
 * When the morning and evening agents work, with the duty rule applied (the duty person comes early
 * to a morning shift or stays late after an evening one; yesterday's evening duty starts late).
 */
export function shiftWindows(seatDay: SeatDay, yesterday: SeatDay | null): { morning: ShiftWindow; evening: ShiftWindow } {
  const rule = demoShiftSettings.dutyRule
  const hadEveningDuty = (user: DemoAccount) =>
    yesterday !== null && yesterday.date === addCalendarDays(seatDay.date, -1) && yesterday.duty === user && yesterday.evening === user
  const window = (pattern: ShiftPattern, user: DemoAccount): ShiftWindow => {
    const times = shiftTimes(seatDay.date, pattern, rule, { onDutyToday: seatDay.duty === user, hadEveningDutyYesterday: hadEveningDuty(user) })
    return { start: Date.parse(times.startsAt), end: Date.parse(times.endsAt) }
  }
  const morning = window(morningPattern, seatDay.morning)
  const evening = window(eveningPattern, seatDay.evening)
  // One seat: the evening agent takes it over when the morning shift ends, whatever the rule says.
  return { morning, evening: { start: morning.end, end: evening.end } }
}
