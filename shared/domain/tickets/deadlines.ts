import { z } from 'zod'
import {
  addCalendarDays,
  addCalendarMonths,
  chinaDateOf,
  chinaDayEndMs,
  chinaDayStartMs,
  DAY_MS,
  instantMs,
  type ChinaDate,
  type Instant,
} from './chinaTime'
import { ticketKindSchema, type TicketDetails } from './kinds'
import type { CalendarNotCovered, WorkingDayCalendar } from './workingDays'

// Each kind's clocks (DOMAIN.md "Request kinds", the complaint clock and the claim clock) as data a
// supervisor edits. How a clock counts:
// - minutes / hours: elapsed time from the start instant.
// - calendarDays / calendarMonths / workingDays: the day of the start (in China, +08:00) does not count
//   (民法典 art. 201: "开始的当日不计入"); the clock ends at 24:00 of the last day (art. 203: "截止时间为
//   二十四时"). "Within 1 working day" of a complaint opened on Friday before the National Day week, or
//   on a Saturday, or at 23:00, is therefore the end of the next working day after that date. 0 calendar
//   days means "the same day" (data changes go to the branch the same day).
// - calendarMonths: the same day n months on, or that month's last day (art. 202).
export const clockUnits = ['minutes', 'hours', 'calendarDays', 'calendarMonths', 'workingDays'] as const
export type ClockUnit = (typeof clockUnits)[number]

/** Clocks that run only for some tickets: a major incident, a case beyond the branch's authority… */
export const clockConditions = ['always', 'writtenClaim', 'majorIncident', 'beyondAuthority', 'regulatorForwarded'] as const

const labelSchema = z.strictObject({
  'zh-CN': z.string().trim().min(1, { error: 'required' }).max(40, { error: 'tooLong' }),
  en: z.string().trim().min(1, { error: 'required' }).max(80, { error: 'tooLong' }),
})

export const deadlineClockSchema = z
  .strictObject({
    id: z.string().min(1).max(60).regex(/^[a-zA-Z0-9.-]+$/, { error: 'clockId' }),
    kind: ticketKindSchema,
    label: labelSchema,
    amount: z.number({ error: 'required' }).int({ error: 'amountWhole' }).min(0, { error: 'amountNegative' }).max(10_000, { error: 'amountTooLarge' }),
    unit: z.enum(clockUnits, { error: 'choose' }),
    from: z.enum(['opened', 'incident'], { error: 'choose' }),
    when: z.enum(clockConditions, { error: 'choose' }),
    /** The supervisor's choice: the clock stands still while the ticket waits on the customer. */
    pauseWhileWaitingOnCustomer: z.boolean(),
  })
  // Only a day count can be zero ("the same day"); a zero-minute clock would be overdue on opening.
  .refine((clock) => clock.amount > 0 || clock.unit === 'calendarDays', { path: ['amount'], error: 'amountPositive' })
export type DeadlineClock = z.infer<typeof deadlineClockSchema>

/**
 * The express-industry regulator's complaint limits (邮政业用户申诉 rules; DOMAIN.md cites the 2011
 * text — check the current one before relying on the numbers): a customer without a reply after 7 days
 * may appeal to 12305; an appeal the regulator forwards is answered within 15 days. Calendar days.
 */
export const regulatorRuleSchema = z.strictObject({
  enabled: z.boolean(),
  replyBeforeAppealDays: z.number().int().min(1, { error: 'amountPositive' }).max(60, { error: 'amountTooLarge' }),
  forwardedAppealAnswerDays: z.number().int().min(1, { error: 'amountPositive' }).max(60, { error: 'amountTooLarge' }),
})
export type RegulatorRule = z.infer<typeof regulatorRuleSchema>

export const deadlineSettingsSchema = z
  .strictObject({
    clocks: z.array(deadlineClockSchema).max(200, { error: 'tooMany' }),
    regulatorRule: regulatorRuleSchema,
  })
  .refine((settings) => new Set(settings.clocks.map((clock) => clock.id)).size === settings.clocks.length, {
    path: ['clocks'],
    error: 'duplicateClockId',
  })
export type DeadlineSettings = z.infer<typeof deadlineSettingsSchema>

const clock = (
  id: string,
  kind: DeadlineClock['kind'],
  zh: string,
  en: string,
  amount: number,
  unit: ClockUnit,
  from: DeadlineClock['from'] = 'opened',
  when: DeadlineClock['when'] = 'always',
): DeadlineClock => ({ id, kind, label: { 'zh-CN': zh, en }, amount, unit, from, when, pauseWhileWaitingOnCustomer: false })

// Kinds with no clock here are settled on the call (consultation, order) or tracked to an event
// (damage: finance before settlement; misroute: until delivered; return visits: the weekly summary).
export const defaultDeadlineClocks: DeadlineClock[] = [
  clock('trackingInquiry.answer', 'trackingInquiry', '回复客户', 'Answer the customer', 5, 'minutes'), // 001 篇4 r2
  clock('dataChange.passToBranch', 'dataChange', '当日通知分公司', 'Pass to the branch the same day', 0, 'calendarDays'), // 000 r7
  clock('overcharge.settle', 'overcharge', '处理完毕并致歉', 'Settle and apologise', 2, 'hours'), // 001 篇4 r4
  clock('businessLead.followUp', 'businessLead', '电话跟进发货人', 'Follow up with the shipper', 10, 'minutes'), // 001 篇4 r9
  // 002 投诉各岗位工作标准. The 10 / 40 / 60 series runs from the incident, as the seed says for the payment.
  clock('complaint.preliminaryInvestigation', 'complaint', '前期调查', 'Preliminary investigation', 1, 'workingDays'),
  clock('complaint.apologyLetter', 'complaint', '致歉信', 'Apology letter', 1, 'workingDays', 'opened', 'writtenClaim'),
  clock('complaint.negotiationLetter', 'complaint', '商洽函', 'Letter of negotiation', 2, 'workingDays', 'opened', 'writtenClaim'),
  clock('complaint.responsibilityConfirmation', 'complaint', '向责任方发事故确认函', 'Responsibility confirmation', 10, 'workingDays', 'incident'),
  clock('complaint.hqArbitration', 'complaint', '追偿无果报总公司仲裁', 'HQ arbitration', 40, 'workingDays', 'incident'),
  clock('complaint.accountAdjustment', 'complaint', '报经理调帐', 'Account adjustment', 60, 'workingDays', 'incident'),
  clock('complaint.customerPaid', 'complaint', '客户赔付', 'Customer paid', 60, 'workingDays', 'incident'),
  clock('complaint.beyondAuthority', 'complaint', '超权限上报审批', 'Report for approval', 10, 'workingDays', 'opened', 'beyondAuthority'),
  clock('complaint.majorIncidentReport', 'complaint', '重大事故上报总公司', 'Report the major incident to HQ', 24, 'hours', 'opened', 'majorIncident'),
  // 002 保险理赔工作标准
  clock('claim.preliminaryInvestigation', 'claim', '前期调查取证', 'Preliminary investigation', 3, 'workingDays'),
  clock('claim.reportToInsurer', 'claim', '报保险公司', 'Report to the insurer', 2, 'workingDays'),
  clock('claim.branchProposal', 'claim', '分公司提出赔案处理办法', 'Branch proposal', 5, 'workingDays'),
  clock('claim.beyondAuthority', 'claim', '无法处理上报审批', 'Report for approval', 10, 'workingDays', 'opened', 'beyondAuthority'),
  clock('claim.customerPaid', 'claim', '客户赔付', 'Customer paid', 2, 'calendarMonths', 'incident'),
]

export const defaultDeadlineSettings: DeadlineSettings = {
  clocks: defaultDeadlineClocks,
  regulatorRule: { enabled: false, replyBeforeAppealDays: 7, forwardedAppealAnswerDays: 15 },
}

/** The regulator's limits as clocks, when the supervisor has switched the rule on. */
export function regulatorClocks(rule: RegulatorRule): DeadlineClock[] {
  if (!rule.enabled) return []
  return [
    clock('complaint.regulator.replyBeforeAppeal', 'complaint', '7日内答复(否则可申诉)', 'Reply before the customer may appeal', rule.replyBeforeAppealDays, 'calendarDays'),
    clock('complaint.regulator.forwardedAppealAnswer', 'complaint', '答复转办申诉', 'Answer the forwarded appeal', rule.forwardedAppealAnswerDays, 'calendarDays', 'opened', 'regulatorForwarded'),
  ]
}

/** The clocks that run for this ticket: its kind's, whose condition its details meet. */
export function clocksForTicket(settings: DeadlineSettings, details: TicketDetails): DeadlineClock[] {
  const meets = (when: DeadlineClock['when']): boolean => {
    switch (when) {
      case 'always':
        return true
      case 'writtenClaim':
        return details.kind === 'complaint' && details.writtenClaim
      case 'majorIncident':
        return details.kind === 'complaint' && details.majorIncident
      case 'beyondAuthority':
        return (details.kind === 'complaint' || details.kind === 'claim') && details.beyondAuthority
      case 'regulatorForwarded':
        return details.kind === 'complaint' && details.source === 'regulatorForwarded'
    }
  }
  return [...settings.clocks, ...regulatorClocks(settings.regulatorRule)].filter((c) => c.kind === details.kind && meets(c.when))
}

/** A time the ticket waited on the customer; `to` null while it still waits. */
export type Pause = { from: Instant; to: Instant | null }

export type ClockStart = {
  openedAt: Instant
  /** Needed by clocks that run from the incident. */
  incidentAt?: Instant | null
  /** Honoured only by clocks with pauseWhileWaitingOnCustomer. */
  pauses?: readonly Pause[]
  /** Ends a pause still open; required when one is. */
  now?: Instant
}

export type DueResult =
  | {
      ok: true
      /** ISO instant (UTC); overdue once now ≥ dueAt. */
      dueAt: string
      /** The last day in China, for day-counted clocks; null for minutes and hours. */
      dueDate: ChinaDate | null
      /** Waiting time that moved the deadline, in ms (working-day clocks: whole days of it). */
      pausedMs: number
      /** A pause is still open: the deadline keeps moving until it ends. */
      pausedNow: boolean
    }
  | CalendarNotCovered
  | { ok: false; reason: 'incidentTimeMissing' }

type Interval = { from: number; to: number }

function mergedPauses(pauses: readonly Pause[], now: Instant | undefined): { intervals: Interval[]; openFromMs: number | null } {
  let openFromMs: number | null = null
  const raw = pauses.map((pause) => {
    if (pause.to === null) {
      if (now === undefined) throw new RangeError('an open pause needs `now`')
      openFromMs = instantMs(pause.from)
    }
    return { from: instantMs(pause.from), to: instantMs(pause.to ?? (now as Instant)) }
  })
  const intervals: Interval[] = []
  for (const interval of raw.filter((i) => i.to > i.from).sort((a, b) => a.from - b.from)) {
    const last = intervals.at(-1)
    if (last && interval.from <= last.to) last.to = Math.max(last.to, interval.to)
    else intervals.push({ ...interval })
  }
  return { intervals, openFromMs }
}

/**
 * When a clock falls due.
 *
 * Pauses: a minutes/hours/calendar clock moves on by the time spent waiting before it fell due (a pause
 * that pushes the deadline out can bring a later pause inside it). A working-day clock moves on by the
 * waiting time that fell on working days within its count, in whole 24-hour days, rounded down: two
 * full working days waiting add two working days; an afternoon's wait adds none.
 */
export function dueAt(clock: DeadlineClock, start: ClockStart, calendar: WorkingDayCalendar): DueResult {
  const origin = clock.from === 'opened' ? start.openedAt : start.incidentAt
  if (origin === null || origin === undefined) return { ok: false, reason: 'incidentTimeMissing' }
  const originMs = instantMs(origin)
  const { intervals, openFromMs } = clock.pauseWhileWaitingOnCustomer ? mergedPauses(start.pauses ?? [], start.now) : { intervals: [], openFromMs: null }
  const done = (dueMs: number, dueDate: ChinaDate | null, pausedMs: number): DueResult => ({
    ok: true,
    dueAt: new Date(dueMs).toISOString(),
    dueDate,
    pausedMs,
    // Only a wait that began before the deadline holds the clock: waiting on the customer after a
    // ticket fell due must not take it off the overdue lists.
    pausedNow: openFromMs !== null && openFromMs < dueMs,
  })

  if (clock.unit === 'workingDays') return workingDaysDue(clock.amount, chinaDateOf(originMs), intervals, calendar, done)

  const startDate = chinaDateOf(originMs)
  const baseMs =
    clock.unit === 'minutes'
      ? originMs + clock.amount * 60_000
      : clock.unit === 'hours'
        ? originMs + clock.amount * 3_600_000
        : chinaDayEndMs(clock.unit === 'calendarDays' ? addCalendarDays(startDate, clock.amount) : addCalendarMonths(startDate, clock.amount))
  let dueMs = baseMs
  for (const interval of intervals) {
    if (interval.from >= dueMs) break
    const from = Math.max(interval.from, originMs)
    if (interval.to > from) dueMs += interval.to - from
  }
  const dayCounted = clock.unit === 'calendarDays' || clock.unit === 'calendarMonths'
  return done(dueMs, dayCounted ? chinaDateOf(dueMs - 1) : null, dueMs - baseMs)
}

function workingDaysDue(
  amount: number,
  startDate: ChinaDate,
  intervals: Interval[],
  calendar: WorkingDayCalendar,
  done: (dueMs: number, dueDate: ChinaDate, pausedMs: number) => DueResult,
): DueResult {
  // Counting starts at 00:00 of the day after the start date; waiting on the start day moves nothing.
  const countFromMs = chinaDayStartMs(addCalendarDays(startDate, 1))
  let extraDays = 0
  for (;;) {
    const due = calendar.addWorkingDays(startDate, amount + extraDays)
    if (!due.ok) return due
    const dueMs = chinaDayEndMs(due.value)
    const paused = pausedWorkingMs(intervals, countFromMs, dueMs, calendar)
    if (!paused.ok) return paused
    const needed = Math.floor(paused.value / DAY_MS)
    // Each pass can only bring more waiting inside the count, so the extension only grows; it stops
    // once the deadline covers all the waiting that falls before it.
    if (needed <= extraDays) return done(dueMs, due.value, extraDays * DAY_MS)
    extraDays = needed
  }
}

function pausedWorkingMs(
  intervals: Interval[],
  fromMs: number,
  toMs: number,
  calendar: WorkingDayCalendar,
): { ok: true; value: number } | CalendarNotCovered {
  let total = 0
  for (const interval of intervals) {
    const from = Math.max(interval.from, fromMs)
    const to = Math.min(interval.to, toMs)
    for (let date = chinaDateOf(from); from < to && chinaDayStartMs(date) < to; date = addCalendarDays(date, 1)) {
      const working = calendar.isWorkingDay(date)
      if (!working.ok) return working
      if (working.value) total += Math.min(to, chinaDayEndMs(date)) - Math.max(from, chinaDayStartMs(date))
    }
  }
  return { ok: true, value: total }
}

export type DeadlineStatus = 'running' | 'dueSoon' | 'overdue'

/** For the due-soon and overdue lists. */
export function deadlineStatus(due: string, now: Instant, dueSoonMs: number): DeadlineStatus {
  const left = instantMs(due) - instantMs(now)
  return left <= 0 ? 'overdue' : left <= dueSoonMs ? 'dueSoon' : 'running'
}
