import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultCallSettings } from '../../../shared/domain/callSettings'
import type { CallRecord } from '../../../shared/domain/calls'
import type { JournalEntry } from '../../../shared/journal/entry'
import { fixtureSupervisor, openSeatFixture, type SeatFixture } from '../demo/seatFixture'
import { verifyJournalDirectory } from '../journal/verifyJournalDirectory'

const agent = { employeeNo: 'A001', name: '张伟', role: 'agent', pin: '200001' } as const
const SECOND = 1000

let seat: SeatFixture
afterEach(async () => {
  await seat.dispose()
})

/** A seat with an agent signed in and ready (checklist confirmed). */
async function agentAtSeat(): Promise<SeatFixture> {
  const fixture = await openSeatFixture()
  await fixture.signInReady(fixtureSupervisor.employeeNo, fixtureSupervisor.pin)
  await fixture.call('userAdd', agent)
  await fixture.call('signOut', {})
  await fixture.signInReady(agent.employeeNo, agent.pin)
  return fixture
}

function journal(fixture: SeatFixture): Promise<JournalEntry[]> {
  return fixture.journalEntries()
}

describe('a call from answer to wrap-up done (来电接待)', () => {
  it('writes each step and a complete record', async () => {
    seat = await agentAtSeat()
    const answered = await seat.call('callAnswer', {})
    expect(answered).toMatchObject({ state: 'talking', employeeNo: 'A001', answeredAt: seat.clock.now().toISOString(), targetSeconds: 180, warningSeconds: 150 })
    seat.clock.advance(3 * SECOND)
    await seat.call('callScriptShown', { script: { scriptId: 'greeting.standard', version: 1 } })
    await seat.call('callMark', { mark: 'greeting' })
    seat.clock.advance(40 * SECOND)
    await seat.call('callUpdate', { callerNumber: '138 1234 5678', customerName: '陈先生', notes: '查询运单 SF1234567890 到站情况' })
    await seat.call('callScriptShown', { script: { scriptId: 'scenario.please-wait', version: 1 } })
    seat.clock.advance(60 * SECOND)
    // Closing said by hotkey without the script shown first: the current closing is recorded as shown.
    await seat.call('callMark', { mark: 'closing' })
    const hungUp = await seat.call('callHangUp', {})
    expect(hungUp).toMatchObject({ state: 'wrapUp', hungUpAt: seat.clock.now().toISOString() })
    const hungUpAt = seat.clock.now().toISOString()
    seat.clock.advance(20 * SECOND)
    const record = await seat.call('callComplete', { overTargetReason: null })
    expect(record).toEqual<CallRecord>({
      callId: answered.callId,
      sessionId: expect.any(String) as string,
      employeeNo: 'A001',
      answeredAt: answered.answeredAt,
      hungUpAt,
      completedAt: seat.clock.now().toISOString(),
      handlingMs: 123 * SECOND,
      targetSeconds: 180,
      overTarget: false,
      overTargetReason: null,
      greetingSaid: true,
      closingSaid: true,
      callerNumber: { kind: 'mobile', stored: '+8613812345678' },
      customerName: '陈先生',
      notes: '查询运单 SF1234567890 到站情况',
      scriptsShown: [
        { scriptId: 'greeting.standard', version: 1 },
        { scriptId: 'scenario.please-wait', version: 1 },
        { scriptId: 'closing.standard', version: 1 },
      ],
      closedAtSignOut: false,
    })
    const entries = await journal(seat)
    expect(entries.filter((entry) => entry.kind.startsWith('call.')).map((entry) => [entry.kind, entry.actor])).toEqual([
      ['call.answered', 'A001'],
      ['call.scriptShown', 'A001'],
      ['call.greetingSaid', 'A001'],
      ['call.detailsUpdated', 'A001'],
      ['call.scriptShown', 'A001'],
      ['call.scriptShown', 'A001'],
      ['call.closingSaid', 'A001'],
      ['call.hungUp', 'A001'],
      ['call.completed', 'A001'],
    ])
    expect(entries.at(-1)?.payload).toEqual({ record })
    expect(await seat.call('callCurrent', {})).toBeNull()
    expect((await verifyJournalDirectory(join(seat.dataDir, 'journal'))).status).toBe('intact')
  })

  it('writes a mark, a hang-up and a shown script once however often they are pressed', async () => {
    seat = await agentAtSeat()
    await seat.call('callAnswer', {})
    await seat.call('callMark', { mark: 'greeting' })
    const head = seat.headSeq()
    seat.clock.advance(5 * SECOND)
    const again = await seat.call('callMark', { mark: 'greeting' })
    await seat.call('callScriptShown', { script: { scriptId: 'greeting.standard', version: 1 } })
    expect(seat.headSeq()).toBe(head)
    expect(again.greetingSaidAt).not.toBe(seat.clock.now().toISOString())
    await seat.call('callHangUp', {})
    const hungUpHead = seat.headSeq()
    await seat.call('callHangUp', {})
    expect(seat.headSeq()).toBe(hungUpHead)
  })

  it('refuses wrap-up done before the hang-up, a second answer, and steps without a call', async () => {
    seat = await agentAtSeat()
    for (const [channel, request] of [
      ['callHangUp', {}],
      ['callMark', { mark: 'closing' }],
      ['callComplete', { overTargetReason: null }],
      ['callUpdate', { callerNumber: null, customerName: null, notes: '' }],
    ] as const) {
      expect(await seat.send(channel, request), channel).toEqual({ ok: false, error: { code: 'noCallInProgress' } })
    }
    expect(await seat.call('callCurrent', {})).toBeNull()
    await seat.call('callAnswer', {})
    expect(await seat.send('callAnswer', {})).toEqual({ ok: false, error: { code: 'callInProgress' } })
    expect(await seat.send('callComplete', { overTargetReason: null })).toEqual({ ok: false, error: { code: 'callNotHungUp' } })
    expect((await seat.call('callCurrent', {}))?.state).toBe('talking')
  })

  it('keeps the name and notes when the number is wrong, and says why the number was refused', async () => {
    seat = await agentAtSeat()
    await seat.call('callAnswer', {})
    await seat.call('callUpdate', { callerNumber: '0755-86001234', customerName: null, notes: '' })
    const refused = await seat.send('callUpdate', { callerNumber: '86001234', customerName: '  李女士 ', notes: '咨询到广州的运价' })
    expect(refused).toEqual({ ok: false, error: { code: 'invalidCallerNumber', params: { reason: 'fixedLineNeedsAreaCode' } } })
    // Saved: name and notes; the number keeps its last valid value.
    expect(await seat.call('callCurrent', {})).toMatchObject({
      callerNumber: { kind: 'fixedLine', stored: '+8675586001234' },
      customerName: '李女士',
      notes: '咨询到广州的运价',
    })
    expect(await seat.send('callUpdate', { callerNumber: '12345678901', customerName: '李女士', notes: '咨询到广州的运价' })).toEqual({
      ok: false,
      error: { code: 'invalidCallerNumber', params: { reason: 'invalid' } },
    })
    // Blank clears the number; an unchanged update writes nothing.
    const cleared = await seat.call('callUpdate', { callerNumber: ' ', customerName: '李女士', notes: '咨询到广州的运价' })
    expect(cleared.callerNumber).toBeNull()
    const head = seat.headSeq()
    await seat.call('callUpdate', { callerNumber: null, customerName: '李女士', notes: '咨询到广州的运价' })
    expect(seat.headSeq()).toBe(head)
    const shortCode = await seat.call('callUpdate', { callerNumber: '95338', customerName: '李女士', notes: '咨询到广州的运价' })
    expect(shortCode.callerNumber).toEqual({ kind: 'serviceShortCode', stored: '95338' })
  })
})

describe('the handling target (002: 受理时间低于3分钟/次)', () => {
  it('flags a call over target and takes only a configured reason', async () => {
    seat = await agentAtSeat()
    await seat.call('callAnswer', {})
    seat.clock.advance(200 * SECOND)
    await seat.call('callHangUp', {})
    expect(await seat.send('callComplete', { overTargetReason: 'weather' })).toEqual({
      ok: false,
      error: { code: 'unknownOverTargetReason', params: { reason: 'weather' } },
    })
    const record = await seat.call('callComplete', { overTargetReason: 'waiting-branch' })
    expect(record).toMatchObject({ handlingMs: 200 * SECOND, overTarget: true, overTargetReason: 'waiting-branch', greetingSaid: false, closingSaid: false })
  })

  it('counts exactly the target as under it, and drops a reason given for a call under target', async () => {
    seat = await agentAtSeat()
    await seat.call('callAnswer', {})
    seat.clock.advance(180 * SECOND)
    await seat.call('callHangUp', {})
    expect(await seat.call('callComplete', { overTargetReason: 'other' })).toMatchObject({ handlingMs: 180_000, overTarget: false, overTargetReason: null })
  })

  it('keeps the target a call was answered with when the settings change mid-call', async () => {
    seat = await openSeatFixture()
    // A supervisor on the phone changes the target mid-call (the only role that may).
    await seat.signInReady(fixtureSupervisor.employeeNo, fixtureSupervisor.pin)
    await seat.call('callAnswer', {})
    await seat.call('callSettingsUpdate', { settings: { ...defaultCallSettings, targetSeconds: 300, warningSeconds: 240 } })
    seat.clock.advance(200 * SECOND)
    expect((await seat.call('callHangUp', {})).targetSeconds).toBe(180)
    expect(await seat.call('callComplete', { overTargetReason: null })).toMatchObject({ targetSeconds: 180, overTarget: true })
    // The next call runs on the new numbers.
    expect(await seat.call('callAnswer', {})).toMatchObject({ targetSeconds: 300, warningSeconds: 240 })
  })
})

describe('restart and the end of a session', () => {
  it('brings an open call back after a restart with its answer time, and the timer runs on', async () => {
    seat = await agentAtSeat()
    const answered = await seat.call('callAnswer', {})
    await seat.call('callUpdate', { callerNumber: '4008123123', customerName: null, notes: '下单：明早上门取件' })
    seat.clock.advance(100 * SECOND)
    await seat.restart()
    seat.clock.advance(30 * SECOND)
    // The session comes back locked: the call answers again once the agent unlocks.
    expect(await seat.send('callCurrent', {})).toEqual({ ok: false, error: { code: 'sessionLocked' } })
    await seat.call('sessionUnlock', { pin: agent.pin })
    const back = await seat.call('callCurrent', {})
    expect(back).toMatchObject({ callId: answered.callId, answeredAt: answered.answeredAt, state: 'talking', notes: '下单：明早上门取件', callerNumber: { kind: 'businessHotline' } })
    await seat.call('callHangUp', {})
    seat.clock.advance(20 * SECOND)
    expect(await seat.call('callComplete', { overTargetReason: null })).toMatchObject({ callId: answered.callId, handlingMs: 150 * SECOND })
  })

  it('refuses the agent’s own sign-out and a replacing sign-in while a call is open', async () => {
    seat = await agentAtSeat()
    await seat.call('callAnswer', {})
    const head = seat.headSeq()
    expect(await seat.send('signOut', {})).toEqual({ ok: false, error: { code: 'callInProgress' } })
    expect(await seat.send('signIn', { employeeNo: fixtureSupervisor.employeeNo, pin: fixtureSupervisor.pin })).toEqual({ ok: false, error: { code: 'callInProgress' } })
    expect(seat.headSeq()).toBe(head)
    await seat.call('callHangUp', {})
    await seat.call('callComplete', { overTargetReason: null })
    expect(await seat.call('signOut', {})).toBeNull()
  })

  it('closes the call as the seat when the session is signed out from the lock screen, keeping what was typed', async () => {
    seat = await agentAtSeat()
    const answered = await seat.call('callAnswer', {})
    await seat.call('callMark', { mark: 'greeting' })
    await seat.call('callUpdate', { callerNumber: '18612345678', customerName: '王先生', notes: '投诉：货物破损' })
    seat.clock.advance(60 * SECOND)
    await seat.call('sessionLock', { reason: 'idle' })
    seat.clock.advance(600 * SECOND)
    expect(await seat.call('signOut', {})).toBeNull()
    const entries = await journal(seat)
    expect(entries.slice(-3).map((entry) => [entry.kind, entry.actor])).toEqual([
      ['call.hungUp', 'seat'],
      ['call.completed', 'seat'],
      ['session.signedOut', 'A001'],
    ])
    expect(entries.at(-2)?.payload).toMatchObject({
      record: { callId: answered.callId, handlingMs: 660 * SECOND, overTarget: true, overTargetReason: null, greetingSaid: true, customerName: '王先生', notes: '投诉：货物破损', closedAtSignOut: true },
    })
    // The seat is free for the next agent.
    await seat.signInReady(fixtureSupervisor.employeeNo, fixtureSupervisor.pin)
    expect(await seat.call('callCurrent', {})).toBeNull()
    await seat.call('callAnswer', {})
  })
})

describe('scripts shown on a call', () => {
  it('accepts a published version, refuses one that never existed', async () => {
    seat = await agentAtSeat()
    await seat.call('callAnswer', {})
    expect(await seat.send('callScriptShown', { script: { scriptId: 'greeting.standard', version: 2 } })).toEqual({
      ok: false,
      error: { code: 'unknownScript', params: { scriptId: 'greeting.standard', version: 2 } },
    })
    expect(await seat.send('callScriptShown', { script: { scriptId: 'scenario.nope', version: 1 } })).toMatchObject({ error: { code: 'unknownScript' } })
    const shown = await seat.call('callScriptShown', { script: { scriptId: 'phrase.please-wait', version: 1 } })
    expect(shown.scriptsShown).toEqual([{ scriptId: 'phrase.please-wait', version: 1 }])
  })

  it('holds call channels until the checklist is confirmed, and while the screen is locked', async () => {
    seat = await agentAtSeat()
    await seat.call('signOut', {})
    await seat.call('signIn', { employeeNo: agent.employeeNo, pin: agent.pin })
    expect(await seat.send('callAnswer', {})).toEqual({ ok: false, error: { code: 'checklistPending' } })
    expect(await seat.send('scriptsList', {})).toMatchObject({ ok: true })
    expect(await seat.send('callSettingsGet', {})).toEqual({ ok: true, value: defaultCallSettings })
    expect(await seat.send('callSettingsUpdate', { settings: defaultCallSettings })).toEqual({ ok: false, error: { code: 'checklistPending' } })
  })
})
