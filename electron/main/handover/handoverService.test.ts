import { readFile, readdir, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { handoverPageSchema, type HandoverPage } from '../../../shared/domain/handover/page'
import { defaultShiftSettings } from '../../../shared/domain/handover/shifts'
import type { SeatFixture } from '../demo/seatFixture'
import { verifyLines } from '../journal/verifyEntries'
import {
  actAs,
  agentLi,
  agentZhang,
  entriesOfKind,
  openTicket,
  openTicketSeat,
  refusedWithoutWriting,
  shiftLeadWang,
  supervisor,
  unlockAfterRestart,
} from '../tickets/ticketSeatFixture'
import { checkpointsPath, readCheckpoints } from './checkpointFile'
import { handoverPage, ownerMayMove } from './handoverTestPages'
import { pageHash } from './pageHash'
import { verifyBook } from './verifyBook'

let seat: SeatFixture
afterEach(async () => {
  await seat?.dispose()
})

const WRONG_PIN = '999999'

async function lastSegment(dataDir: string): Promise<string> {
  const folder = join(dataDir, 'journal')
  const last = (await readdir(folder)).filter((name) => /^segment-\d+\.ndjson$/.test(name)).sort().at(-1)
  if (!last) throw new Error('no segment')
  return join(folder, last)
}

describe('the handover of one shift', () => {
  it('is signed, acknowledged with a refusal, countersigned with a checkpoint on disk, then corrected', async () => {
    seat = await openTicketSeat()
    const first = await openTicket(seat)
    const second = await openTicket(seat)
    const third = await openTicket(seat)
    const callback = await seat.call('ticketScheduleCallback', { ticketId: second.ticketId, dueAt: '2026-03-02T15:30:00+08:00', note: '回电' })
    const page = handoverPage('page-1', [first, second, third])

    // Drafts are the outgoing agent's own.
    expect(await seat.call('handoverSaveDraft', { page })).toEqual({ pageId: 'page-1' })
    expect((await refusedWithoutWriting(seat, 'handoverSaveDraft', { page: { ...page, outgoing: agentLi.employeeNo, incoming: agentZhang.employeeNo } })).code).toBe('notPageOutgoing')
    expect((await refusedWithoutWriting(seat, 'handoverSign', { page, pin: WRONG_PIN })).code).toBe('badCredentials')

    const signed = await seat.call('handoverSign', { page, pin: agentZhang.pin })
    const [signedEntry] = await entriesOfKind(seat, 'handover.signed')
    expect(signed.pageHash).toBe(pageHash((signedEntry?.payload as { page: typeof page }).page))
    expect(signedEntry?.actor).toBe(agentZhang.employeeNo)
    expect((await refusedWithoutWriting(seat, 'handoverSaveDraft', { page })).code).toBe('pageAlreadySigned')
    expect((await refusedWithoutWriting(seat, 'handoverSign', { page, pin: agentZhang.pin })).code).toBe('pageAlreadySigned')

    // Nothing to countersign or correct before the incoming agent took it on.
    const countersign = { pageId: 'page-1', employeeNo: shiftLeadWang.employeeNo, pin: shiftLeadWang.pin }
    expect((await refusedWithoutWriting(seat, 'handoverCountersign', countersign)).code).toBe('pageNotAcknowledged')
    expect((await refusedWithoutWriting(seat, 'handoverCorrect', { ...countersign, text: '更正' })).code).toBe('pageNotCountersigned')
    const acknowledge = { pageId: 'page-1', refused: [{ item: `tickets:${third.ticketId}`, reason: '该件需原受理人跟进' }], remarks: '其余已接收', pin: agentLi.pin }
    expect((await refusedWithoutWriting(seat, 'handoverAcknowledge', acknowledge)).code).toBe('notPageIncoming')

    await actAs(seat, agentLi)
    expect((await refusedWithoutWriting(seat, 'handoverAcknowledge', { ...acknowledge, pin: WRONG_PIN })).code).toBe('badCredentials')
    expect(
      await refusedWithoutWriting(seat, 'handoverAcknowledge', { ...acknowledge, refused: [{ item: 'tickets:nope', reason: '没有这件' }] }),
    ).toEqual({ code: 'unknownPageItem', params: { item: 'tickets:nope' } })
    const headBefore = seat.headSeq()
    expect(await seat.call('handoverAcknowledge', acknowledge)).toEqual({ movedTicketIds: [first.ticketId, second.ticketId], inTransfer: [] })
    const written = (await seat.journalEntries()).filter((entry) => entry.seq > headBefore)
    expect(written.map((entry) => [entry.kind, entry.actor])).toEqual([
      ['handover.acknowledged', agentLi.employeeNo],
      ['ticket.handedOver', agentLi.employeeNo],
    ])
    expect(written[1]?.payload).toEqual({ pageId: 'page-1', ticketIds: [first.ticketId, second.ticketId], from: 'A001', to: 'A002' })
    expect((await refusedWithoutWriting(seat, 'handoverAcknowledge', acknowledge)).code).toBe('pageAlreadySigned')

    // The accepted tickets (with their pending callback) are Li's; the refused one stays with Zhang.
    expect(await ownerMayMove(seat, first.ticketId)).toBe(true)
    expect(await ownerMayMove(seat, second.ticketId)).toBe(true)
    expect(await ownerMayMove(seat, third.ticketId)).toBe(false)
    await seat.call('ticketRecordCallback', { ticketId: second.ticketId, callbackId: callback.callbackId, outcome: 'reached', note: '' })

    // The lead types their number and PIN at Li's seat.
    expect((await refusedWithoutWriting(seat, 'handoverCountersign', { ...countersign, pin: WRONG_PIN })).code).toBe('badCredentials')
    expect((await refusedWithoutWriting(seat, 'handoverCountersign', { ...countersign, employeeNo: agentLi.employeeNo, pin: agentLi.pin })).code).toBe('notPageLead')
    const head = (await seat.journalEntries()).at(-1)
    const { checkpoint } = await seat.call('handoverCountersign', countersign)
    expect(checkpoint).toEqual({ seq: head?.seq, hash: head?.hash })
    const [countersigned] = await entriesOfKind(seat, 'handover.countersigned')
    expect(countersigned?.seq).toBe(checkpoint.seq + 1)
    expect(countersigned?.payload).toMatchObject({ pageId: 'page-1', pageHash: signed.pageHash, checkpoint, attestation: { employeeNo: 'L001' } })
    // Typed at Li's seat, but the lead's act: the lead is the entry's actor.
    expect(countersigned?.actor).toBe('L001')
    expect((await readCheckpoints(seat.dataDir)).lines).toEqual([
      { pageId: 'page-1', seq: checkpoint.seq, hash: checkpoint.hash, countersignedAt: countersigned?.ts, lead: 'L001' },
    ])
    expect((await refusedWithoutWriting(seat, 'handoverCountersign', countersign)).code).toBe('pageCountersigned')
    expect((await refusedWithoutWriting(seat, 'handoverAcknowledge', acknowledge)).code).toBe('pageCountersigned')

    // After countersigning the page only gathers corrections, by the lead or the outgoing agent.
    const correction = { pageId: 'page-1', employeeNo: agentZhang.employeeNo, pin: agentZhang.pin, text: '剩货应为三箱' }
    expect((await refusedWithoutWriting(seat, 'handoverCorrect', { ...correction, pin: WRONG_PIN })).code).toBe('badCredentials')
    expect((await refusedWithoutWriting(seat, 'handoverCorrect', { ...correction, employeeNo: agentLi.employeeNo, pin: agentLi.pin })).code).toBe('notPageLead')
    const { correctionId } = await seat.call('handoverCorrect', correction)
    expect((await entriesOfKind(seat, 'handover.corrected')).map((entry) => entry.payload)).toMatchObject([
      { pageId: 'page-1', correctionId, text: '剩货应为三箱', attestation: { employeeNo: 'A001' } },
    ])

    expect(await seat.call('handoverVerify', {})).toEqual({ ok: true, entries: seat.headSeq(), pages: 1, checkpoints: 1, problems: [] })

    // Replayed after a restart, the owners and the page's state are the same; a checkpoint line lost
    // to a crash right after the countersign entry is written again from the journal.
    await writeFile(checkpointsPath(seat.dataDir), '')
    await seat.restart()
    expect((await readCheckpoints(seat.dataDir)).lines).toEqual([
      { pageId: 'page-1', seq: checkpoint.seq, hash: checkpoint.hash, countersignedAt: countersigned?.ts, lead: 'L001' },
    ])
    await unlockAfterRestart(seat, agentLi)
    expect(await ownerMayMove(seat, first.ticketId)).toBe(true)
    expect(await ownerMayMove(seat, third.ticketId)).toBe(false)
    expect((await refusedWithoutWriting(seat, 'handoverCountersign', countersign)).code).toBe('pageCountersigned')
  })

  it('refuses to sign while an open ticket the agent owns is missing, or one listed is not theirs', async () => {
    seat = await openTicketSeat()
    const mine = await openTicket(seat)
    const alsoMine = await openTicket(seat)
    await actAs(seat, agentLi)
    const hers = await openTicket(seat)
    await actAs(seat, agentZhang)

    expect(await refusedWithoutWriting(seat, 'handoverSign', { page: handoverPage('p', [mine]), pin: agentZhang.pin })).toEqual({
      code: 'handoverTicketMissing',
      params: { ticketNos: alsoMine.ticketNo },
    })
    expect(await refusedWithoutWriting(seat, 'handoverSign', { page: handoverPage('p', [mine, alsoMine, hers]), pin: agentZhang.pin })).toEqual({
      code: 'handoverTicketNotOwned',
      params: { ticketNos: hers.ticketNo },
    })
    // A resolved ticket is no longer owed to the customer: it is not carried over.
    await seat.call('ticketUpdate', { ticketId: alsoMine.ticketId, details: { kind: 'trackingInquiry', callerPhone: '138 1234 5678', customerName: '陈先生', callerRole: 'consignee', waybillNo: 'SF1234567890', goodsCheck: 'goodsFound', note: '' } })
    await seat.call('ticketSetStatus', { ticketId: alsoMine.ticketId, to: 'resolved', waitingOn: null, note: '' })
    await seat.call('handoverSign', { page: handoverPage('p', [mine]), pin: agentZhang.pin })
  })

  it('leaves a ticket under an open transfer offer with the outgoing agent until the offer is settled', async () => {
    seat = await openTicketSeat()
    const moving = await openTicket(seat)
    const acceptedLater = await openTicket(seat)
    const declinedLater = await openTicket(seat)
    // One offer before the page is signed, one after: both are still open when Li acknowledges.
    const { transferId: toAccept } = await seat.call('ticketTransferOffer', { ticketIds: [acceptedLater.ticketId], to: shiftLeadWang.employeeNo, reason: '客户要求班长处理' })
    await seat.call('handoverSign', { page: handoverPage('page-t', [moving, acceptedLater, declinedLater]), pin: agentZhang.pin })
    const { transferId: toDecline } = await seat.call('ticketTransferOffer', { ticketIds: [declinedLater.ticketId], to: shiftLeadWang.employeeNo, reason: '涉及分公司赔付' })

    await actAs(seat, agentLi)
    const headBefore = seat.headSeq()
    expect(await seat.call('handoverAcknowledge', { pageId: 'page-t', refused: [], remarks: '', pin: agentLi.pin })).toEqual({
      movedTicketIds: [moving.ticketId],
      inTransfer: [
        { ticketId: acceptedLater.ticketId, ticketNo: acceptedLater.ticketNo, offeredTo: 'L001' },
        { ticketId: declinedLater.ticketId, ticketNo: declinedLater.ticketNo, offeredTo: 'L001' },
      ],
    })
    const written = (await seat.journalEntries()).filter((entry) => entry.seq > headBefore)
    expect(written.map((entry) => entry.kind)).toEqual(['handover.acknowledged', 'ticket.handedOver'])
    expect(written[1]?.payload).toMatchObject({ ticketIds: [moving.ticketId] })
    expect(await ownerMayMove(seat, moving.ticketId)).toBe(true)
    expect(await ownerMayMove(seat, acceptedLater.ticketId)).toBe(false)
    expect(await ownerMayMove(seat, declinedLater.ticketId)).toBe(false)

    // The offers are settled as usual, each from Zhang, who still owns the ticket: accepted, it is
    // Wang's; declined, it stays with Zhang (who hands it over on a later page or offers it again).
    await actAs(seat, shiftLeadWang)
    await seat.call('ticketTransferAccept', { transferId: toAccept, pin: shiftLeadWang.pin })
    await seat.call('ticketTransferDecline', { transferId: toDecline, reason: '请交给接班人' })
    expect(await ownerMayMove(seat, acceptedLater.ticketId)).toBe(true)
    await actAs(seat, agentZhang)
    expect(await ownerMayMove(seat, declinedLater.ticketId)).toBe(true)
    expect(await ownerMayMove(seat, acceptedLater.ticketId)).toBe(false)
    await actAs(seat, agentLi)
    expect(await ownerMayMove(seat, moving.ticketId)).toBe(true)
    expect(await ownerMayMove(seat, acceptedLater.ticketId)).toBe(false)

    // Replayed after a restart, the owners are the same.
    await seat.restart()
    await unlockAfterRestart(seat, agentLi)
    expect(await ownerMayMove(seat, moving.ticketId)).toBe(true)
    expect(await ownerMayMove(seat, declinedLater.ticketId)).toBe(false)
  })

  it('signs the shift’s name as the settings call it then: a pattern renamed later does not rename the page', async () => {
    seat = await openTicketSeat()
    const drafted = handoverPage('page-1', [await openTicket(seat)], { patternLabel: { 'zh-CN': '随便写的', en: 'Made up' } })
    // A draft is the agent's own words; the name is fixed when the page is signed, from the settings.
    await seat.call('handoverSaveDraft', { page: handoverPage('page-1', drafted.tickets) })
    await seat.call('handoverSign', { page: drafted, pin: agentZhang.pin })

    await actAs(seat, supervisor)
    const renamed = defaultShiftSettings.patterns.map((pattern) => (pattern.id === 'morning' ? { ...pattern, label: { 'zh-CN': '白班', en: 'Day' } } : pattern))
    await seat.call('shiftSettingsUpdate', { settings: { ...defaultShiftSettings, patterns: renamed } })
    await actAs(seat, agentLi)
    await seat.call('handoverSign', { page: handoverPage('page-2', [], { outgoing: agentLi.employeeNo, incoming: agentZhang.employeeNo }), pin: agentLi.pin })

    const signed = (await entriesOfKind(seat, 'handover.signed')).map((entry) => entry.payload as { page: HandoverPage; pageHash: string })
    expect(signed.map(({ page }) => [page.pageId, page.patternLabel])).toEqual([
      ['page-1', { 'zh-CN': '早班', en: 'Morning' }],
      ['page-2', { 'zh-CN': '白班', en: 'Day' }],
    ])
    // The name is part of what was signed: the page hash covers it, and the book verifies.
    for (const { page, pageHash: hash } of signed) expect(pageHash(page)).toBe(hash)
    expect((await seat.call('handoverVerify', {})).ok).toBe(true)
  })

  it('keeps the hash of a page signed before the shift’s name was recorded on it', () => {
    // The hash of this page as the first handover build computed it: a page without a name must not change.
    const legacy = handoverPageSchema.parse(handoverPage('page-legacy', [{ ticketId: 't-1', ticketNo: 'SZ01-20260302-0001' }]))
    expect('patternLabel' in legacy).toBe(false)
    expect(pageHash(legacy)).toBe('49ef5cfbbcd7a61546cfc116003c20a9240f458956c05919038e2fb980c26a43')
  })

  it('lets the lead waive the acknowledgement, and the waived page be countersigned', async () => {
    seat = await openTicketSeat()
    const page = handoverPage('page-w', [await openTicket(seat)])
    const waive = { pageId: 'page-w', employeeNo: shiftLeadWang.employeeNo, pin: shiftLeadWang.pin, reason: '接班人员临时请假' }
    expect((await refusedWithoutWriting(seat, 'handoverWaive', waive)).code).toBe('unknownPage')
    await seat.call('handoverSaveDraft', { page })
    expect((await refusedWithoutWriting(seat, 'handoverWaive', waive)).code).toBe('pageNotSigned')
    await seat.call('handoverSign', { page, pin: agentZhang.pin })
    expect((await refusedWithoutWriting(seat, 'handoverWaive', { ...waive, pin: WRONG_PIN })).code).toBe('badCredentials')
    expect((await refusedWithoutWriting(seat, 'handoverWaive', { ...waive, employeeNo: agentZhang.employeeNo, pin: agentZhang.pin })).code).toBe('notPageLead')
    // A supervisor may stand in for the lead.
    expect(await seat.call('handoverWaive', { ...waive, employeeNo: supervisor.employeeNo, pin: supervisor.pin })).toBeNull()
    expect((await entriesOfKind(seat, 'handover.waived')).map((entry) => entry.payload)).toMatchObject([
      { pageId: 'page-w', incoming: 'A002', reason: '接班人员临时请假', attestation: { employeeNo: supervisor.employeeNo } },
    ])
    await seat.call('handoverCountersign', { pageId: 'page-w', employeeNo: shiftLeadWang.employeeNo, pin: shiftLeadWang.pin })
    expect((await seat.call('handoverVerify', {})).ok).toBe(true)
  })
})

describe('the HQ export', () => {
  it('is for shift leads and supervisors only: an agent is refused and nothing is written', async () => {
    seat = await openTicketSeat()
    await openTicket(seat)
    const range = { from: '2026-03-01', to: '2026-03-02' }
    expect(await refusedWithoutWriting(seat, 'handoverExport', range)).toEqual({ code: 'leadOrSupervisorOnly' })
    await expect(readdir(join(seat.dataDir, 'exports'))).rejects.toThrow()

    await actAs(seat, shiftLeadWang)
    const byLead = await seat.call('handoverExport', range)
    expect(byLead.entries).toBeGreaterThan(0)
    await actAs(seat, supervisor)
    expect((await seat.call('handoverExport', range)).path).toBe(byLead.path)

    // Locked, even a lead's session is refused, as for every channel.
    await seat.call('sessionLock', { reason: 'manual' })
    expect(await refusedWithoutWriting(seat, 'handoverExport', range)).toEqual({ code: 'sessionLocked' })
  })
})

describe('verifying the book', () => {
  async function countersignedSeat(): Promise<{ checkpoint: { seq: number; hash: string } }> {
    seat = await openTicketSeat()
    const page = handoverPage('page-1', [await openTicket(seat)])
    await seat.call('handoverSign', { page, pin: agentZhang.pin })
    await actAs(seat, agentLi)
    await seat.call('handoverAcknowledge', { pageId: 'page-1', refused: [], remarks: '', pin: agentLi.pin })
    const { checkpoint } = await seat.call('handoverCountersign', { pageId: 'page-1', employeeNo: shiftLeadWang.employeeNo, pin: shiftLeadWang.pin })
    await seat.call('handoverCorrect', { pageId: 'page-1', employeeNo: shiftLeadWang.employeeNo, pin: shiftLeadWang.pin, text: '补充说明' })
    return { checkpoint }
  }

  it('catches a journal cut at its end by the checkpoint kept with the book', async () => {
    const { checkpoint } = await countersignedSeat()
    await seat.services.close()
    // Keep the lines up to just before the checkpoint's entry: a clean cut at a line boundary.
    const path = await lastSegment(seat.dataDir)
    const text = await readFile(path, 'utf8')
    const lines = text.split('\n').filter((line) => line !== '')
    const keep = lines.filter((line) => (JSON.parse(line) as { seq: number }).seq < checkpoint.seq)
    await truncate(path, Buffer.byteLength(keep.map((line) => `${line}\n`).join(''), 'utf8'))

    // The journal itself is intact, only shorter: it opens, and Verify says what is missing.
    await seat.restart()
    await unlockAfterRestart(seat, agentLi)
    const report = await seat.call('handoverVerify', {})
    expect(report.ok).toBe(false)
    expect(report.problems).toEqual([
      expect.objectContaining({ code: 'journalShorterThanCheckpoint', seq: checkpoint.seq, pageId: 'page-1', detail: expect.stringContaining('page-1') }),
    ])
    expect(await readFile(checkpointsPath(seat.dataDir), 'utf8')).toContain(checkpoint.hash)
  })

  it('checks the PIN attestation of every handover signature, and reports a flipped one', async () => {
    await countersignedSeat()
    await seat.services.close()
    const path = await lastSegment(seat.dataDir)
    const lines = (await readFile(path, 'utf8')).split('\n').filter((line) => line !== '')
    expect(verifyLines(lines).firstBad).toBeNull()
    const attested = ['handover.signed', 'handover.acknowledged', 'handover.countersigned', 'handover.corrected']
    for (const kind of attested) {
      const index = lines.findIndex((line) => (JSON.parse(line) as { kind: string }).kind === kind)
      expect(index, kind).toBeGreaterThan(0)
      const tampered = [...lines]
      tampered[index] = flipAttestation(lines[index] as string)
      expect(verifyLines(tampered).firstBad, kind).toMatchObject({ index, reason: expect.stringMatching(/^attestation by .* does not verify$/) })
    }
    // The book's Verify files it under badAttestation.
    const index = lines.findIndex((line) => line.includes('"handover.acknowledged"'))
    const tampered = [...lines]
    tampered[index] = flipAttestation(lines[index] as string)
    await writeFile(path, tampered.map((line) => `${line}\n`).join(''))
    const report = await verifyBook({ journalDirectory: join(seat.dataDir, 'journal'), dataDir: seat.dataDir })
    expect(report.problems[0]).toMatchObject({ code: 'badAttestation', seq: index + 1 })
  })
})

/** Changes one base64 character of the attestation's signature (the line stays well-formed JSON). */
function flipAttestation(line: string): string {
  const entry = JSON.parse(line) as { payload: { attestation: { sig: string } } }
  const { sig } = entry.payload.attestation
  const flipped = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1)
  return line.replace(`"sig":"${sig}"`, `"sig":"${flipped}"`)
}
