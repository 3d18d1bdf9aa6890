import { attestedMessage } from '../../../shared/journal/attestation'
import { SEAT_ACTOR } from '../../../shared/journal/entry'
import type { EntryKind, EntryPayload } from '../../../shared/journal/kinds'
import { manualClock } from '../clock'
import type { Journal, SeatSigner } from './api'
import { generateKeyPair, sign } from './ed25519'
import type { Ed25519KeyPair } from './ed25519'
import { openJournal } from './openJournal'
import type { OpenJournalOptions } from './openJournal'
import { createSeatSigner } from './seatSigner'

// A realistic journal for tests and the benchmark: a seat, two users and repeated shifts whose
// sign-ins and checklists carry personal attestations, with a PIN reset (key rotation) part way.
// It writes through the real journal, so whatever it produces is what the app produces.

export interface SampleSeat {
  seatKeys: Ed25519KeyPair
  signer: SeatSigner
  /** Each user's current key pair. */
  userKeys: Map<string, Ed25519KeyPair>
}

export function createSampleSeat(): SampleSeat {
  const seatKeys = generateKeyPair()
  return { seatKeys, signer: createSeatSigner(seatKeys.privateKey), userKeys: new Map() }
}

function attest<K extends 'session.signedIn' | 'session.checklistConfirmed'>(
  seat: SampleSeat,
  kind: K,
  employeeNo: string,
  payload: Omit<EntryPayload<K>, 'attestation'>,
): EntryPayload<K> {
  const keys = seat.userKeys.get(employeeNo)
  if (!keys) throw new Error(`no key for ${employeeNo}`)
  const sig = sign(keys.privateKey, attestedMessage(kind, employeeNo, payload))
  return { ...payload, attestation: { employeeNo, sig } } as EntryPayload<K>
}

/** The entries of one sample history, generated lazily; `count` caps how many are produced. */
export function* sampleEntries(seat: SampleSeat, count: number): Generator<{ kind: EntryKind; actor: string; payload: unknown }> {
  const addUser = (employeeNo: string, name: string, role: 'agent' | 'supervisor') => {
    const keys = generateKeyPair()
    seat.userKeys.set(employeeNo, keys)
    return { kind: 'user.added' as const, actor: SEAT_ACTOR, payload: { employeeNo, name, role, publicKey: keys.publicKeyRaw } }
  }
  const history = function* () {
    yield {
      kind: 'seat.created' as const,
      actor: SEAT_ACTOR,
      payload: {
        seatId: 'seat-sample',
        companyName: '顺达物流',
        branchCode: 'SH01',
        seatNumber: 'A-07',
        seatPublicKey: seat.seatKeys.publicKeyRaw,
        keyProtection: 'unprotected',
      },
    }
    yield addUser('S001', '王主管', 'supervisor')
    yield addUser('A001', '李小红', 'agent')
    for (let shift = 1; ; shift++) {
      const employeeNo = shift % 2 === 0 ? 'S001' : 'A001'
      const sessionId = `session-${shift}`
      if (shift % 50 === 0) {
        const keys = generateKeyPair()
        seat.userKeys.set(employeeNo, keys)
        yield { kind: 'user.keyRotated' as const, actor: 'S001', payload: { employeeNo, publicKey: keys.publicKeyRaw } }
      }
      yield { kind: 'session.signedIn' as const, actor: employeeNo, payload: attest(seat, 'session.signedIn', employeeNo, { sessionId, employeeNo }) }
      const items = {
        phoneChecked: true,
        networkChecked: true,
        equipmentChecked: true,
        noticesRead: true,
        priceChangesRead: true,
        routeChangesRead: true,
        systemsLoggedIn: true,
      } as const
      yield { kind: 'session.checklistConfirmed' as const, actor: employeeNo, payload: attest(seat, 'session.checklistConfirmed', employeeNo, { sessionId, items }) }
      yield { kind: 'session.locked' as const, actor: employeeNo, payload: { sessionId, reason: 'idle' as const } }
      yield { kind: 'session.unlocked' as const, actor: employeeNo, payload: { sessionId } }
      yield { kind: 'session.signedOut' as const, actor: employeeNo, payload: { sessionId, reason: 'user' as const } }
    }
  }
  let produced = 0
  for (const entry of history()) {
    if (produced++ >= count) return
    yield entry
  }
}

export async function appendSampleEntries(journal: Journal, seat: SampleSeat, count: number): Promise<void> {
  for (const { kind, actor, payload } of sampleEntries(seat, count)) {
    await journal.append(kind, actor, payload as EntryPayload<typeof kind>)
  }
}

/** Writes a closed sample journal of `count` entries into `directory`. */
export async function writeSampleJournal(
  directory: string,
  count: number,
  options: Pick<OpenJournalOptions, 'segmentBytes' | 'io'> = {},
): Promise<SampleSeat> {
  const seat = createSampleSeat()
  const clock = manualClock('2026-11-02T00:30:00.000Z')
  const opened = await openJournal({ directory, signer: seat.signer, clock: { now: () => (clock.advance(61_000), clock.now()) }, ...options })
  if (opened.status !== 'ok') throw new Error(`sample journal did not open: ${opened.reason}`)
  await appendSampleEntries(opened.journal, seat, count)
  await opened.journal.close()
  return seat
}
