import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ChannelName } from '../../../shared/ipc/channels'
import type { RequestOf, ResponseOf, SessionView } from '../../../shared/ipc/contract'
import type { IpcResult } from '../../../shared/ipc/errors'
import type { JournalEntry } from '../../../shared/journal/entry'
import { manualClock } from '../clock'
import { fastScryptCost } from '../identity/scrypt'
import { unprotectedSealer } from '../keys/sealer'
import { createSeatDeskServices, type SeatDeskServices, type SeatDeskServicesOptions } from '../services'
import { demoCompany, demoSupervisor } from './demoAccounts'
import { confirmedChecklist } from './demoDesk'

// A seat in a temp folder with a hand-moved clock and cheap scrypt, for tests and benchmarks:
// `open()` (re)starts the services on the same folder, the way an app restart would.
export interface SeatFixture {
  dataDir: string
  clock: ReturnType<typeof manualClock>
  services: SeatDeskServices
  /** Answer of one dispatched call. */
  send<K extends ChannelName>(channel: K, request: RequestOf<K>): Promise<IpcResult<ResponseOf<K>>>
  /** A call that must succeed. */
  call<K extends ChannelName>(channel: K, request: RequestOf<K>): Promise<ResponseOf<K>>
  /** Signs in and confirms the checklist: ready for feature channels. */
  signInReady(employeeNo: string, pin: string): Promise<SessionView>
  headSeq(): number
  /**
   * Every entry on disk, oldest first, read from the segment files: what a test checks was written,
   * whoever is signed in (journalRead answers only a signed-in session).
   */
  journalEntries(): Promise<JournalEntry[]>
  /** Closes and opens the services again on the same data folder. */
  restart(): Promise<void>
  dispose(): Promise<void>
}

export const fixtureSupervisor = { employeeNo: demoSupervisor.employeeNo, name: demoSupervisor.name, pin: demoSupervisor.pin }

export async function openSeatFixture(options: { configured?: boolean; start?: string } & Partial<SeatDeskServicesOptions> = {}): Promise<SeatFixture> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'seatdesk-')))
  const clock = manualClock(options.start ?? '2026-03-02T01:00:00.000Z')
  const open = () =>
    createSeatDeskServices({
      dataDir,
      clock: options.clock ?? clock,
      sealer: options.sealer ?? unprotectedSealer,
      runtime: options.runtime ?? 'browserPreview',
      version: options.version ?? '0.0.0-test',
      scryptCost: options.scryptCost ?? fastScryptCost,
      logger: options.logger ?? { error: () => undefined },
      ...(options.journalDurability === undefined ? {} : { journalDurability: options.journalDurability }),
    })
  const fixture: SeatFixture = {
    dataDir,
    clock,
    services: await open(),
    send: async (channel, request) => (await fixture.services.dispatch(channel, request)) as IpcResult<ResponseOf<typeof channel>>,
    call: async (channel, request) => {
      const result = await fixture.services.dispatch(channel, request)
      if (!result.ok) throw new Error(`${channel} refused: ${JSON.stringify(result.error)}`)
      return result.value as ResponseOf<typeof channel>
    },
    signInReady: async (employeeNo, pin) => {
      await fixture.call('signIn', { employeeNo, pin })
      return fixture.call('checklistConfirm', { items: confirmedChecklist, pin })
    },
    headSeq: () => {
      const state = fixture.services.journalState()
      return state.state === 'ok' ? state.headSeq : -1
    },
    journalEntries: () => readJournalFiles(join(dataDir, 'journal')),
    restart: async () => {
      await fixture.services.close()
      fixture.services = await open()
    },
    dispose: async () => {
      await fixture.services.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
  if (options.configured ?? true) {
    await fixture.call('seatSetup', { ...demoCompany, supervisor: fixtureSupervisor })
  }
  return fixture
}

/** The entries of a journal folder's segments in order; every appended line is fsync'd before its call answers. */
export async function readJournalFiles(folder: string): Promise<JournalEntry[]> {
  const segments = (await readdir(folder)).filter((name) => /^segment-\d+\.ndjson$/.test(name)).sort()
  const entries: JournalEntry[] = []
  for (const name of segments) {
    const text = await readFile(join(folder, name), 'utf8')
    for (const line of text.split('\n')) if (line !== '') entries.push(JSON.parse(line) as JournalEntry)
  }
  return entries
}
