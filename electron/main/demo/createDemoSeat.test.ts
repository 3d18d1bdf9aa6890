import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { clocksForTicket, defaultDeadlineSettings, dueAt } from '../../../shared/domain/tickets/deadlines'
import { resolutionGaps, ticketKinds, type TicketDetails } from '../../../shared/domain/tickets/kinds'
import { isOpenStatus, type TicketStatus } from '../../../shared/domain/tickets/lifecycle'
import { createWorkingDayCalendar } from '../../../shared/domain/tickets/workingDays'
import type { JournalEntry } from '../../../shared/journal/entry'
import type { EntryKind, EntryPayload } from '../../../shared/journal/kinds'
import { toKnownEntry } from '../../../shared/journal/knownEntry'
import { verifyCommand } from '../../cli/verifyCommand'
import { manualClock } from '../clock'
import { readCheckpoints } from '../handover/checkpointFile'
import { HandoverBook } from '../handover/handoverBook'
import { verifyBook } from '../handover/verifyBook'
import { verifyJournalDirectory } from '../journal/verifyJournalDirectory'
import { unprotectedSealer } from '../keys/sealer'
import { createSeatDeskServices } from '../services'
import { createDemoSeat, DEFAULT_DEMO_ENTRIES, DemoFolderInUseError, type DemoSeat } from './createDemoSeat'
import { readJournalFiles } from './seatFixture'

let dataDir: string
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'seatdesk-demo-'))
})
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

describe('createDemoSeat', () => {
  it('builds a verifiable month of shifts whose published PINs work', async () => {
    const now = new Date('2026-03-20T06:00:00.000Z')
    const demo = await createDemoSeat({ dataDir, entries: 400, clock: manualClock(now) })
    expect(demo.entries).toBeGreaterThanOrEqual(360)
    expect(demo.entries).toBeLessThanOrEqual(420)
    expect(demo.users.map((user) => user.role).sort()).toEqual(['agent', 'agent', 'agent', 'agent', 'agent', 'agent', 'shiftLead', 'shiftLead', 'supervisor'])

    const report = await verifyJournalDirectory(join(dataDir, 'journal'))
    expect(report).toMatchObject({ status: 'intact', entries: demo.entries })

    const services = await createSeatDeskServices({ dataDir, clock: manualClock(now), sealer: unprotectedSealer, runtime: 'browserPreview', version: 'test' })
    try {
      const entries = await readJournalFiles(join(dataDir, 'journal'))
      const kinds = new Set(entries.map((entry) => entry.kind))
      for (const kind of ['seat.created', 'user.added', 'user.disabled', 'user.enabled', 'user.keyRotated', 'user.lockedOut', 'settings.changed', 'session.signedIn', 'session.checklistConfirmed', 'session.locked', 'session.unlocked', 'session.signedOut', 'script.published', 'callSettings.changed', 'call.answered', 'call.detailsUpdated', 'call.scriptShown', 'call.greetingSaid', 'call.closingSaid', 'call.hungUp', 'call.completed']) {
        expect(kinds, kind).toContain(kind)
      }
      // Weeks of history, all before "now", oldest first.
      const first = new Date(entries[0]?.ts ?? 0).getTime()
      const last = new Date(entries.at(-1)?.ts ?? 0).getTime()
      expect(now.getTime() - first).toBeGreaterThanOrEqual(29 * 24 * 3_600_000)
      expect(last).toBeLessThan(now.getTime())
      // Nobody is left signed in or locked out.
      expect(await services.dispatch('sessionCurrent', {})).toEqual({ ok: true, value: null })
      for (const user of demo.users) {
        const signIn = await services.dispatch('signIn', { employeeNo: user.employeeNo, pin: user.pin })
        expect(signIn, user.employeeNo).toMatchObject({ ok: true })
      }
    } finally {
      await services.close()
    }
  })

  it('refuses a folder that already holds a seat before opening anything in it', async () => {
    await createDemoSeat({ dataDir, entries: 20 })
    const segment = join(dataDir, 'journal', 'segment-000001.ndjson')
    const before = await readFile(segment)
    await expect(createDemoSeat({ dataDir, entries: 20 })).rejects.toThrow(DemoFolderInUseError)
    await expect(createDemoSeat({ dataDir, entries: 20 })).rejects.toThrow(/already holds seat data \(journal\/segment-000001\.ndjson\)/)
    // Not even opened: a live seat's journal gets no back-dated entries, and no lock is left behind.
    expect(await readFile(segment)).toEqual(before)
    expect(await readdir(join(dataDir, 'journal'))).not.toContain('writer.lock')
  })

  it('refuses a folder with only keys or identity files, and accepts an empty journal folder', async () => {
    await mkdir(join(dataDir, 'keys'))
    await writeFile(join(dataDir, 'keys', 'seat-key.json'), '{}')
    await expect(createDemoSeat({ dataDir, entries: 20 })).rejects.toThrow(/keys\/seat-key\.json/)
    await rm(join(dataDir, 'keys'), { recursive: true })
    await mkdir(join(dataDir, 'identity'))
    await writeFile(join(dataDir, 'identity', 'secrets.json'), '{}')
    await expect(createDemoSeat({ dataDir, entries: 20 })).rejects.toThrow(/identity\/secrets\.json/)
    expect(existsSync(join(dataDir, 'journal'))).toBe(false)
    await rm(join(dataDir, 'identity'), { recursive: true })
    await mkdir(join(dataDir, 'journal'))
    await expect(createDemoSeat({ dataDir, entries: 20 })).resolves.toMatchObject({ users: expect.any(Array) })
  })
})

/**
 * The demo a seat gets by default (the preview's --demo), written once for the tests below and read
 * from the files (journalRead answers only a signed-in session, and the demo leaves nobody signed in).
 */
const defaultNow = new Date('2026-03-20T06:00:00.000Z')
let defaultDemo: { dataDir: string; demo: DemoSeat; entries: JournalEntry[] }

describe('the default demo seat', () => {
  beforeAll(async () => {
    const folder = await mkdtemp(join(tmpdir(), 'seatdesk-demo-default-'))
    const demo = await createDemoSeat({ dataDir: folder, clock: manualClock(defaultNow) })
    defaultDemo = { dataDir: folder, demo, entries: await readJournalFiles(join(folder, 'journal')) }
  }, 180_000)
  afterAll(async () => {
    if (defaultDemo) await rm(defaultDemo.dataDir, { recursive: true, force: true })
  })

  it('keeps to its size and verifies, with the journal CLI too', async () => {
    const { demo, dataDir: folder } = defaultDemo
    expect(demo.entries).toBeGreaterThanOrEqual(DEFAULT_DEMO_ENTRIES * 0.95)
    expect(demo.entries).toBeLessThanOrEqual(DEFAULT_DEMO_ENTRIES * 1.05)
    expect(await verifyJournalDirectory(join(folder, 'journal'))).toMatchObject({ status: 'intact', entries: demo.entries })
    const printed: string[] = []
    const code = await verifyCommand([folder], { out: (line) => printed.push(line), err: (line) => printed.push(line) })
    expect(code, printed.join('\n')).toBe(0)
    expect(printed.at(-1)).toMatch(new RegExp(`^intact: ${demo.entries} entries`))
  })

  it('holds tickets of every kind, opened on calls, worked, handed over, and some overdue at now', () => {
    const { entries } = defaultDemo
    const of = <K extends EntryKind>(kind: K) => entries.filter((entry) => entry.kind === kind).map((entry) => ({ ...entry, payload: entry.payload as EntryPayload<K> }))
    const tickets = ticketsAtEnd(entries)
    expect(new Set([...tickets.values()].map((ticket) => ticket.details.kind))).toEqual(new Set(ticketKinds))

    // Most are opened during a call, and each of those names a call that was open at the time.
    const opened = of('ticket.opened')
    const calls = new Set(of('call.answered').map((entry) => entry.payload.callId))
    const duringCalls = opened.filter((entry) => entry.payload.callId !== null)
    expect(duringCalls.length / opened.length).toBeGreaterThan(0.8)
    for (const entry of duringCalls) expect(calls).toContain(entry.payload.callId)

    // Worked the way the rules allow: resolved ones have every field their kind needs, some are
    // closed, one was reopened; colleagues noted repeat calls, someone escalated, callbacks were kept.
    const statuses = [...tickets.values()].map((ticket) => ticket.status)
    expect(statuses).toEqual(expect.arrayContaining(['inProgress', 'waiting', 'resolved', 'closed']))
    for (const ticket of tickets.values()) if (ticket.status === 'resolved') expect(resolutionGaps(ticket.details)).toEqual([])
    expect(of('ticket.statusChanged').some((entry) => entry.payload.status === 'inProgress' && tickets.get(entry.payload.ticketId)?.history.includes('resolved'))).toBe(true)
    expect(of('ticket.noteAdded').some((entry) => entry.actor !== tickets.get(entry.payload.ticketId)?.openedBy)).toBe(true)
    expect(of('ticket.escalated').map((entry) => entry.payload.to)).toEqual(expect.arrayContaining(['complaintHandling', 'supervisor']))
    expect(of('ticket.callbackDone').length).toBeGreaterThan(0)
    expect([...tickets.values()].some((ticket) => ticket.pendingCallbacks.length > 0)).toBe(true)
    expect(of('customer.saved').length).toBeGreaterThan(0)
    expect(of('customer.phoneRevealed').map((entry) => entry.payload.context)).toContain('ticket')
    // A repeat caller: one phone on two tickets.
    const phones = [...tickets.values()].map((ticket) => ticket.details.callerPhone)
    expect(phones.some((phone, index) => phone !== null && phones.indexOf(phone) !== index)).toBe(true)

    // A handover accepted with the receiving user's own PIN (their signature on the entry).
    const [offer] = of('ticket.transferOffered')
    const [accepted] = of('ticket.transferAccepted')
    expect(accepted?.payload).toMatchObject({ transferId: offer?.payload.transferId, attestation: { employeeNo: offer?.payload.to } })
    expect(accepted?.actor).toBe(offer?.payload.to)

    // Overdue at "now": the last evening's overcharge (2 hours) and tracking inquiry (5 minutes), and
    // the week-old complaint nobody investigated (1 working day).
    const overdue = [...tickets.values()].filter((ticket) => isOverdue(ticket, defaultNow)).map((ticket) => ticket.details.kind)
    expect(overdue).toEqual(expect.arrayContaining(['overcharge', 'trackingInquiry', 'complaint']))
    // Not everything: most tickets were worked in time.
    expect(overdue.length).toBeLessThan(tickets.size / 2)
  })

  it('holds a month of handover pages, each signed, taken over and countersigned by its lead', () => {
    const { entries } = defaultDemo
    const of = <K extends EntryKind>(kind: K) => entries.filter((entry) => entry.kind === kind).map((entry) => ({ ...entry, payload: entry.payload as EntryPayload<K> }))
    const signed = of('handover.signed')
    const acknowledged = new Map(of('handover.acknowledged').map((entry) => [entry.payload.pageId, entry]))
    const countersigned = new Map(of('handover.countersigned').map((entry) => [entry.payload.pageId, entry]))

    // Two pages a day (morning to evening, evening to the next morning) but the last evening, which
    // ends with a transfer: every day of the month before "now".
    const dates = [...new Set(signed.map((entry) => entry.payload.page.date))].sort()
    expect(dates).toHaveLength(30)
    expect(dates.at(-1)).toBe('2026-03-19')
    expect(signed).toHaveLength(2 * 30 - 1)
    expect(new Set(signed.map((entry) => `${entry.payload.page.date}:${entry.payload.page.patternId}`)).size).toBe(signed.length)

    const roster = new Map(of('roster.changed').map((entry) => [entry.payload.day.date, entry.payload.day]))
    for (const { payload, actor } of signed) {
      const { page } = payload
      expect(actor).toBe(page.outgoing)
      // Who hands over to whom, and who leads, is the roster the supervisor entered for that day.
      const shift = roster.get(page.date)?.shifts.find((candidate) => candidate.patternId === page.patternId)
      expect(shift, `${page.date} ${page.patternId}`).toMatchObject({ agents: [page.outgoing], lead: page.lead })
      expect(acknowledged.get(page.pageId)?.actor, page.pageId).toBe(page.incoming)
      expect(countersigned.get(page.pageId)?.actor, page.pageId).toBe(page.lead)
    }
    // Each page is taken over by the agent of the next shift the roster names.
    const mornings = signed.filter((entry) => entry.payload.page.patternId === 'morning')
    for (const { payload } of mornings) {
      expect(roster.get(payload.page.date)?.shifts.find((shift) => shift.patternId === 'evening')?.agents).toEqual([payload.page.incoming])
    }
    // Now and then an item refused with a reason, a lead's waiver first, a correction; tickets on most pages.
    expect(of('handover.acknowledged').some((entry) => entry.payload.refused.length > 0)).toBe(true)
    expect(of('handover.waived').length).toBeGreaterThan(0)
    expect(of('handover.corrected').length).toBeGreaterThan(0)
    expect(signed.filter((entry) => entry.payload.page.tickets.length > 0).length).toBeGreaterThan(signed.length / 2)
    // "Now" is left clean: no page waits for anyone's acknowledgement.
    expect(signed.every((entry) => acknowledged.has(entry.payload.page.pageId))).toBe(true)
    expect(of('shiftSettings.changed')).toHaveLength(1)
    expect(roster.has('2026-03-20')).toBe(true)
  })

  it('moves ticket ownership exactly as the acknowledged pages say', () => {
    const { entries } = defaultDemo
    const owners = new Map<string, string>()
    const open = new Set<string>()
    const transfers = new Map<string, { ticketIds: string[]; to: string }>()
    const pages = new Map<string, EntryPayload<'handover.signed'>['page']>()
    const refusals = new Map<string, Set<string>>()
    let moves = 0
    for (const entry of entries) {
      const payload = entry.payload as Record<string, unknown>
      switch (entry.kind) {
        case 'ticket.opened':
          owners.set(String(payload.ticketId), String(payload.owner))
          open.add(String(payload.ticketId))
          break
        case 'ticket.statusChanged':
          if (isOpenStatus(payload.status as TicketStatus)) open.add(String(payload.ticketId))
          else open.delete(String(payload.ticketId))
          break
        case 'ticket.transferOffered':
          transfers.set(String(payload.transferId), { ticketIds: payload.ticketIds as string[], to: String(payload.to) })
          break
        case 'ticket.transferAccepted':
          for (const ticketId of transfers.get(String(payload.transferId))?.ticketIds ?? []) owners.set(ticketId, entry.actor)
          break
        case 'handover.signed': {
          const { page } = payload as EntryPayload<'handover.signed'>
          pages.set(page.pageId, page)
          // The page lists exactly the open tickets its outgoing agent owns when they sign.
          const owned = [...open].filter((ticketId) => owners.get(ticketId) === page.outgoing).sort()
          expect(page.tickets.map((item) => item.ticketId).sort(), page.pageId).toEqual(owned)
          break
        }
        case 'handover.acknowledged': {
          const { pageId, refused } = payload as EntryPayload<'handover.acknowledged'>
          refusals.set(pageId, new Set(refused.map((item) => item.item)))
          break
        }
        case 'ticket.handedOver': {
          const { pageId, ticketIds, from, to } = payload as EntryPayload<'ticket.handedOver'>
          const page = pages.get(pageId)
          expect(page, pageId).toBeDefined()
          expect({ from, to, actor: entry.actor }).toEqual({ from: page?.outgoing, to: page?.incoming, actor: page?.incoming })
          // Every ticket on the page the incoming agent did not refuse, and nothing else.
          const accepted = (page?.tickets ?? []).map((item) => item.ticketId).filter((ticketId) => !refusals.get(pageId)?.has(`tickets:${ticketId}`))
          expect([...ticketIds].sort()).toEqual(accepted.sort())
          for (const ticketId of ticketIds) {
            expect(owners.get(ticketId)).toBe(from)
            owners.set(ticketId, to)
          }
          moves += ticketIds.length
          break
        }
      }
    }
    expect(moves).toBeGreaterThan(50)
    // A page whose every ticket was accepted has a ticket.handedOver; one refused ticket stays put.
    const refusedTickets = [...refusals.values()].flatMap((refs) => [...refs]).filter((ref) => ref.startsWith('tickets:'))
    expect(refusedTickets.length).toBeGreaterThan(0)
  })

  it('reads in the handover book as countersigned pages whose checkpoints the journal and the book file hold', async () => {
    const { entries, dataDir: folder } = defaultDemo
    const book = new HandoverBook()
    for (const entry of entries) {
      const known = toKnownEntry(entry)
      if (known) book.apply(known)
    }
    const signed = entries.filter((entry) => entry.kind === 'handover.signed').map((entry) => (entry.payload as EntryPayload<'handover.signed'>).page.pageId)
    const bySeq = new Map(entries.map((entry) => [entry.seq, entry]))
    const pages = book.countersignedPages()
    expect(pages.map((record) => record.pageId).sort()).toEqual([...signed].sort())
    for (const record of pages) {
      expect(record.state).toBe('countersigned')
      expect(record.countersigned?.employeeNo).toBe(record.page.lead)
      // The checkpoint is the journal's head just before the countersignature.
      expect(record.checkpoint && bySeq.get(record.checkpoint.seq)?.hash).toBe(record.checkpoint?.hash)
      expect(record.checkpoint?.seq).toBe((record.countersigned?.seq ?? 0) - 1)
    }
    const file = await readCheckpoints(folder)
    expect(file.unreadable).toEqual([])
    expect(file.lines.map(({ pageId, seq, hash }) => ({ pageId, seq, hash }))).toEqual(pages.map((record) => ({ pageId: record.pageId, seq: record.checkpoint?.seq, hash: record.checkpoint?.hash })))
    expect(await verifyBook({ journalDirectory: join(folder, 'journal'), dataDir: folder })).toEqual({ ok: true, entries: entries.length, pages: pages.length, checkpoints: pages.length, problems: [] })
  })
})

describe('createDemoSeat options', () => {
  it('spreads the entries over the days asked for, every one staffed, and is deterministic for a seed', async () => {
    const now = new Date('2026-03-20T06:00:00.000Z')
    const shape = async (folder: string) => {
      const demo = await createDemoSeat({ dataDir: folder, entries: 1_200, days: 10, clock: manualClock(now), seed: 7 })
      const entries = await readJournalFiles(join(folder, 'journal'))
      return { demo, entries, shape: entries.map((entry) => `${entry.ts} ${entry.kind} ${entry.actor}`) }
    }
    const first = await shape(dataDir)
    const again = await mkdtemp(join(tmpdir(), 'seatdesk-demo-again-'))
    try {
      expect((await shape(again)).shape).toEqual(first.shape)
    } finally {
      await rm(again, { recursive: true, force: true })
    }
    expect(first.demo.entries).toBeGreaterThanOrEqual(1_100)
    expect(first.demo.entries).toBeLessThanOrEqual(1_260)
    expect(now.getTime() - Date.parse(first.entries[0]?.ts ?? '')).toBeLessThan(11 * 24 * 3_600_000)
    const dates = new Set(first.entries.filter((entry) => entry.kind === 'handover.countersigned').map((entry) => entry.ts.slice(0, 10)))
    expect(dates.size).toBeGreaterThanOrEqual(9)
    expect(await verifyJournalDirectory(join(dataDir, 'journal'))).toMatchObject({ status: 'intact' })
  })
})

interface TicketAtEnd {
  openedAt: string
  openedBy: string
  details: TicketDetails
  status: TicketStatus
  history: TicketStatus[]
  stepsDone: string[]
  pendingCallbacks: { callbackId: string; dueAt: string }[]
}

/** The tickets as the journal leaves them: a small replay of the ticket entries, for the checks above. */
function ticketsAtEnd(entries: JournalEntry[]): Map<string, TicketAtEnd> {
  const tickets = new Map<string, TicketAtEnd>()
  for (const entry of entries) {
    const payload = entry.payload as { ticketId: string } & Record<string, never>
    const ticket = tickets.get(payload.ticketId)
    switch (entry.kind) {
      case 'ticket.opened': {
        const { details } = entry.payload as EntryPayload<'ticket.opened'>
        tickets.set(payload.ticketId, { openedAt: entry.ts, openedBy: entry.actor, details, status: 'open', history: ['open'], stepsDone: [], pendingCallbacks: [] })
        break
      }
      case 'ticket.detailsUpdated':
        if (ticket) ticket.details = (entry.payload as EntryPayload<'ticket.detailsUpdated'>).details
        break
      case 'ticket.statusChanged':
        if (ticket) {
          ticket.status = (entry.payload as EntryPayload<'ticket.statusChanged'>).status
          ticket.history.push(ticket.status)
        }
        break
      case 'ticket.stepDone':
        ticket?.stepsDone.push((entry.payload as EntryPayload<'ticket.stepDone'>).clockId)
        break
      case 'ticket.callbackScheduled': {
        const { callbackId, dueAt: due } = entry.payload as EntryPayload<'ticket.callbackScheduled'>
        ticket?.pendingCallbacks.push({ callbackId, dueAt: due })
        break
      }
      case 'ticket.callbackDone':
        if (ticket) ticket.pendingCallbacks = ticket.pendingCallbacks.filter((callback) => callback.callbackId !== (entry.payload as EntryPayload<'ticket.callbackDone'>).callbackId)
        break
    }
  }
  return tickets
}

/** Open, with a clock it has not met, or a promised callback, due before `now` (default clocks and calendar). */
function isOverdue(ticket: TicketAtEnd, now: Date): boolean {
  if (!isOpenStatus(ticket.status)) return false
  const calendar = createWorkingDayCalendar()
  const incidentAt = 'incidentAt' in ticket.details ? ticket.details.incidentAt : null
  const clockDue = clocksForTicket(defaultDeadlineSettings, ticket.details)
    .filter((clock) => !ticket.stepsDone.includes(clock.id))
    .map((clock) => dueAt(clock, { openedAt: ticket.openedAt, incidentAt }, calendar))
    .flatMap((due) => (due.ok ? [due.dueAt] : []))
  return [...clockDue, ...ticket.pendingCallbacks.map((callback) => callback.dueAt)].some((due) => Date.parse(due) <= now.getTime())
}
