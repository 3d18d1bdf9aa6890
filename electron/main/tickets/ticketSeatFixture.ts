import type { TicketDetailsInput } from '../../../shared/domain/tickets/kinds'
import type { ChannelName } from '../../../shared/ipc/channels'
import type { RequestOf } from '../../../shared/ipc/contract'
import type { AppErrorPayload } from '../../../shared/ipc/errors'
import type { JournalEntry } from '../../../shared/journal/entry'
import { demoStaff, type DemoAccount } from '../demo/demoAccounts'
import { fixtureSupervisor, openSeatFixture, type SeatFixture } from '../demo/seatFixture'

// A demo seat for the ticket tests: the supervisor, two agents and a shift lead, with the first agent
// signed in and ready. Every request goes through `dispatch`, so the contract and the access table apply.

function staff(employeeNo: string): DemoAccount {
  const account = demoStaff.find((candidate) => candidate.employeeNo === employeeNo)
  if (!account) throw new Error(`no demo account ${employeeNo}`)
  return account
}

export const agentZhang = staff('A001')
export const agentLi = staff('A002')
export const shiftLeadWang = staff('L001')
export const supervisor = { ...fixtureSupervisor, role: 'supervisor' } as const

export async function openTicketSeat(options: { start?: string } = {}): Promise<SeatFixture> {
  const seat = await openSeatFixture(options)
  await seat.signInReady(supervisor.employeeNo, supervisor.pin)
  for (const account of [agentZhang, agentLi, shiftLeadWang]) {
    const { employeeNo, name, role, pin } = account
    await seat.call('userAdd', { employeeNo, name, role, pin })
  }
  await seat.signInReady(agentZhang.employeeNo, agentZhang.pin)
  return seat
}

/** Another user takes the seat (sign-in replaces the open session) and confirms the checklist. */
export async function actAs(seat: SeatFixture, account: { employeeNo: string; pin: string }): Promise<void> {
  await seat.signInReady(account.employeeNo, account.pin)
}

/** After a restart the session comes back locked: its user unlocks it. */
export async function unlockAfterRestart(seat: SeatFixture, account: { pin: string }): Promise<void> {
  await seat.call('sessionUnlock', { pin: account.pin })
}

export async function journalEntries(seat: SeatFixture): Promise<JournalEntry[]> {
  const entries: JournalEntry[] = []
  for (;;) {
    const page = await seat.call('journalRead', { afterSeq: entries.at(-1)?.seq ?? 0, limit: 1000 })
    entries.push(...page.entries)
    if (page.entries.length === 0 || entries.at(-1)?.seq === page.headSeq) return entries
  }
}

export async function entriesOfKind(seat: SeatFixture, kind: string): Promise<JournalEntry[]> {
  return (await journalEntries(seat)).filter((entry) => entry.kind === kind)
}

/** Sends a request that must be refused, proves it wrote nothing, and returns the refusal. */
export async function refusedWithoutWriting<K extends ChannelName>(seat: SeatFixture, channel: K, request: RequestOf<K>): Promise<AppErrorPayload> {
  const head = seat.headSeq()
  const result = await seat.send(channel, request)
  if (result.ok) throw new Error(`${channel} was expected to be refused but answered ${JSON.stringify(result.value)}`)
  if (seat.headSeq() !== head) throw new Error(`${channel} was refused (${result.error.code}) but wrote to the journal`)
  return result.error
}

/** A tracking inquiry whose goods check is still to come (so it cannot be resolved yet). */
export const trackingInquiry = {
  kind: 'trackingInquiry',
  callerPhone: '138 1234 5678',
  customerName: '陈先生',
  callerRole: 'consignee',
  waybillNo: 'sf1234567890',
  goodsCheck: null,
  note: '客户询问货物是否到站',
} as const satisfies TicketDetailsInput

/** A customer's complaint, not in writing, before the investigation. */
export const complaint = {
  kind: 'complaint',
  callerPhone: '139 2233 4455',
  customerName: '刘女士',
  callerRole: 'shipper',
  waybillNo: 'ZT776655443322',
  source: 'customer',
  content: '送货员态度恶劣,未送货上门却要求加收送货费',
  incidentAt: '2026-02-27T10:00:00+08:00',
  writtenClaim: false,
  majorIncident: false,
  beyondAuthority: false,
  responsibility: null,
  remedy: null,
  customerSatisfied: null,
} as const satisfies TicketDetailsInput

/** Opens a ticket as whoever is signed in and returns its id and number. */
export async function openTicket(seat: SeatFixture, details: TicketDetailsInput = trackingInquiry): Promise<{ ticketId: string; ticketNo: string }> {
  const { ticketId, ticketNo } = await seat.call('ticketOpen', { details } as RequestOf<'ticketOpen'>)
  return { ticketId, ticketNo }
}
