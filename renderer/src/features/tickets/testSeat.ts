import type { Role } from '../../../../shared/domain/roles'
import type { JournalEntry } from '../../../../shared/journal/entry'
import { useAppStore } from '../../app/appStore'
import { db } from '../../db/schema'
import { journalEntry, seatGenesis, testSession } from '../../testing/fakeApi'
import { projectEntries } from '../../testing/tickets'
import { emptySearch, useTicketsScreen } from './ticketsStore'

// The seat the ticket screens' tests run on: the test seat's supervisor plus two agents, A001 (who
// owns the sample tickets) and A002, with the journal entries a test adds projected after them.

export const AGENTS = [
  { employeeNo: 'A001', name: '张伟', role: 'agent' as Role },
  { employeeNo: 'A002', name: '李娜', role: 'agent' as Role },
]

/** Entries from seq 10 on: the seat and its users take 1–9. */
export const FIRST_SEQ = 10

export function usersEntries(): JournalEntry[] {
  return [
    ...seatGenesis(),
    ...AGENTS.map((agent, index) => journalEntry(3 + index, 'user.added', { ...agent, publicKey: 'a2V5' })),
  ]
}

/** Projects the seat and `entries`, signs `employeeNo` in, and resets what the tickets screen was doing. */
export async function seatWith(entries: JournalEntry[], employeeNo = 'A001'): Promise<void> {
  await projectEntries(db, [...usersEntries(), ...entries])
  const agent = AGENTS.find((candidate) => candidate.employeeNo === employeeNo) ?? AGENTS[0]!
  useAppStore.setState({ session: testSession({ sessionId: `s-${employeeNo}`, user: agent }), screen: 'tickets' })
  useTicketsScreen.setState({ tab: 'search', search: emptySearch, openTicketId: null })
}

/** The instant `minutes` after entry `seq`'s default time (journalEntry: 2026-11-23T01:00Z plus seq minutes). */
export function minutesAfterEntry(seq: number, minutes: number): Date {
  return new Date(Date.UTC(2026, 10, 23, 1, seq + minutes))
}
