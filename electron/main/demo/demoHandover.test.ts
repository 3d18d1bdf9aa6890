import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readCheckpoints } from '../handover/checkpointFile'
import { ownerMayMove } from '../handover/handoverTestPages'
import { verifyBook } from '../handover/verifyBook'
import { verifyJournalDirectory } from '../journal/verifyJournalDirectory'
import { agentLi, agentZhang, entriesOfKind, openTicket, openTicketSeat, shiftLeadWang } from '../tickets/ticketSeatFixture'
import { handOverShift, type HandedOverShift } from './demoHandover'
import { DemoDesk } from './demoDesk'
import { seededRandom, type DemoRandom } from './random'
import type { SeatFixture } from './seatFixture'

let seat: SeatFixture
afterEach(async () => {
  await seat?.dispose()
})

/** Every "now and then" happens: a draft first, a refusal of the first item, a correction. */
const everythingHappens: DemoRandom = {
  next: () => 0,
  chance: () => true,
  int: (min) => min,
  pick: (items) => {
    const [first] = items
    if (first === undefined) throw new Error('pick from an empty list')
    return first
  },
}

const DAY = 24 * 60 * 60_000

describe('the demo handover of a shift', () => {
  it('hands three days of shifts over, each page countersigned, tickets moving with the pages', async () => {
    seat = await openTicketSeat()
    const desk = new DemoDesk(seat.services, seat.clock)
    const random = seededRandom(7)
    const zhangs = [await openTicket(seat), await openTicket(seat), await openTicket(seat)]

    const days: HandedOverShift[] = []
    // Zhang hands over to Li, Li (having opened one of her own) back to Zhang, and Zhang to Li again.
    const rota = [
      { date: '2026-03-02', outgoing: agentZhang, incoming: agentLi },
      { date: '2026-03-03', outgoing: agentLi, incoming: agentZhang },
      { date: '2026-03-04', outgoing: agentZhang, incoming: agentLi },
    ]
    for (const [index, shift] of rota.entries()) {
      if (index > 0) {
        desk.at(Date.parse(`${shift.date}T01:00:00Z`))
        await seat.signInReady(shift.outgoing.employeeNo, shift.outgoing.pin)
        if (index === 1) await openTicket(seat)
      }
      const owedBefore = await ownedOpenTicketIds(seat, shift.outgoing.employeeNo)
      desk.at(Date.parse(`${shift.date}T09:00:00Z`))
      const result = await handOverShift(desk, { ...shift, lead: shiftLeadWang, random })
      days.push(result)

      // The incoming agent holds the seat now; accepted tickets are theirs, refused ones are not.
      expect((await seat.call('sessionCurrent', {}))?.user.employeeNo).toBe(shift.incoming.employeeNo)
      const refusedIds = new Set(result.refused.filter((ref) => ref.startsWith('tickets:')).map((ref) => ref.slice('tickets:'.length)))
      expect(result.movedTicketIds.sort()).toEqual(owedBefore.filter((id) => !refusedIds.has(id)).sort())
      for (const ticketId of owedBefore) expect(await ownerMayMove(seat, ticketId)).toBe(!refusedIds.has(ticketId))
      seat.clock.advance(DAY / 4)
    }
    expect(days.map((day) => day.pageId)).toHaveLength(new Set(days.map((day) => day.pageId)).size)
    // Zhang's three tickets were on the first page, and the pages carried tickets at all.
    expect(zhangs.every(({ ticketId }) => days[0]?.movedTicketIds.includes(ticketId) || days[0]?.refused.includes(`tickets:${ticketId}`))).toBe(true)
    expect(days.flatMap((day) => day.movedTicketIds).length).toBeGreaterThanOrEqual(3)

    const countersigned = await entriesOfKind(seat, 'handover.countersigned')
    expect(countersigned.map((entry) => (entry.payload as { pageId: string }).pageId)).toEqual(days.map((day) => day.pageId))
    expect(countersigned.every((entry) => entry.actor === shiftLeadWang.employeeNo)).toBe(true)
    expect((await readCheckpoints(seat.dataDir)).lines).toHaveLength(3)
    expect(await verifyBook({ journalDirectory: join(seat.dataDir, 'journal'), dataDir: seat.dataDir })).toMatchObject({ ok: true, pages: 3, checkpoints: 3, problems: [] })
    expect(await verifyJournalDirectory(join(seat.dataDir, 'journal'))).toMatchObject({ status: 'intact' })
  })

  it('keeps a refused ticket with the outgoing agent and lets the lead or agent correct the page', async () => {
    seat = await openTicketSeat()
    const desk = new DemoDesk(seat.services, seat.clock)
    const first = await openTicket(seat)
    const second = await openTicket(seat)
    const result = await handOverShift(desk, { date: '2026-03-02', outgoing: agentZhang, incoming: agentLi, lead: shiftLeadWang, random: everythingHappens })

    // Items come in ticket-number order and the first is refused.
    expect(result.refused).toEqual([`tickets:${first.ticketId}`])
    expect(result.movedTicketIds).toEqual([second.ticketId])
    expect(await ownerMayMove(seat, first.ticketId)).toBe(false)
    expect(await ownerMayMove(seat, second.ticketId)).toBe(true)
    expect(result.corrected).toBe(true)
    expect(await entriesOfKind(seat, 'handover.drafted')).toHaveLength(1)
    expect(await entriesOfKind(seat, 'handover.corrected')).toHaveLength(1)
    const [signed] = await entriesOfKind(seat, 'handover.signed')
    expect(signed?.payload).toMatchObject({
      page: { leftoverGoods: [expect.objectContaining({ waybillNo: expect.stringMatching(/^JT\d{13}$/) })], equipmentFaults: [expect.anything()], notices: [expect.anything()] },
    })

    // The next handover (Li's) must carry only what Li owns: the refused ticket stays off her page.
    const next = await handOverShift(desk, { date: '2026-03-03', outgoing: agentLi, incoming: agentZhang, lead: shiftLeadWang, random: seededRandom(3) })
    const [, secondPage] = await entriesOfKind(seat, 'handover.signed')
    expect((secondPage?.payload as { page: { tickets: { ticketId: string }[] } }).page.tickets.map((item) => item.ticketId)).toEqual([second.ticketId])
    expect(next.pageId).not.toBe(result.pageId)
    expect((await seat.call('handoverVerify', {})).ok).toBe(true)
  })

  it('leaves a ticket offered to a colleague to that offer', async () => {
    seat = await openTicketSeat()
    const desk = new DemoDesk(seat.services, seat.clock)
    const kept = await openTicket(seat)
    const offered = await openTicket(seat)
    const { transferId } = await seat.call('ticketTransferOffer', { ticketIds: [offered.ticketId], to: shiftLeadWang.employeeNo, reason: '需组长跟进' })
    const result = await handOverShift(desk, { date: '2026-03-02', outgoing: agentZhang, incoming: agentLi, lead: shiftLeadWang, random: seededRandom(11) })
    expect(result.refused).toContain(`tickets:${offered.ticketId}`)
    expect(result.movedTicketIds).toEqual(result.refused.includes(`tickets:${kept.ticketId}`) ? [] : [kept.ticketId])
    // The lead accepts the offer in their own session: the ticket goes to them, as offered.
    await seat.signInReady(shiftLeadWang.employeeNo, shiftLeadWang.pin)
    await seat.call('ticketTransferAccept', { transferId, pin: shiftLeadWang.pin })
    expect(await ownerMayMove(seat, offered.ticketId)).toBe(true)
  })
})

/** The open tickets an agent owns, as main decides it: the ones whose status they may move. */
async function ownedOpenTicketIds(fixture: SeatFixture, employeeNo: string): Promise<string[]> {
  const opened = await entriesOfKind(fixture, 'ticket.opened')
  const session = await fixture.call('sessionCurrent', {})
  if (session?.user.employeeNo !== employeeNo) throw new Error(`${employeeNo} is not at the seat`)
  const owned: string[] = []
  for (const entry of opened) {
    const { ticketId } = entry.payload as { ticketId: string }
    if (await ownerMayMove(fixture, ticketId)) owned.push(ticketId)
  }
  return owned
}
