import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { clocksForTicket, defaultDeadlineSettings, dueAt } from '../../../shared/domain/tickets/deadlines'
import { resolutionGaps, ticketKinds, type TicketDetails } from '../../../shared/domain/tickets/kinds'
import { isOpenStatus, type TicketStatus } from '../../../shared/domain/tickets/lifecycle'
import { createWorkingDayCalendar } from '../../../shared/domain/tickets/workingDays'
import type { JournalEntry } from '../../../shared/journal/entry'
import type { EntryKind, EntryPayload } from '../../../shared/journal/kinds'
import { manualClock } from '../clock'
import { verifyJournalDirectory } from '../journal/verifyJournalDirectory'
import { unprotectedSealer } from '../keys/sealer'
import { createSeatDeskServices } from '../services'
import { createDemoSeat, DemoFolderInUseError } from './createDemoSeat'
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

  it('holds tickets of every kind, opened on calls, worked, handed over, and some overdue at now', async () => {
    const now = new Date('2026-03-20T06:00:00.000Z')
    const demo = await createDemoSeat({ dataDir, entries: 400, clock: manualClock(now) })
    expect(await verifyJournalDirectory(join(dataDir, 'journal'))).toMatchObject({ status: 'intact', entries: demo.entries })

    const entries = await readAll()
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
    const overdue = [...tickets.values()].filter((ticket) => isOverdue(ticket, now)).map((ticket) => ticket.details.kind)
    expect(overdue).toEqual(expect.arrayContaining(['overcharge', 'trackingInquiry', 'complaint']))
    // Not everything: most tickets were worked in time.
    expect(overdue.length).toBeLessThan(tickets.size / 2)
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

// From the files: journalRead answers only a signed-in session, and the demo leaves nobody signed in.
function readAll(): Promise<JournalEntry[]> {
  return readJournalFiles(join(dataDir, 'journal'))
}

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
