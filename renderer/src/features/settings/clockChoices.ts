import {
  clockConditions,
  clocksForTicket,
  type DeadlineClock,
} from '../../../../shared/domain/tickets/deadlines'
import { ticketDetailsSchema, type TicketDetails, type TicketKind } from '../../../../shared/domain/tickets/kinds'

// What the clock editor offers for each kind, worked out from the domain itself rather than restated:
// a condition or start point the kind's tickets can never meet would make a clock that never runs.

export type ClockCondition = DeadlineClock['when']
export type Language = 'zh-CN' | 'en'

/** A clock's name in the screen's language; the other language, then its id, while a label is blank. */
export function clockName(clock: DeadlineClock, language: Language): string {
  const other: Language = language === 'en' ? 'zh-CN' : 'en'
  return clock.label[language].trim() || clock.label[other].trim() || clock.id
}

// A ticket of the kind with every condition flag set. clocksForTicket reads only `kind` and these flags,
// so asking it which probe clocks run answers "which conditions can this kind ever meet".
const everyConditionMet = (kind: TicketKind) =>
  ({ kind, writtenClaim: true, majorIncident: true, beyondAuthority: true, source: 'regulatorForwarded' }) as unknown as TicketDetails

/** The conditions under which a clock of `kind` can run (always, plus the kind's own flags). */
export function conditionsFor(kind: TicketKind): ClockCondition[] {
  const probes: DeadlineClock[] = clockConditions.map((when) => ({
    id: when,
    kind,
    label: { 'zh-CN': when, en: when },
    amount: 1,
    unit: 'hours',
    from: 'opened',
    when,
    pauseWhileWaitingOnCustomer: false,
  }))
  const running = clocksForTicket({ clocks: probes, regulatorRule: { enabled: false, replyBeforeAppealDays: 7, forwardedAppealAnswerDays: 15 } }, everyConditionMet(kind))
  return running.map((clock) => clock.when)
}

// A clock "from the incident" needs the incident time on the ticket: only kinds whose form asks for it.
const kindsWithIncidentTime = new Set<TicketKind>(
  ticketDetailsSchema.options.filter((option) => 'incidentAt' in option.shape).map((option) => option.shape.kind.value),
)

export function canRunFromIncident(kind: TicketKind): boolean {
  return kindsWithIncidentTime.has(kind)
}

const ID_MAX = 60

/**
 * A new clock's id: `<kind>.<slug of the English label>`, made unique with -2, -3… Tickets record done
 * steps by clock id, so an id is fixed once created; renaming the label later leaves it alone.
 */
export function newClockId(kind: TicketKind, englishLabel: string, taken: ReadonlySet<string>): string {
  const slug =
    englishLabel
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'clock'
  const base = `${kind}.${slug}`
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
  if (id.length > ID_MAX) throw new RangeError(`clock id too long: ${id}`)
  return id
}
