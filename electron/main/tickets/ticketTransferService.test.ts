import { afterEach, describe, expect, it } from 'vitest'
import type { Attestation } from '../../../shared/journal/kinds'
import type { SeatFixture } from '../demo/seatFixture'
import { verifyAttestation } from '../identity/attest'
import {
  actAs,
  agentLi,
  agentZhang,
  complaint,
  entriesOfKind,
  openTicket,
  openTicketSeat,
  refusedWithoutWriting,
  shiftLeadWang,
  supervisor,
  trackingInquiry,
  unlockAfterRestart,
} from './ticketSeatFixture'

let seat: SeatFixture
afterEach(async () => {
  await seat?.dispose()
})

/** Whether `account` may move the ticket now: only its owner can (a harmless, allowed move). */
async function owns(account: { employeeNo: string; pin: string }, ticketId: string): Promise<boolean> {
  await actAs(seat, account)
  const result = await seat.send('ticketSetStatus', { ticketId, to: 'waiting', waitingOn: 'customer', note: '' })
  if (result.ok) {
    await seat.call('ticketSetStatus', { ticketId, to: 'inProgress', waitingOn: null, note: '' })
    return true
  }
  expect(result.error.code).toBe('notTicketOwner')
  return false
}

describe('offering tickets', () => {
  it('is for the owner of every ticket named, to an active colleague, one open offer per ticket', async () => {
    seat = await openTicketSeat()
    const mine = await openTicket(seat)
    await actAs(seat, agentLi)
    const hers = await openTicket(seat, complaint)
    await actAs(seat, agentZhang)
    const offer = (ticketIds: string[], to: string) => ({ ticketIds, to, reason: '交接班移交' })

    expect(await refusedWithoutWriting(seat, 'ticketTransferOffer', offer([mine.ticketId, hers.ticketId], 'L001'))).toEqual({
      code: 'notTicketOwner',
      params: { ticketId: hers.ticketId, owner: 'A002' },
    })
    expect(await refusedWithoutWriting(seat, 'ticketTransferOffer', offer([mine.ticketId], 'A001'))).toEqual({ code: 'transferToSelf' })
    expect(await refusedWithoutWriting(seat, 'ticketTransferOffer', offer([mine.ticketId], 'A999'))).toEqual({
      code: 'unknownUser',
      params: { employeeNo: 'A999' },
    })
    expect(await refusedWithoutWriting(seat, 'ticketTransferOffer', offer(['no-such-ticket'], 'L001'))).toMatchObject({ code: 'unknownTicket' })

    // A disabled colleague cannot take tickets on.
    await actAs(seat, supervisor)
    await seat.call('userSetActive', { employeeNo: 'L001', active: false })
    await actAs(seat, agentZhang)
    expect(await refusedWithoutWriting(seat, 'ticketTransferOffer', offer([mine.ticketId], 'L001'))).toEqual({
      code: 'unknownUser',
      params: { employeeNo: 'L001' },
    })

    const { transferId } = await seat.call('ticketTransferOffer', offer([mine.ticketId, mine.ticketId], 'A002'))
    const [offered] = await entriesOfKind(seat, 'ticket.transferOffered')
    expect(offered).toMatchObject({ actor: 'A001', payload: { transferId, ticketIds: [mine.ticketId], from: 'A001', to: 'A002', reason: '交接班移交' } })
    // Offered twice, to anyone: refused while the first offer is open.
    const second = await openTicket(seat)
    expect(await refusedWithoutWriting(seat, 'ticketTransferOffer', offer([second.ticketId, mine.ticketId], 'S001'))).toEqual({
      code: 'ticketInTransfer',
      params: { ticketId: mine.ticketId },
    })
  })

  it('changes nothing until it is accepted', async () => {
    seat = await openTicketSeat()
    const { ticketId } = await openTicket(seat)
    await seat.call('ticketTransferOffer', { ticketIds: [ticketId], to: 'A002', reason: '下班移交' })
    expect(await owns(agentLi, ticketId)).toBe(false)
    expect(await owns(agentZhang, ticketId)).toBe(true)
    // The owner still owns it, so may still correct it.
    await seat.call('ticketUpdate', { ticketId, details: { ...trackingInquiry, goodsCheck: 'goodsNotFound' } })
  })
})

describe('accepting an offer', () => {
  it('takes the receiving user, signed in, with their PIN; then every ticket is theirs', async () => {
    seat = await openTicketSeat()
    const first = await openTicket(seat)
    const second = await openTicket(seat, complaint)
    const ticketIds = [first.ticketId, second.ticketId]
    const { transferId } = await seat.call('ticketTransferOffer', { ticketIds, to: 'A002', reason: '交接班移交' })

    // The offerer (or anyone else) cannot accept on the receiver's behalf.
    expect(await refusedWithoutWriting(seat, 'ticketTransferAccept', { transferId, pin: agentLi.pin })).toEqual({ code: 'transferNotForYou' })
    await actAs(seat, supervisor)
    expect(await refusedWithoutWriting(seat, 'ticketTransferAccept', { transferId, pin: supervisor.pin })).toEqual({ code: 'transferNotForYou' })

    await actAs(seat, agentLi)
    expect(await refusedWithoutWriting(seat, 'ticketTransferAccept', { transferId: 'no-such-transfer', pin: agentLi.pin })).toEqual({
      code: 'unknownTransfer',
    })
    await seat.call('ticketTransferAccept', { transferId, pin: agentLi.pin })

    const [accepted] = await entriesOfKind(seat, 'ticket.transferAccepted')
    expect(accepted).toMatchObject({ actor: 'A002', payload: { transferId, attestation: { employeeNo: 'A002' } } })
    // The receiver's own signature over what they took on.
    const keyOf = async (employeeNo: string) =>
      ((await entriesOfKind(seat, 'user.added')).find((entry) => (entry.payload as { employeeNo: string }).employeeNo === employeeNo)?.payload as { publicKey: string })
        .publicKey
    const signed = accepted?.payload as { transferId: string; ticketIds: string[]; from: string; to: string; attestation: Attestation }
    // The entry carries the terms it signs, so the journal verifier checks it like a sign-in.
    expect(signed).toMatchObject({ transferId, ticketIds, from: 'A001', to: 'A002' })
    expect(verifyAttestation(await keyOf('A002'), 'ticket.transferAccepted', signed)).toBe(true)
    expect(verifyAttestation(await keyOf('A001'), 'ticket.transferAccepted', signed)).toBe(false)
    expect(verifyAttestation(await keyOf('A002'), 'ticket.transferAccepted', { ...signed, ticketIds: [first.ticketId] })).toBe(false)

    for (const ticketId of ticketIds) {
      expect(await owns(agentLi, ticketId)).toBe(true)
      expect(await owns(agentZhang, ticketId)).toBe(false)
    }
    // Settled: a second answer is refused, and the tickets can be offered again by their new owner.
    await actAs(seat, agentLi)
    expect(await refusedWithoutWriting(seat, 'ticketTransferAccept', { transferId, pin: agentLi.pin })).toEqual({ code: 'transferNotOffered' })
    expect(await refusedWithoutWriting(seat, 'ticketTransferDecline', { transferId, reason: '不接' })).toEqual({ code: 'transferNotOffered' })
    await seat.call('ticketTransferOffer', { ticketIds, to: 'A001', reason: '还给首问人' })
  })

  it('with a wrong PIN changes nothing and counts toward the lockout', async () => {
    seat = await openTicketSeat()
    const { ticketId } = await openTicket(seat)
    const { transferId } = await seat.call('ticketTransferOffer', { ticketIds: [ticketId], to: 'A002', reason: '交接班移交' })
    await actAs(seat, agentLi)
    expect(await refusedWithoutWriting(seat, 'ticketTransferAccept', { transferId, pin: '999999' })).toEqual({
      code: 'badCredentials',
      params: { remaining: 4 },
    })
    expect(await refusedWithoutWriting(seat, 'ticketTransferAccept', { transferId, pin: '999998' })).toEqual({
      code: 'badCredentials',
      params: { remaining: 3 },
    })
    expect(await entriesOfKind(seat, 'ticket.transferAccepted')).toEqual([])
    expect(await owns(agentZhang, ticketId)).toBe(true)
    // The offer still stands: the right PIN takes it.
    await actAs(seat, agentLi)
    await seat.call('ticketTransferAccept', { transferId, pin: agentLi.pin })
    expect(await owns(agentLi, ticketId)).toBe(true)
  })

  it('still works after a restart: the open offer is rebuilt from the journal', async () => {
    seat = await openTicketSeat()
    const { ticketId } = await openTicket(seat)
    const { transferId } = await seat.call('ticketTransferOffer', { ticketIds: [ticketId], to: 'A002', reason: '交接班移交' })
    await seat.restart()
    await unlockAfterRestart(seat, agentZhang)
    expect(await refusedWithoutWriting(seat, 'ticketTransferOffer', { ticketIds: [ticketId], to: 'L001', reason: '改交值班长' })).toMatchObject({
      code: 'ticketInTransfer',
    })
    await actAs(seat, agentLi)
    await seat.call('ticketTransferAccept', { transferId, pin: agentLi.pin })
    await seat.restart()
    await unlockAfterRestart(seat, agentLi)
    expect(await owns(agentLi, ticketId)).toBe(true)
  })
})

describe('declining and withdrawing an offer', () => {
  it('decline: only by the receiving user; the tickets stay with the owner and are free again', async () => {
    seat = await openTicketSeat()
    const { ticketId } = await openTicket(seat)
    const { transferId } = await seat.call('ticketTransferOffer', { ticketIds: [ticketId], to: 'A002', reason: '交接班移交' })
    await actAs(seat, shiftLeadWang)
    expect(await refusedWithoutWriting(seat, 'ticketTransferDecline', { transferId, reason: '不是给我的' })).toEqual({ code: 'transferNotForYou' })
    await actAs(seat, agentLi)
    await seat.call('ticketTransferDecline', { transferId, reason: '非本人负责区域' })
    const [declined] = await entriesOfKind(seat, 'ticket.transferDeclined')
    expect(declined).toMatchObject({ actor: 'A002', payload: { transferId, reason: '非本人负责区域' } })
    expect(await refusedWithoutWriting(seat, 'ticketTransferAccept', { transferId, pin: agentLi.pin })).toEqual({ code: 'transferNotOffered' })
    expect(await owns(agentZhang, ticketId)).toBe(true)
    await seat.call('ticketTransferOffer', { ticketIds: [ticketId], to: 'L001', reason: '改交值班长' })
  })

  it('cancel: only by the offerer; the tickets stay and are free again', async () => {
    seat = await openTicketSeat()
    const { ticketId } = await openTicket(seat)
    const { transferId } = await seat.call('ticketTransferOffer', { ticketIds: [ticketId], to: 'A002', reason: '交接班移交' })
    await actAs(seat, agentLi)
    expect(await refusedWithoutWriting(seat, 'ticketTransferCancel', { transferId })).toEqual({ code: 'transferNotForYou' })
    await actAs(seat, agentZhang)
    expect(await refusedWithoutWriting(seat, 'ticketTransferCancel', { transferId: 'no-such-transfer' })).toEqual({ code: 'unknownTransfer' })
    await seat.call('ticketTransferCancel', { transferId })
    expect(await entriesOfKind(seat, 'ticket.transferCancelled')).toMatchObject([{ actor: 'A001', payload: { transferId } }])
    expect(await refusedWithoutWriting(seat, 'ticketTransferCancel', { transferId })).toEqual({ code: 'transferNotOffered' })
    await actAs(seat, agentLi)
    expect(await refusedWithoutWriting(seat, 'ticketTransferAccept', { transferId, pin: agentLi.pin })).toEqual({ code: 'transferNotOffered' })
    expect(await owns(agentZhang, ticketId)).toBe(true)
    await seat.call('ticketTransferOffer', { ticketIds: [ticketId], to: 'A002', reason: '重新移交' })
  })
})
