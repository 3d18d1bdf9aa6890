import { journalEntry, journalReader, seatGenesis } from '../testing/fakeApi'
import {
  callbackDone,
  callbackScheduled,
  customerSaved,
  deadlineSettingsChanged,
  ticketNoteAdded,
  ticketOpened,
  ticketStatusChanged,
  transferAccepted,
  transferOffered,
  workingCalendarChanged,
} from '../testing/tickets'
import { applyEntries, applyEntry } from './projection'
import { catchUp, rebuild } from './sync'
import { openSeatDeskDb, projectionTableNames, readMeta, type SeatDeskDb } from './schema'
import { defaultDeadlineSettings } from '../../../shared/domain/tickets/deadlines'
import type { JournalEntry } from '../../../shared/journal/entry'
import { defaultCallSettings } from '../../../shared/domain/callSettings'

const attestation = (employeeNo: string) => ({ employeeNo, sig: 'c2ln' })
const allChecked = {
  phoneChecked: true,
  networkChecked: true,
  equipmentChecked: true,
  noticesRead: true,
  priceChangesRead: true,
  routeChangesRead: true,
  systemsLoggedIn: true,
}

function seatHistory(): JournalEntry[] {
  return [
    ...seatGenesis(),
    journalEntry(3, 'user.added', { employeeNo: 'A007', name: '李座席', role: 'agent', publicKey: 'a2V5' }),
    journalEntry(4, 'user.lockedOut', { employeeNo: 'A007', until: '2026-11-23T01:10:00.000Z', failedAttempts: 5 }),
    journalEntry(5, 'session.signedIn', { sessionId: 's-1', employeeNo: 'E001', attestation: attestation('E001') }),
    journalEntry(6, 'session.checklistConfirmed', { sessionId: 's-1', items: allChecked, attestation: attestation('E001') }),
    journalEntry(7, 'session.locked', { sessionId: 's-1', reason: 'idle' }),
    journalEntry(8, 'session.unlocked', { sessionId: 's-1' }),
    journalEntry(9, 'ticket.opened', { from: 'a later version' }),
    journalEntry(10, 'session.locked', { sessionId: 's-1', reason: 'manual' }),
    journalEntry(11, 'user.disabled', { employeeNo: 'A007' }),
    journalEntry(12, 'session.signedOut', { sessionId: 's-1', reason: 'user' }),
    journalEntry(13, 'settings.changed', { settings: { lockoutAttempts: 3, lockoutMinutes: 15, idleLockMinutes: 5 } }),
  ]
}

let dbCount = 0
const freshDb = () => openSeatDeskDb(`projection-test-${++dbCount}`)

describe('journal projection', () => {
  it('builds users, shift sessions, seat and settings from entries, skipping unknown kinds', async () => {
    const db = freshDb()
    const result = await catchUp(db, journalReader(seatHistory()))

    expect(result).toEqual({ lastSeq: 13, headSeq: 13 })
    expect(await readMeta(db, 'lastSeq')).toBe(13) // past the unknown kind at seq 9
    expect(await db.users.toArray()).toEqual([
      expect.objectContaining({ employeeNo: 'A007', name: '李座席', role: 'agent', active: 0, lockedUntil: '2026-11-23T01:10:00.000Z' }),
      expect.objectContaining({ employeeNo: 'E001', name: '王主管', role: 'supervisor', active: 1, lockedUntil: null }),
    ])
    const [shift] = await db.shiftSessions.toArray()
    expect(shift).toEqual({
      sessionId: 's-1',
      employeeNo: 'E001',
      startedAt: seatHistory()[4]!.ts,
      checklistConfirmedAt: seatHistory()[5]!.ts,
      endedAt: seatHistory()[11]!.ts,
      endReason: 'user',
      lockCount: 2,
      lockedAt: null,
    })
    expect(await readMeta(db, 'seat')).toMatchObject({ companyName: '佳途物流', branchCode: 'BJ01', seatNumber: '07' })
    expect(await readMeta(db, 'settings')).toEqual({ lockoutAttempts: 3, lockoutMinutes: 15, idleLockMinutes: 5 })
  })

  it('continues from the last applied seq without applying an entry twice', async () => {
    const db = freshDb()
    const history = seatHistory()
    await catchUp(db, journalReader(history.slice(0, 7))) // up to the first lock
    const read = vi.fn(journalReader(history))
    await catchUp(db, read)
    expect(read).toHaveBeenCalledWith(7, 500)
    expect((await db.shiftSessions.get('s-1'))?.lockCount).toBe(2)
  })

  it('rebuilds from scratch when the journal is shorter than the view (another data folder)', async () => {
    const db = freshDb()
    await catchUp(db, journalReader(seatHistory()))
    const otherFolder = seatHistory().slice(0, 2)
    await catchUp(db, journalReader(otherFolder))
    expect(await db.users.count()).toBe(1)
    expect(await db.shiftSessions.count()).toBe(0)
    expect(await readMeta(db, 'lastSeq')).toBe(2)
  })

  it('rebuilds on start when the last applied entry is not the journal’s any more', async () => {
    const db = freshDb()
    await catchUp(db, journalReader(seatHistory().slice(0, 3)))
    const replaced = seatHistory().slice(0, 3)
    replaced[2] = { ...replaced[2]!, hash: 'f'.repeat(64), payload: { employeeNo: 'B001', name: '赵值班', role: 'shiftLead', publicKey: 'a2V5' } }
    await catchUp(db, journalReader(replaced), { checkLastEntry: true })
    expect((await db.users.toArray()).map((user) => user.employeeNo)).toEqual(['B001', 'E001'])
  })

  it('rebuild clears the view and replays every page, reporting entries done against the head', async () => {
    const db = freshDb()
    const many = [
      ...seatHistory().slice(0, 2),
      ...Array.from({ length: 1198 }, (_, index) =>
        journalEntry(index + 3, index % 2 ? 'session.unlocked' : 'session.locked', { sessionId: 's-x', reason: 'manual' }),
      ),
    ]
    await db.users.put({ employeeNo: 'STALE', name: '旧数据', role: 'agent', active: 1, addedAt: '', lockedUntil: null, pinResetAt: null })
    await db.meta.put({ key: 'lastSeq', value: 1200 })
    const progress: [number, number][] = []
    await rebuild(db, journalReader(many), (done, head) => progress.push([done, head]))

    expect(progress).toEqual([
      [500, 1200],
      [1000, 1200],
      [1200, 1200],
    ])
    expect((await db.users.toArray()).map((user) => user.employeeNo)).toEqual(['E001'])
    expect(await readMeta(db, 'lastSeq')).toBe(1200)
  })
})

describe('projection of scripts, call settings and calls', () => {
  const record = {
    callId: 'c-1',
    sessionId: 's-1',
    employeeNo: 'A007',
    answeredAt: '2026-11-23T01:20:00.000Z',
    hungUpAt: '2026-11-23T01:23:10.000Z',
    completedAt: '2026-11-23T01:23:30.000Z',
    handlingMs: 210_000,
    targetSeconds: 180,
    overTarget: true,
    overTargetReason: 'system-slow',
    greetingSaid: true,
    closingSaid: false,
    callerNumber: { kind: 'mobile' as const, stored: '+8613812345678' },
    customerName: '王先生',
    notes: '查件',
    scriptsShown: [{ scriptId: 'greeting.standard', version: 2 }],
  }
  const greeting = (version: number, zh: string) => ({
    script: {
      scriptId: 'greeting.standard',
      category: 'greeting',
      phraseKind: null,
      title: { 'zh-CN': '标准问候', en: 'Standard greeting' },
      body: { 'zh-CN': zh, en: 'Hello, {company}!' },
      version,
    },
  })

  it('keeps the current version of each script, remembers retirement, and builds a call from its steps to its record', async () => {
    const db = freshDb()
    const settings = { ...defaultCallSettings, targetSeconds: 240, warningSeconds: 200 }
    const entries = [
      journalEntry(1, 'script.published', greeting(1, '您好，{company}！')),
      journalEntry(2, 'script.published', { script: { ...greeting(1, '再见！').script, scriptId: 'closing.standard', category: 'closing' } }),
      journalEntry(3, 'script.published', greeting(2, '您好，{company}！我是{agentName}。')),
      journalEntry(4, 'script.retired', { scriptId: 'closing.standard', version: 1 }),
      journalEntry(5, 'callSettings.changed', { settings }),
      journalEntry(6, 'call.answered', { callId: 'c-1', sessionId: 's-1', employeeNo: 'A007', targetSeconds: 180, warningSeconds: 150 }),
      journalEntry(7, 'call.detailsUpdated', { callId: 'c-1', callerNumber: record.callerNumber, customerName: '王先生', notes: '查件' }),
      journalEntry(8, 'call.scriptShown', { callId: 'c-1', script: { scriptId: 'greeting.standard', version: 2 } }),
      journalEntry(9, 'call.scriptShown', { callId: 'c-1', script: { scriptId: 'greeting.standard', version: 2 } }),
      journalEntry(10, 'call.greetingSaid', { callId: 'c-1' }),
      journalEntry(11, 'call.hungUp', { callId: 'c-1' }),
    ]
    await catchUp(db, journalReader(entries))

    expect(await db.scripts.get('greeting.standard')).toMatchObject({ version: 2, firstSeq: 1, retired: 0, publishedAt: entries[2]!.ts })
    expect(await db.scripts.get('closing.standard')).toMatchObject({ version: 1, retired: 1 })
    expect(await readMeta(db, 'callSettings')).toEqual(settings)
    expect(await db.calls.get('c-1')).toEqual({
      callId: 'c-1',
      sessionId: 's-1',
      employeeNo: 'A007',
      answeredAt: entries[5]!.ts,
      hungUpAt: entries[10]!.ts,
      completedAt: null,
      handlingMs: null,
      targetSeconds: 180,
      overTarget: false,
      overTargetReason: null,
      greetingSaid: true,
      closingSaid: false,
      callerNumber: record.callerNumber,
      customerName: '王先生',
      notes: '查件',
      scriptsShown: [{ scriptId: 'greeting.standard', version: 2 }],
    })

    await catchUp(db, journalReader([...entries, journalEntry(12, 'call.completed', { record })]))
    expect(await db.calls.get('c-1')).toEqual(record)
    const today = await db.calls.where('[employeeNo+answeredAt]').between(['A007', '2026-11-23T00:00:00.000Z'], ['A007', '\uffff']).toArray()
    expect(today.map((row) => row.callId)).toEqual(['c-1'])
  })
})

describe('projection of tickets in pages', () => {
  const ticketHistory = (): JournalEntry[] => [
    ticketOpened(1, { ticketId: 't-1', kind: 'overcharge' }, { ts: '2026-11-23T01:00:00.000Z' }),
    ticketOpened(2, { ticketId: 't-2', kind: 'complaint' }, { ts: '2026-11-23T01:05:00.000Z' }),
    callbackScheduled(3, { ticketId: 't-1', callbackId: 'cb-1', dueAt: '2026-11-23T02:00:00.000Z' }),
    customerSaved(4),
    ticketStatusChanged(5, { ticketId: 't-1', status: 'waiting', waitingOn: 'customer' }),
    // A supervisor's change mid-page: the tickets touched so far are written, then all recomputed.
    deadlineSettingsChanged(6, {
      ...defaultDeadlineSettings,
      clocks: defaultDeadlineSettings.clocks.map((clock) => (clock.id === 'overcharge.settle' ? { ...clock, amount: 3, pauseWhileWaitingOnCustomer: true } : clock)),
    }),
    ticketNoteAdded(7, { ticketId: 't-1', text: '客户已回电' }),
    callbackDone(8, { ticketId: 't-1', callbackId: 'cb-1' }),
    transferOffered(9, { transferId: 'tr-1', ticketIds: ['t-1', 't-2'], to: 'A002' }),
    callbackScheduled(10, { ticketId: 't-2', callbackId: 'cb-2', dueAt: '2026-11-24T02:00:00.000Z' }),
    transferAccepted(11, { transferId: 'tr-1', ticketIds: ['t-1', 't-2'], to: 'A002' }),
    workingCalendarChanged(12, { overrides: [{ date: '2026-11-24', kind: 'holiday', note: '司庆日' }], coveredYears: [] }),
    ticketStatusChanged(13, { ticketId: 't-1', status: 'inProgress' }, { actor: 'A002' }),
    ticketOpened(14, { ticketId: 't-3', kind: 'trackingInquiry' }),
  ]
  const dump = async (db: SeatDeskDb) =>
    Object.fromEntries(await Promise.all(projectionTableNames.map(async (name) => [name, await db[name].toArray()] as const)))

  it('a page applied at once builds the same view as its entries applied one by one', async () => {
    const together = freshDb()
    // An async scope: Dexie keeps the transaction across native awaits only inside async functions.
    await together.transaction('rw', projectionTableNames, async () => {
      await applyEntries(together, ticketHistory())
    })
    const oneByOne = freshDb()
    for (const entry of ticketHistory()) {
      await oneByOne.transaction('rw', projectionTableNames, async () => {
        await applyEntry(oneByOne, entry)
      })
    }

    const view = await dump(together)
    expect(view).toEqual(await dump(oneByOne))
    expect(view.tickets).toHaveLength(3)
    expect(view.ticketEvents).toHaveLength(13)
    expect((await together.tickets.get('t-2'))?.owner).toBe('A002')
    expect(await together.callbacks.get('cb-2')).toMatchObject({ owner: 'A002', done: 0 })
  })
})
