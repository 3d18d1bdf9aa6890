import { afterEach, describe, expect, it } from 'vitest'
import { defaultDeadlineSettings } from '../../../shared/domain/tickets/deadlines'
import type { TicketDetails } from '../../../shared/domain/tickets/kinds'
import { AppError } from '../../../shared/ipc/errors'
import type { JournalEntry } from '../../../shared/journal/entry'
import type { EntryKind, EntryPayload } from '../../../shared/journal/kinds'
import { toKnownEntry } from '../../../shared/journal/knownEntry'
import { CallBook } from '../calls/callBook'
import { manualClock } from '../clock'
import { SeatDirectory } from '../identity/directory'
import type { SeatFixture } from '../demo/seatFixture'
import { DeadlineSettingsService } from './deadlineSettingsService'
import { TicketBook } from './ticketBook'
import {
  actAs,
  agentLi,
  agentZhang,
  complaint,
  entriesOfKind,
  journalEntries,
  openTicket,
  openTicketSeat,
  refusedWithoutWriting,
  supervisor,
  trackingInquiry,
  unlockAfterRestart,
} from './ticketSeatFixture'
import { TicketService } from './ticketService'

let seat: SeatFixture
afterEach(async () => {
  await seat?.dispose()
})

const HOUR = 3_600_000

describe('ticket numbers (<branch>-<yyyymmdd>-<seq>, per China date, per seat)', () => {
  it('numbers the day from 1, continues after a restart and starts again at 1 the next China day', async () => {
    // 09:00 in Shenzhen.
    seat = await openTicketSeat({ start: '2026-03-02T01:00:00.000Z' })
    expect((await openTicket(seat)).ticketNo).toBe('SZ01-20260302-0001')
    expect((await openTicket(seat, complaint)).ticketNo).toBe('SZ01-20260302-0002')

    await seat.restart()
    await unlockAfterRestart(seat, agentZhang)
    expect((await openTicket(seat)).ticketNo).toBe('SZ01-20260302-0003')

    // 16:30 UTC is 00:30 on 3 March in China, while the UTC date is still the 2nd.
    seat.clock.set('2026-03-02T16:30:00.000Z')
    expect((await openTicket(seat)).ticketNo).toBe('SZ01-20260303-0001')
  })

  it('never reuses a number when the clock is set back to a day that already has tickets', async () => {
    seat = await openTicketSeat({ start: '2026-03-02T01:00:00.000Z' })
    await openTicket(seat)
    seat.clock.set('2026-03-03T01:00:00.000Z')
    await openTicket(seat)
    seat.clock.set('2026-03-02T00:30:00.000Z')
    expect((await openTicket(seat)).ticketNo).toBe('SZ01-20260302-0002')
    await seat.restart()
    await unlockAfterRestart(seat, agentZhang)
    expect((await openTicket(seat)).ticketNo).toBe('SZ01-20260302-0003')
    const numbers = (await entriesOfKind(seat, 'ticket.opened')).map((entry) => (entry.payload as { ticketNo: string }).ticketNo)
    expect(new Set(numbers).size).toBe(numbers.length)
  })
})

describe('opening a ticket', () => {
  it('is owned by the signed-in agent and stores the details as the schema normalised them', async () => {
    seat = await openTicketSeat()
    const summary = await seat.call('ticketOpen', { details: trackingInquiry })
    expect(summary).toEqual({ ticketId: expect.any(String) as string, ticketNo: 'SZ01-20260302-0001', owner: 'A001', status: 'open', waitingOn: null })
    const [opened] = await entriesOfKind(seat, 'ticket.opened')
    expect(opened).toMatchObject({
      actor: 'A001',
      payload: {
        ticketId: summary.ticketId,
        owner: 'A001',
        callId: null,
        details: { callerPhone: '+8613812345678', waybillNo: 'SF1234567890' },
      },
    })
  })

  it('records the call in progress on every entry written during it, and none after', async () => {
    seat = await openTicketSeat()
    const { callId } = await seat.call('callAnswer', {})
    const { ticketId } = await openTicket(seat)
    await seat.call('ticketAddNote', { ticketId, text: '客户要求今天下午前回复' })
    await seat.call('ticketUpdate', { ticketId, details: { ...trackingInquiry, goodsCheck: 'goodsFound' } })
    await seat.call('callHangUp', {})
    // Wrap-up is still part of the call.
    await seat.call('ticketSetStatus', { ticketId, to: 'resolved', waitingOn: null, note: '已告知客户货物到站' })
    await seat.call('callComplete', { overTargetReason: null })
    await seat.call('ticketAddNote', { ticketId, text: '客户已提货' })

    const ticketEntries = (await journalEntries(seat)).filter((entry) => entry.kind.startsWith('ticket.'))
    expect(ticketEntries.map((entry) => [entry.kind, (entry.payload as { callId: string | null }).callId])).toEqual([
      ['ticket.opened', callId],
      ['ticket.noteAdded', callId],
      ['ticket.detailsUpdated', callId],
      ['ticket.statusChanged', callId],
      ['ticket.noteAdded', null],
    ])
  })

  it('links no call once the call is completed', async () => {
    seat = await openTicketSeat()
    await seat.call('callAnswer', {})
    await seat.call('callHangUp', {})
    await seat.call('callComplete', { overTargetReason: null })
    const { ticketId } = await openTicket(seat)
    const [opened] = await entriesOfKind(seat, 'ticket.opened')
    expect(opened?.payload).toMatchObject({ ticketId, callId: null })
  })
})

describe('ownership (首问责任制)', () => {
  it('lets only the owner change details, move the status or close', async () => {
    seat = await openTicketSeat()
    const { ticketId } = await openTicket(seat, { ...trackingInquiry, goodsCheck: 'goodsFound' })
    await actAs(seat, agentLi)
    const notOwner = { code: 'notTicketOwner', params: { ticketId, owner: 'A001' } }
    expect(await refusedWithoutWriting(seat, 'ticketSetStatus', { ticketId, to: 'resolved', waitingOn: null, note: '' })).toEqual(notOwner)
    expect(await refusedWithoutWriting(seat, 'ticketSetStatus', { ticketId, to: 'inProgress', waitingOn: null, note: '' })).toEqual(notOwner)
    expect(await refusedWithoutWriting(seat, 'ticketUpdate', { ticketId, details: { ...trackingInquiry, goodsCheck: 'short' } })).toEqual(notOwner)
    expect(await refusedWithoutWriting(seat, 'ticketStepDone', { ticketId, clockId: 'trackingInquiry.answer', note: '' })).toEqual(notOwner)
    expect(await refusedWithoutWriting(seat, 'ticketScheduleCallback', { ticketId, dueAt: '2026-03-02T15:00:00+08:00', note: '' })).toEqual(notOwner)
    // A supervisor is not the owner either: escalation is their road, not taking the ticket over.
    await actAs(seat, supervisor)
    expect(await refusedWithoutWriting(seat, 'ticketSetStatus', { ticketId, to: 'resolved', waitingOn: null, note: '' })).toEqual(notOwner)

    await actAs(seat, agentZhang)
    expect(await seat.call('ticketSetStatus', { ticketId, to: 'resolved', waitingOn: null, note: '' })).toMatchObject({ status: 'resolved' })
    expect(await seat.call('ticketSetStatus', { ticketId, to: 'closed', waitingOn: null, note: '' })).toMatchObject({ status: 'closed', owner: 'A001' })
  })

  it('lets anyone ready add a note or escalate, and the owner stays the owner', async () => {
    seat = await openTicketSeat()
    const { ticketId } = await openTicket(seat)
    await actAs(seat, agentLi)
    expect(await seat.call('ticketAddNote', { ticketId, text: '客户再次来电催问,已安抚' })).toMatchObject({ owner: 'A001' })
    expect(await seat.call('ticketEscalate', { ticketId, to: 'complaintHandling', reason: '客户情绪激动,要求投诉' })).toMatchObject({ owner: 'A001' })
    expect(await seat.call('ticketEscalate', { ticketId, to: 'supervisor', reason: '超过时限仍未答复' })).toMatchObject({ owner: 'A001' })
    const entries = (await journalEntries(seat)).filter((entry) => entry.kind === 'ticket.noteAdded' || entry.kind === 'ticket.escalated')
    expect(entries.map((entry) => [entry.kind, entry.actor, entry.payload])).toEqual([
      ['ticket.noteAdded', 'A002', { ticketId, noteId: expect.any(String) as string, text: '客户再次来电催问,已安抚', callId: null }],
      ['ticket.escalated', 'A002', { ticketId, to: 'complaintHandling', reason: '客户情绪激动,要求投诉', callId: null }],
      ['ticket.escalated', 'A002', { ticketId, to: 'supervisor', reason: '超过时限仍未答复', callId: null }],
    ])
    // Still the owner's: A001 moves it, A002 cannot.
    expect(await refusedWithoutWriting(seat, 'ticketSetStatus', { ticketId, to: 'inProgress', waitingOn: null, note: '' })).toMatchObject({ code: 'notTicketOwner' })
    await actAs(seat, agentZhang)
    expect(await seat.call('ticketSetStatus', { ticketId, to: 'inProgress', waitingOn: null, note: '' })).toMatchObject({ owner: 'A001', status: 'inProgress' })
  })

  it('answers unknownTicket for an id it has never seen', async () => {
    seat = await openTicketSeat()
    const ticketId = 'no-such-ticket'
    expect(await refusedWithoutWriting(seat, 'ticketAddNote', { ticketId, text: '备注' })).toEqual({ code: 'unknownTicket', params: { ticketId } })
    expect(await refusedWithoutWriting(seat, 'ticketEscalate', { ticketId, to: 'supervisor', reason: '原因' })).toMatchObject({ code: 'unknownTicket' })
    expect(await refusedWithoutWriting(seat, 'ticketSetStatus', { ticketId, to: 'inProgress', waitingOn: null, note: '' })).toMatchObject({ code: 'unknownTicket' })
  })

  it('needs an agent who confirmed the pre-shift checklist (the access table applies)', async () => {
    seat = await openTicketSeat()
    await seat.call('signIn', { employeeNo: agentLi.employeeNo, pin: agentLi.pin })
    expect(await refusedWithoutWriting(seat, 'ticketOpen', { details: trackingInquiry })).toEqual({ code: 'checklistPending' })
    await seat.call('sessionLock', { reason: 'manual' })
    expect(await refusedWithoutWriting(seat, 'ticketOpen', { details: trackingInquiry })).toEqual({ code: 'sessionLocked' })
  })
})

describe('details', () => {
  it('refuses another kind and any change once closed; a reopened ticket can be corrected again', async () => {
    seat = await openTicketSeat()
    const { ticketId } = await openTicket(seat, { ...trackingInquiry, goodsCheck: 'goodsFound' })
    expect(await refusedWithoutWriting(seat, 'ticketUpdate', { ticketId, details: complaint })).toEqual({ code: 'ticketKindChanged' })
    await seat.call('ticketSetStatus', { ticketId, to: 'resolved', waitingOn: null, note: '' })
    await seat.call('ticketSetStatus', { ticketId, to: 'closed', waitingOn: null, note: '' })
    const corrected = { ...trackingInquiry, goodsCheck: 'short' } as const
    expect(await refusedWithoutWriting(seat, 'ticketUpdate', { ticketId, details: corrected })).toEqual({ code: 'ticketClosed' })
    await seat.call('ticketSetStatus', { ticketId, to: 'inProgress', waitingOn: null, note: '客户来电称少货' })
    await seat.call('ticketUpdate', { ticketId, details: corrected })
    const [updated] = await entriesOfKind(seat, 'ticket.detailsUpdated')
    expect(updated?.payload).toMatchObject({ ticketId, details: { goodsCheck: 'short' } })
  })

  it('writes nothing when the details did not change', async () => {
    seat = await openTicketSeat()
    const { ticketId } = await openTicket(seat)
    const head = seat.headSeq()
    // Typed differently, stored the same (phone in E.164, waybill upper-case).
    await seat.call('ticketUpdate', { ticketId, details: { ...trackingInquiry, callerPhone: '+86 138-1234-5678' } })
    expect(seat.headSeq()).toBe(head)
  })
})

describe('status moves', () => {
  it('follows the lifecycle, and refuses to resolve while fields are missing, naming them', async () => {
    seat = await openTicketSeat()
    const { ticketId } = await openTicket(seat)
    const move = (to: 'open' | 'inProgress' | 'waiting' | 'resolved' | 'closed', waitingOn: 'customer' | 'branch' | 'finance' | null = null) =>
      ({ ticketId, to, waitingOn, note: '' }) as const

    expect(await refusedWithoutWriting(seat, 'ticketSetStatus', move('closed'))).toEqual({ code: 'statusMoveNotAllowed' })
    expect(await refusedWithoutWriting(seat, 'ticketSetStatus', move('waiting'))).toEqual({ code: 'waitingOnRequired' })
    expect(await seat.call('ticketSetStatus', move('waiting', 'branch'))).toMatchObject({ status: 'waiting', waitingOn: 'branch' })
    expect(await refusedWithoutWriting(seat, 'ticketSetStatus', move('waiting', 'branch'))).toEqual({ code: 'waitingOnUnchanged' })
    expect(await seat.call('ticketSetStatus', move('waiting', 'customer'))).toMatchObject({ status: 'waiting', waitingOn: 'customer' })
    // waitingOn only means something while waiting.
    expect(await seat.call('ticketSetStatus', move('inProgress', 'customer'))).toMatchObject({ status: 'inProgress', waitingOn: null })

    expect(await refusedWithoutWriting(seat, 'ticketSetStatus', move('resolved'))).toEqual({
      code: 'resolutionIncomplete',
      issues: [{ path: 'goodsCheck', code: 'requiredToResolve', message: 'requiredToResolve' }],
    })
    await seat.call('ticketUpdate', { ticketId, details: { ...trackingInquiry, goodsCheck: 'goodsFound' } })
    expect(await seat.call('ticketSetStatus', move('resolved'))).toMatchObject({ status: 'resolved' })
    // Emptied again after resolving: it cannot be closed until the gap is filled once more.
    await seat.call('ticketUpdate', { ticketId, details: { ...trackingInquiry, goodsCheck: null } })
    expect(await refusedWithoutWriting(seat, 'ticketSetStatus', move('closed'))).toMatchObject({ code: 'resolutionIncomplete' })
    await seat.call('ticketUpdate', { ticketId, details: { ...trackingInquiry, goodsCheck: 'goodsFound' } })
    expect(await seat.call('ticketSetStatus', move('closed'))).toMatchObject({ status: 'closed' })
    // Reopen: back to work from closed.
    expect(await seat.call('ticketSetStatus', { ...move('inProgress'), note: '客户反映货物少一件' })).toMatchObject({ status: 'inProgress' })

    const changes = await entriesOfKind(seat, 'ticket.statusChanged')
    expect(changes.map((entry) => (entry.payload as { status: string; waitingOn: string | null }))).toEqual([
      { ticketId, status: 'waiting', waitingOn: 'branch', note: '', callId: null },
      { ticketId, status: 'waiting', waitingOn: 'customer', note: '', callId: null },
      { ticketId, status: 'inProgress', waitingOn: null, note: '', callId: null },
      { ticketId, status: 'resolved', waitingOn: null, note: '', callId: null },
      { ticketId, status: 'closed', waitingOn: null, note: '', callId: null },
      { ticketId, status: 'inProgress', waitingOn: null, note: '客户反映货物少一件', callId: null },
    ])
  })

  it('lists every gap of a complaint', async () => {
    seat = await openTicketSeat()
    const { ticketId } = await openTicket(seat, complaint)
    const refusal = await refusedWithoutWriting(seat, 'ticketSetStatus', { ticketId, to: 'resolved', waitingOn: null, note: '' })
    expect(refusal.code).toBe('resolutionIncomplete')
    expect(refusal.issues?.map((issue) => issue.path)).toEqual(['responsibility', 'remedy', 'customerSatisfied'])
  })
})

describe('callbacks', () => {
  it('are promised by the owner and recorded once by anyone', async () => {
    seat = await openTicketSeat()
    const { ticketId } = await openTicket(seat)
    const other = await openTicket(seat)
    const { callbackId } = await seat.call('ticketScheduleCallback', { ticketId, dueAt: '2026-03-02T15:00:00+08:00', note: '下午三点前回电告知到站情况' })
    const [scheduled] = await entriesOfKind(seat, 'ticket.callbackScheduled')
    expect(scheduled).toMatchObject({ actor: 'A001', payload: { ticketId, callbackId, dueAt: '2026-03-02T15:00:00+08:00' } })

    await actAs(seat, agentLi)
    expect(await refusedWithoutWriting(seat, 'ticketRecordCallback', { ticketId, callbackId: 'nope', outcome: 'reached', note: '' })).toEqual({
      code: 'unknownCallback',
      params: { callbackId: 'nope' },
    })
    // A callback of one ticket is not found on another.
    expect(await refusedWithoutWriting(seat, 'ticketRecordCallback', { ticketId: other.ticketId, callbackId, outcome: 'reached', note: '' })).toMatchObject({
      code: 'unknownCallback',
    })
    expect(await seat.call('ticketRecordCallback', { ticketId, callbackId, outcome: 'noAnswer', note: '无人接听' })).toMatchObject({ owner: 'A001' })
    expect(await refusedWithoutWriting(seat, 'ticketRecordCallback', { ticketId, callbackId, outcome: 'reached', note: '' })).toEqual({
      code: 'callbackAlreadyDone',
      params: { callbackId },
    })
    const [done] = await entriesOfKind(seat, 'ticket.callbackDone')
    expect(done).toMatchObject({ actor: 'A002', payload: { ticketId, callbackId, outcome: 'noAnswer', note: '无人接听', callId: null } })
  })

  it('cannot be promised on a closed ticket', async () => {
    seat = await openTicketSeat()
    const { ticketId } = await openTicket(seat, { ...trackingInquiry, goodsCheck: 'goodsFound' })
    await seat.call('ticketSetStatus', { ticketId, to: 'resolved', waitingOn: null, note: '' })
    await seat.call('ticketSetStatus', { ticketId, to: 'closed', waitingOn: null, note: '' })
    expect(await refusedWithoutWriting(seat, 'ticketScheduleCallback', { ticketId, dueAt: '2026-03-02T15:00:00+08:00', note: '' })).toEqual({
      code: 'ticketClosed',
    })
  })
})

describe('clock steps', () => {
  it('accepts only a clock that runs for this ticket, once', async () => {
    seat = await openTicketSeat()
    const { ticketId } = await openTicket(seat, complaint)
    const step = (clockId: string) => ({ ticketId, clockId, note: '' })
    expect(await refusedWithoutWriting(seat, 'ticketStepDone', step('trackingInquiry.answer'))).toEqual({
      code: 'unknownClock',
      params: { clockId: 'trackingInquiry.answer' },
    })
    // The apology letter runs only for a written claim; this complaint was made by phone.
    expect(await refusedWithoutWriting(seat, 'ticketStepDone', step('complaint.apologyLetter'))).toMatchObject({ code: 'unknownClock' })
    await seat.call('ticketStepDone', { ...step('complaint.preliminaryInvestigation'), note: '已调取签收记录' })
    expect(await refusedWithoutWriting(seat, 'ticketStepDone', step('complaint.preliminaryInvestigation'))).toEqual({
      code: 'stepAlreadyDone',
      params: { clockId: 'complaint.preliminaryInvestigation' },
    })
    const [done] = await entriesOfKind(seat, 'ticket.stepDone')
    expect(done).toMatchObject({ actor: 'A001', payload: { ticketId, clockId: 'complaint.preliminaryInvestigation', note: '已调取签收记录' } })
  })

  it('follows the clocks the supervisor has in force', async () => {
    seat = await openTicketSeat()
    const { ticketId } = await openTicket(seat, complaint)
    const step = { ticketId, clockId: 'complaint.regulator.replyBeforeAppeal', note: '' }
    expect(await refusedWithoutWriting(seat, 'ticketStepDone', step)).toMatchObject({ code: 'unknownClock' })
    await actAs(seat, supervisor)
    await seat.call('deadlineSettingsUpdate', {
      settings: { ...defaultDeadlineSettings, regulatorRule: { ...defaultDeadlineSettings.regulatorRule, enabled: true } },
    })
    await actAs(seat, agentZhang)
    await seat.call('ticketStepDone', step)
    expect(await entriesOfKind(seat, 'ticket.stepDone')).toHaveLength(1)
  })
})

describe('TicketService without the IPC contract', () => {
  // The demo and any future caller inside main reach the service directly; the kind's schema still holds.
  it('refuses details that fail their kind with ticketInvalid and the fields, writing nothing', async () => {
    const book = new TicketBook()
    const directory = new SeatDirectory()
    const written: JournalEntry[] = []
    const record = async <K extends EntryKind>(kind: K, actor: string, payload: EntryPayload<K>) => {
      const entry = { seq: written.length + 1, prev: '', ts: '2026-03-02T01:00:00.000Z', kind, actor, payload, hash: '', sig: '' } as JournalEntry
      written.push(entry)
      const known = toKnownEntry(entry)
      if (known) {
        book.apply(known)
        directory.apply(known)
      }
      return entry
    }
    await record('seat.created', 'S001', {
      seatId: 'seat-1',
      companyName: '佳途物流',
      branchCode: 'SZ01',
      seatNumber: '01',
      seatPublicKey: 'AAAA',
      keyProtection: 'unprotected',
    })
    const service = new TicketService({
      clock: manualClock('2026-03-02T01:00:00.000Z'),
      record,
      book,
      directory,
      calls: new CallBook(),
      deadlines: new DeadlineSettingsService(record),
    })
    const session = { sessionId: 's-1', employeeNo: 'A001', startedAt: '2026-03-02T01:00:00.000Z', checklistConfirmedAt: '2026-03-02T01:00:00.000Z', lockedAt: null }
    const missingWaybill = { ...trackingInquiry, waybillNo: '' } as unknown as TicketDetails
    const refusal = await service.open(session, missingWaybill).catch((error: unknown) => error)
    expect(refusal).toBeInstanceOf(AppError)
    expect((refusal as AppError).toPayload()).toEqual({ code: 'ticketInvalid', issues: [{ path: 'waybillNo', code: 'waybillNo', message: 'waybillNo' }] })
    expect(written).toHaveLength(1)

    const opened = await service.open(session, trackingInquiry as unknown as TicketDetails)
    expect(opened).toMatchObject({ ticketNo: 'SZ01-20260302-0001', owner: 'A001' })
    expect(written.at(-1)?.payload).toMatchObject({ details: { callerPhone: '+8613812345678', waybillNo: 'SF1234567890' } })
  })
})

describe('after a restart', () => {
  it('knows every ticket again: owner, status and steps as the journal left them', async () => {
    seat = await openTicketSeat()
    const { ticketId } = await openTicket(seat, complaint)
    await seat.call('ticketSetStatus', { ticketId, to: 'waiting', waitingOn: 'branch', note: '' })
    await seat.call('ticketStepDone', { ticketId, clockId: 'complaint.preliminaryInvestigation', note: '' })
    seat.clock.advance(HOUR)
    await seat.restart()
    await unlockAfterRestart(seat, agentZhang)
    expect(await refusedWithoutWriting(seat, 'ticketSetStatus', { ticketId, to: 'waiting', waitingOn: 'branch', note: '' })).toEqual({
      code: 'waitingOnUnchanged',
    })
    expect(await refusedWithoutWriting(seat, 'ticketStepDone', { ticketId, clockId: 'complaint.preliminaryInvestigation', note: '' })).toMatchObject({
      code: 'stepAlreadyDone',
    })
    await actAs(seat, agentLi)
    expect(await refusedWithoutWriting(seat, 'ticketSetStatus', { ticketId, to: 'inProgress', waitingOn: null, note: '' })).toMatchObject({
      code: 'notTicketOwner',
    })
  })
})
