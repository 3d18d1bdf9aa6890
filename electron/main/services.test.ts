import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { channelNames } from '../../shared/ipc/channels'
import { contract, type ResponseOf } from '../../shared/ipc/contract'
import type { ScriptInput } from '../../shared/domain/scripts'
import { defaultCallSettings } from '../../shared/domain/callSettings'
import { seedScripts } from '../../shared/domain/seedScripts'
import { defaultDeadlineSettings } from '../../shared/domain/tickets/deadlines'
import { defaultShiftSettings } from '../../shared/domain/handover/shifts'
import { confirmedChecklist } from './demo/demoDesk'
import { fixtureSupervisor, openSeatFixture, type SeatFixture } from './demo/seatFixture'
import { fastScryptCost } from './identity/scrypt'
import { SecretsStore } from './identity/secrets'
import { createUserKeyPair } from './identity/userKey'
import { hashPin } from './identity/pinHash'
import { openJournal } from './journal/openJournal'
import { verifyJournalDirectory } from './journal/verifyJournalDirectory'
import { loadOrCreateSeatKey } from './keys/seatKey'
import { unprotectedSealer } from './keys/sealer'
import { createSeatDeskServices } from './services'

const [greetingSeed] = seedScripts as [ScriptInput, ...ScriptInput[]]

let seat: SeatFixture
afterEach(async () => {
  await seat.dispose()
})

async function segmentPath(dataDir: string): Promise<string> {
  const folder = join(dataDir, 'journal')
  const [first] = (await readdir(folder)).filter((name) => name.startsWith('segment-')).sort()
  if (!first) throw new Error('no segment')
  return join(folder, first)
}

describe('createSeatDeskServices', () => {
  it('answers every channel in the shape the contract promises', async () => {
    seat = await openSeatFixture({ configured: false })
    // The latest answer of each channel, for requests that name what an earlier one created.
    const answers = new Map<string, unknown>()
    const answerOf = <K extends keyof typeof contract>(channel: K) => answers.get(channel) as ResponseOf<K>
    const handoverPage = () => ({
      pageId: 'page-1',
      date: '2026-03-02',
      patternId: 'morning',
      outgoing: 'A001',
      incoming: 'A002',
      lead: 'L001',
      tickets: [{ ticketId: answerOf('ticketOpen').ticketId, ticketNo: answerOf('ticketOpen').ticketNo, kind: 'trackingInquiry', nextStep: '等待分公司回复', dueAt: null }],
      callbacks: [],
      leftoverGoods: [],
      cases: [],
      equipmentFaults: [],
      notices: [{ itemId: 'nt-1', text: '3月起华东线路报价调整' }],
      remarks: '',
    })
    const inquiry = { kind: 'trackingInquiry', callerPhone: '13812345678', customerName: '陈先生', callerRole: 'consignee', waybillNo: 'SF1234567890', goodsCheck: null, note: '' }
    const calls: Array<[keyof typeof contract, unknown]> = [
      ['appInfo', {}],
      ['seatStatus', {}],
      ['sessionCurrent', {}],
      ['seatSetup', { companyName: '佳途物流', branchCode: 'SZ01', seatNumber: '01', supervisor: fixtureSupervisor }],
      ['signIn', { employeeNo: fixtureSupervisor.employeeNo, pin: fixtureSupervisor.pin }],
      ['journalRead', { afterSeq: 0, limit: 10 }],
      ['checklistConfirm', { items: confirmedChecklist, pin: fixtureSupervisor.pin }],
      ['settingsGet', {}],
      ['settingsUpdate', { settings: { lockoutAttempts: 6, lockoutMinutes: 10, idleLockMinutes: 5 } }],
      ['userAdd', { employeeNo: 'A001', name: '张伟', role: 'agent', pin: '200001' }],
      ['callSettingsGet', {}],
      ['callSettingsUpdate', { settings: { ...defaultCallSettings, targetSeconds: 240, warningSeconds: 200 } }],
      ['scriptsList', {}],
      ['scriptSave', { script: { ...greetingSeed, body: { ...greetingSeed.body, en: 'Hello, {company}, {agentName} speaking.' } } }],
      ['scriptsExport', {}],
      ['scriptsImport', { json: JSON.stringify({ format: 'seatdesk-scripts/v1', scripts: [{ ...greetingSeed, scriptId: 'greeting.short' }] }) }],
      ['scriptRetire', { scriptId: 'greeting.short' }],
      ['callAnswer', {}],
      ['callCurrent', {}],
      ['callUpdate', { callerNumber: '13812345678', customerName: '陈先生', notes: '查询运单到站情况' }],
      ['callScriptShown', { script: { scriptId: 'greeting.standard', version: 2 } }],
      ['callMark', { mark: 'greeting' }],
      ['callHangUp', {}],
      ['callComplete', { overTargetReason: null }],
      ['ticketOpen', { details: inquiry }],
      ['ticketUpdate', () => ({ ticketId: answerOf('ticketOpen').ticketId, details: { ...inquiry, goodsCheck: 'goodsFound' } })],
      ['ticketSetStatus', () => ({ ticketId: answerOf('ticketOpen').ticketId, to: 'inProgress', waitingOn: null, note: '' })],
      ['ticketAddNote', () => ({ ticketId: answerOf('ticketOpen').ticketId, text: '客户再次来电催问' })],
      ['ticketStepDone', () => ({ ticketId: answerOf('ticketOpen').ticketId, clockId: 'trackingInquiry.answer', note: '' })],
      ['ticketScheduleCallback', () => ({ ticketId: answerOf('ticketOpen').ticketId, dueAt: '2026-03-02T15:30:00+08:00', note: '' })],
      ['ticketRecordCallback', () => ({ ticketId: answerOf('ticketOpen').ticketId, callbackId: answerOf('ticketScheduleCallback').callbackId, outcome: 'reached', note: '' })],
      ['ticketEscalate', () => ({ ticketId: answerOf('ticketOpen').ticketId, to: 'supervisor', reason: '客户要求主管回电' })],
      ['customerSave', { customer: { phone: '13812345678', name: '陈先生', role: 'consignee', company: '', address: '' } }],
      ['customerRevealPhone', () => ({ phone: '+8613812345678', context: 'ticket', ticketId: answerOf('ticketOpen').ticketId })],
      ['deadlineSettingsGet', {}],
      ['deadlineSettingsUpdate', { settings: { ...defaultDeadlineSettings, regulatorRule: { ...defaultDeadlineSettings.regulatorRule, enabled: true } } }],
      ['workingCalendarGet', {}],
      ['workingCalendarUpdate', { settings: { overrides: [{ date: '2026-05-20', kind: 'holiday', note: '司庆日' }], coveredYears: [] } }],
      ['ticketTransferOffer', () => ({ ticketIds: [answerOf('ticketOpen').ticketId], to: 'A001', reason: '交接班移交' })],
      ['ticketTransferCancel', () => ({ transferId: answerOf('ticketTransferOffer').transferId })],
      ['ticketTransferOffer', () => ({ ticketIds: [answerOf('ticketOpen').ticketId], to: 'A001', reason: '交接班移交' })],
      ['signIn', { employeeNo: 'A001', pin: '200001' }],
      ['checklistConfirm', { items: confirmedChecklist, pin: '200001' }],
      ['ticketTransferDecline', () => ({ transferId: answerOf('ticketTransferOffer').transferId, reason: '非本人负责区域' })],
      ['signIn', { employeeNo: fixtureSupervisor.employeeNo, pin: fixtureSupervisor.pin }],
      ['checklistConfirm', { items: confirmedChecklist, pin: fixtureSupervisor.pin }],
      ['ticketTransferOffer', () => ({ ticketIds: [answerOf('ticketOpen').ticketId], to: 'A001', reason: '交接班移交' })],
      ['signIn', { employeeNo: 'A001', pin: '200001' }],
      ['checklistConfirm', { items: confirmedChecklist, pin: '200001' }],
      ['ticketTransferAccept', () => ({ transferId: answerOf('ticketTransferOffer').transferId, pin: '200001' })],
      ['signIn', { employeeNo: fixtureSupervisor.employeeNo, pin: fixtureSupervisor.pin }],
      ['checklistConfirm', { items: confirmedChecklist, pin: fixtureSupervisor.pin }],
      // The handover book: A001 (who now owns the ticket) hands over to A002, L001 leads.
      ['shiftSettingsGet', {}],
      ['shiftSettingsUpdate', { settings: { ...defaultShiftSettings, dutyRule: { ...defaultShiftSettings.dutyRule, eveningStayMinutes: 60 } } }],
      ['userAdd', { employeeNo: 'A002', name: '李娜', role: 'agent', pin: '200002' }],
      ['userAdd', { employeeNo: 'L001', name: '王建国', role: 'shiftLead', pin: '135790' }],
      ['rosterSet', { day: { date: '2026-03-02', shifts: [{ patternId: 'morning', agents: ['A001', 'A002'], lead: 'L001' }], duty: 'A001' } }],
      ['signIn', { employeeNo: 'A001', pin: '200001' }],
      ['checklistConfirm', { items: confirmedChecklist, pin: '200001' }],
      ['handoverSaveDraft', () => ({ page: handoverPage() })],
      ['handoverSign', () => ({ page: handoverPage(), pin: '200001' })],
      ['signIn', { employeeNo: 'A002', pin: '200002' }],
      ['checklistConfirm', { items: confirmedChecklist, pin: '200002' }],
      ['handoverAcknowledge', { pageId: 'page-1', refused: [{ item: 'notices:nt-1', reason: '未收到通知原文' }], remarks: '', pin: '200002' }],
      ['handoverWaive', { pageId: 'page-1', employeeNo: 'L001', pin: '135790', reason: '已确认' }],
      ['handoverCountersign', { pageId: 'page-1', employeeNo: 'L001', pin: '135790' }],
      ['handoverCorrect', { pageId: 'page-1', employeeNo: 'L001', pin: '135790', text: '通知已补发' }],
      ['handoverVerify', {}],
      // The fixture is the browser preview: it has no PDF printer (see the test below for the refusal).
      ['handoverPrintPdf', { from: '2026-03-01', to: '2026-03-02' }],
      ['signIn', { employeeNo: fixtureSupervisor.employeeNo, pin: fixtureSupervisor.pin }],
      ['checklistConfirm', { items: confirmedChecklist, pin: fixtureSupervisor.pin }],
      // The HQ export is a lead's or a supervisor's (it carries the customers' data).
      ['handoverExport', { from: '2026-03-01', to: '2026-03-02' }],
      ['userSetActive', { employeeNo: 'A001', active: false }],
      ['userResetPin', { employeeNo: 'A001', pin: '200009' }],
      ['usersList', {}],
      ['sessionLock', { reason: 'manual' }],
      ['sessionUnlock', { pin: fixtureSupervisor.pin }],
      ['sessionCurrent', {}],
      ['signOut', {}],
    ]
    expect(new Set(calls.map(([channel]) => channel))).toEqual(new Set(channelNames))
    for (const [channel, request] of calls) {
      const result = await seat.services.dispatch(channel, typeof request === 'function' ? (request as () => unknown)() : request)
      if (channel === 'handoverPrintPdf') {
        expect(result).toEqual({ ok: false, error: { code: 'printUnavailable' } })
        continue
      }
      expect(result, channel).toMatchObject({ ok: true })
      if (result.ok) {
        expect(contract[channel].response.safeParse(result.value).success, channel).toBe(true)
        answers.set(channel, result.value)
      }
    }
    expect(await seat.call('appInfo', {})).toEqual({ version: '0.0.0-test', runtime: 'browserPreview' })
    expect((await verifyJournalDirectory(join(seat.dataDir, 'journal'))).status).toBe('intact')
  })

  it('lets the renderer page through the journal for a signed-in session only, locked or not', async () => {
    seat = await openSeatFixture()
    // Tickets name customers: nobody reads the journal before signing in.
    expect(await seat.send('journalRead', { afterSeq: 0, limit: 10 })).toEqual({ ok: false, error: { code: 'notSignedIn' } })
    await seat.signInReady(fixtureSupervisor.employeeNo, fixtureSupervisor.pin)
    const head = seat.headSeq()
    const page = await seat.call('journalRead', { afterSeq: 1, limit: 1 })
    expect(page.headSeq).toBe(head)
    expect(page.entries.map((entry) => [entry.seq, entry.kind])).toEqual([[2, 'user.added']])
    expect(await seat.call('journalRead', { afterSeq: head, limit: 1000 })).toEqual({ entries: [], headSeq: head })
    // The view keeps following the journal under the lock screen.
    await seat.call('sessionLock', { reason: 'manual' })
    expect((await seat.call('journalRead', { afterSeq: 0, limit: 1000 })).headSeq).toBe(seat.headSeq())
    await seat.call('signOut', {})
    expect(await seat.send('journalRead', { afterSeq: 0, limit: 10 })).toEqual({ ok: false, error: { code: 'notSignedIn' } })
  })

  it('reports a corrupt journal and refuses everything but appInfo and seatStatus', async () => {
    seat = await openSeatFixture()
    await seat.services.close()
    const path = await segmentPath(seat.dataDir)
    const text = await readFile(path, 'utf8')
    await writeFile(path, text.replace('"seatNumber":"01"', '"seatNumber":"02"'))
    await seat.restart()
    const status = await seat.call('seatStatus', {})
    expect(status.seat).toBeNull()
    expect(status.journal).toMatchObject({ state: 'corrupt', seq: 1, directory: join(seat.dataDir, 'journal') })
    expect(await seat.call('appInfo', {})).toMatchObject({ runtime: 'browserPreview' })
    for (const channel of channelNames.filter((name) => name !== 'appInfo' && name !== 'seatStatus')) {
      const result = await seat.services.handlers[channel]({} as never).then(
        () => 'answered',
        (error: { code?: string }) => error.code,
      )
      expect(result, channel).toBe('journalUnavailable')
    }
    expect(await seat.send('signIn', { employeeNo: 'S001', pin: '1234' })).toEqual({ ok: false, error: { code: 'journalUnavailable' } })
    // Nothing on disk was touched.
    expect(await readFile(path, 'utf8')).toBe(text.replace('"seatNumber":"01"', '"seatNumber":"02"'))
  })

  it('refuses a data folder another open seat is using, without touching it, until that one closes', async () => {
    seat = await openSeatFixture()
    const path = await segmentPath(seat.dataDir)
    const before = await readFile(path, 'utf8')
    const second = await createSeatDeskServices({
      dataDir: seat.dataDir,
      clock: seat.clock,
      sealer: unprotectedSealer,
      runtime: 'browserPreview',
      version: 'second',
      scryptCost: fastScryptCost,
      logger: { error: () => undefined },
    })
    try {
      expect(second.journalState()).toEqual({
        state: 'corrupt',
        seq: null,
        reason: `another SeatDesk process is using this data folder (pid ${process.pid})`,
        directory: join(seat.dataDir, 'journal'),
      })
      expect(await second.dispatch('signIn', { employeeNo: 'S001', pin: '246810' })).toEqual({ ok: false, error: { code: 'journalUnavailable' } })
    } finally {
      await second.close()
    }
    expect(await readFile(path, 'utf8')).toBe(before)
    // The first seat still works, and once it closes the folder opens again.
    await seat.call('signIn', { employeeNo: fixtureSupervisor.employeeNo, pin: fixtureSupervisor.pin })
    await seat.restart()
    expect(seat.services.journalState()).toMatchObject({ state: 'ok' })
  })

  it('names an unavailable keyring instead of calling the seat key corrupt', async () => {
    const xorSealer = {
      kind: 'safeStorage' as const,
      seal: (plain: Buffer) => Buffer.from(plain.map((byte) => byte ^ 0x5a)),
      unseal: (sealed: Buffer) => Buffer.from(sealed.map((byte) => byte ^ 0x5a)),
    }
    seat = await openSeatFixture({ sealer: xorSealer })
    await seat.services.close()
    seat.services = await createSeatDeskServices({
      dataDir: seat.dataDir,
      clock: seat.clock,
      sealer: unprotectedSealer,
      runtime: 'browserPreview',
      version: 'no-keyring',
    })
    expect(seat.services.journalState()).toEqual({
      state: 'corrupt',
      seq: null,
      reason: "seat key: the OS keyring that protects this seat's key is not available; unlock the keyring and restart",
      directory: join(seat.dataDir, 'keys'),
    })
  })

  it('reports an unreadable secrets file instead of crashing', async () => {
    seat = await openSeatFixture()
    await seat.services.close()
    await writeFile(join(seat.dataDir, 'identity', 'secrets.json'), '{"format":"other"}')
    await seat.restart()
    expect((await seat.call('seatStatus', {})).journal).toMatchObject({ state: 'corrupt', directory: join(seat.dataDir, 'identity') })
  })

  it('finishes a PIN reset a crash cut between secrets.json and the journal', async () => {
    seat = await openSeatFixture()
    await seat.services.close()
    // What resetPin writes before its journal entry: new hash and key pair in secrets.json.
    const secrets = await SecretsStore.open(seat.dataDir)
    const keyPair = await createUserKeyPair('S001', '8642', fastScryptCost)
    await secrets.put('S001', {
      pinHash: await hashPin('8642', fastScryptCost),
      publicKey: keyPair.publicKey,
      privateKey: keyPair.lockedPrivateKey,
      failedAttempts: 0,
      lockedUntil: null,
    })
    await seat.restart()
    const entries = await seat.journalEntries()
    expect(entries.at(-1)).toMatchObject({ kind: 'user.keyRotated', actor: 'seat', payload: { publicKey: keyPair.publicKey } })
    await seat.call('signIn', { employeeNo: 'S001', pin: '8642' })
    expect((await verifyJournalDirectory(join(seat.dataDir, 'journal'))).status).toBe('intact')
  })

  it('completes a setup a crash cut after seat.created', async () => {
    seat = await openSeatFixture({ configured: false })
    await seat.services.close()
    const seatKey = await loadOrCreateSeatKey(seat.dataDir, unprotectedSealer)
    const opened = await openJournal({ directory: join(seat.dataDir, 'journal'), signer: seatKey, clock: seat.clock })
    if (opened.status !== 'ok') throw new Error('journal did not open')
    await opened.journal.append('seat.created', 'S001', {
      seatId: 'seat-1',
      companyName: '佳途物流',
      branchCode: 'SZ01',
      seatNumber: '01',
      seatPublicKey: seatKey.publicKey,
      keyProtection: 'unprotected',
    })
    await opened.journal.close()
    await seat.restart()
    expect((await seat.call('seatStatus', {})).seat).toBeNull()
    const configured = await seat.call('seatSetup', { companyName: '佳途物流', branchCode: 'SZ01', seatNumber: '01', supervisor: fixtureSupervisor })
    expect(configured.seatId).toBe('seat-1')
    const entries = await seat.journalEntries()
    expect(entries.slice(0, 3).map((entry) => entry.kind)).toEqual(['seat.created', 'user.added', 'script.published'])
  })

  it('serialises concurrent calls: two sign-ins end with one open session', async () => {
    seat = await openSeatFixture()
    await seat.signInReady(fixtureSupervisor.employeeNo, fixtureSupervisor.pin)
    await seat.call('userAdd', { employeeNo: 'A001', name: '张伟', role: 'agent', pin: '200001' })
    const [first, second] = await Promise.all([
      seat.send('signIn', { employeeNo: 'A001', pin: '200001' }),
      seat.send('signIn', { employeeNo: 'S001', pin: fixtureSupervisor.pin }),
    ])
    expect(first.ok && second.ok).toBe(true)
    const { entries } = await seat.call('journalRead', { afterSeq: 0, limit: 100 })
    const kinds = entries.slice(-4).map((entry) => entry.kind)
    expect(kinds).toEqual(['session.signedOut', 'session.signedIn', 'session.signedOut', 'session.signedIn'])
    expect((await seat.call('sessionCurrent', {}))?.user.employeeNo).toBe('S001')
  })
})
