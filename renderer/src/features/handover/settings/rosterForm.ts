import type { RosterDay, ShiftPattern } from '../../../../../shared/domain/handover/shifts'
import type { ChinaDate } from '../../../../../shared/domain/tickets/chinaTime'

// The roster editor holds one entry per pattern (agents and lead), whether worked that day or not;
// the request names only the patterns someone works.

export interface RosterShiftValues {
  agents: string[]
  lead: string | null
}

export interface RosterFormValues {
  shifts: Record<string, RosterShiftValues>
  duty: string | null
}

export function rosterFormValues(patterns: ShiftPattern[], day: RosterDay | null): RosterFormValues {
  return {
    shifts: Object.fromEntries(
      patterns.map((pattern) => {
        const shift = day?.shifts.find((candidate) => candidate.patternId === pattern.id)
        return [pattern.id, { agents: shift ? [...shift.agents] : [], lead: shift?.lead ?? null }]
      }),
    ),
    duty: day?.duty ?? null,
  }
}

/** A pattern with nobody and no lead chosen is not worked that day; one half-filled is sent, and refused. */
export function rosterDayOf(date: ChinaDate, patterns: ShiftPattern[], values: RosterFormValues): RosterDay {
  return {
    date,
    shifts: patterns.flatMap((pattern) => {
      const shift = values.shifts[pattern.id]
      if (!shift || (shift.agents.length === 0 && !shift.lead)) return []
      return [{ patternId: pattern.id, agents: shift.agents, lead: shift.lead ?? '' }]
    }),
    duty: values.duty,
  }
}

/** Where a request path (`shifts.1.agents`) lands in the form (`shifts.evening.agents`). */
export function rosterFormPath(day: RosterDay, path: string): string {
  const match = /^shifts\.(\d+)(\..*)?$/.exec(path)
  if (!match) return path
  const patternId = day.shifts[Number(match[1])]?.patternId
  return patternId ? `shifts.${patternId}${match[2] ?? ''}` : path
}
