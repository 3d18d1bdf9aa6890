import { afterEach, describe, expect, it } from 'vitest'
import type { SeatFixture } from '../demo/seatFixture'
import { actAs, agentLi, entriesOfKind, openTicket, openTicketSeat, refusedWithoutWriting } from './ticketSeatFixture'

let seat: SeatFixture
afterEach(async () => {
  await seat?.dispose()
})

const customer = { phone: '138 1234 5678', name: '陈先生', role: 'consignee', company: '深圳市宏达电子有限公司', address: '深圳市南山区科技园南区' } as const

describe('the customer archive (001 r1, r3)', () => {
  it('saves a customer under the phone in E.164, with who saved it; an unchanged save writes nothing', async () => {
    seat = await openTicketSeat()
    expect(await seat.call('customerSave', { customer })).toEqual({ ...customer, phone: '+8613812345678' })
    const head = seat.headSeq()
    // Typed another way, the same customer.
    await seat.call('customerSave', { customer: { ...customer, phone: '+86 138-1234-5678' } })
    expect(seat.headSeq()).toBe(head)
    await actAs(seat, agentLi)
    await seat.call('customerSave', { customer: { ...customer, address: '深圳市南山区高新南七道' } })
    const saved = await entriesOfKind(seat, 'customer.saved')
    expect(saved.map((entry) => [entry.actor, entry.payload])).toEqual([
      ['A001', { customer: { ...customer, phone: '+8613812345678' } }],
      ['A002', { customer: { ...customer, phone: '+8613812345678', address: '深圳市南山区高新南七道' } }],
    ])
  })

  it('remembers what was saved across a restart', async () => {
    seat = await openTicketSeat()
    await seat.call('customerSave', { customer })
    await seat.restart()
    await seat.call('sessionUnlock', { pin: '200001' })
    const head = seat.headSeq()
    await seat.call('customerSave', { customer })
    expect(seat.headSeq()).toBe(head)
  })

  it('journals every reveal of a full number with the agent who asked, then answers it', async () => {
    seat = await openTicketSeat()
    const { ticketId } = await openTicket(seat)
    await actAs(seat, agentLi)
    expect(await seat.call('customerRevealPhone', { phone: '138 1234 5678', context: 'ticket', ticketId })).toEqual({ phone: '+8613812345678' })
    expect(await seat.call('customerRevealPhone', { phone: '+8613812345678', context: 'customer', ticketId: null })).toEqual({ phone: '+8613812345678' })
    const reveals = await entriesOfKind(seat, 'customer.phoneRevealed')
    expect(reveals.map((entry) => [entry.actor, entry.payload])).toEqual([
      ['A002', { phone: '+8613812345678', context: 'ticket', ticketId }],
      ['A002', { phone: '+8613812345678', context: 'customer', ticketId: null }],
    ])
    expect(await refusedWithoutWriting(seat, 'customerRevealPhone', { phone: '+8613812345678', context: 'ticket', ticketId: 'no-such-ticket' })).toEqual({
      code: 'unknownTicket',
      params: { ticketId: 'no-such-ticket' },
    })
  })

  it('is closed to a session that has not confirmed the checklist', async () => {
    seat = await openTicketSeat()
    await seat.call('signIn', { employeeNo: agentLi.employeeNo, pin: agentLi.pin })
    expect(await refusedWithoutWriting(seat, 'customerRevealPhone', { phone: '+8613812345678', context: 'call', ticketId: null })).toEqual({
      code: 'checklistPending',
    })
    expect(await refusedWithoutWriting(seat, 'customerSave', { customer })).toEqual({ code: 'checklistPending' })
  })
})
