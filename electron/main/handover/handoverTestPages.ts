import type { HandoverPage } from '../../../shared/domain/handover/page'
import type { SeatFixture } from '../demo/seatFixture'
import { agentLi, agentZhang, shiftLeadWang } from '../tickets/ticketSeatFixture'

// Pages for the handover tests: Zhang hands over to Li, Wang leads the shift.

export function handoverPage(pageId: string, tickets: ReadonlyArray<{ ticketId: string; ticketNo: string }>, change: Partial<HandoverPage> = {}): HandoverPage {
  return {
    pageId,
    date: '2026-03-02',
    patternId: 'morning',
    outgoing: agentZhang.employeeNo,
    incoming: agentLi.employeeNo,
    lead: shiftLeadWang.employeeNo,
    tickets: tickets.map(({ ticketId, ticketNo }) => ({ ticketId, ticketNo, kind: 'trackingInquiry', nextStep: '联系到站分公司核实到货', dueAt: null })),
    callbacks: [],
    leftoverGoods: [{ itemId: 'lg-1', waybillNo: 'SF1234567890', description: '两箱电子配件滞留中转场', branchTold: true }],
    cases: [],
    equipmentFaults: [],
    notices: [{ itemId: 'nt-1', text: '3月起华东线路报价调整' }],
    remarks: '',
    ...change,
  }
}

/** The owner of a ticket as main sees it: only the owner may move its status (a harmless move and back). */
export async function ownerMayMove(seat: SeatFixture, ticketId: string): Promise<boolean> {
  const result = await seat.send('ticketSetStatus', { ticketId, to: 'waiting', waitingOn: 'customer', note: '' })
  if (!result.ok) return false
  await seat.call('ticketSetStatus', { ticketId, to: 'inProgress', waitingOn: null, note: '' })
  return true
}
