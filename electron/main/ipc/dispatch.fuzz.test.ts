import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channelNames, type ChannelName } from '../../../shared/ipc/channels'
import { contract } from '../../../shared/ipc/contract'
import { sampleRequests } from './sampleRequests'
import { fixtureSupervisor, openSeatFixture, type SeatFixture } from '../demo/seatFixture'

// Hostile payloads on every channel: each must be answered `validation`, nothing may throw, and
// nothing may be written (journal head and secrets file unchanged). The seat is configured and a
// supervisor is signed in with the checklist done, so a payload that slipped through would reach a
// handler able to write.
const RUNS_PER_CHANNEL = 1_000

const validRequests = sampleRequests

const hugeStrings = ['x'.repeat(100_001), '9'.repeat(100_001), '张'.repeat(100_001), 'A'.repeat(100_001)]

/** Values of every type, including ones JSON and structured clone would not produce. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...hugeStrings),
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withUnicodeString: true,
  }),
  fc.array(fc.constantFrom(...hugeStrings), { minLength: 1, maxLength: 3 }),
  fc.constantFrom(null, undefined, Number.NaN, Number.POSITIVE_INFINITY, -1, 1.5, 2 ** 60, true, '', [], {}),
)

type Path = Array<string>

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix]
  return [prefix, ...Object.entries(value).flatMap(([key, child]) => pathsOf(child, [...prefix, key]))]
}

function replaceAt(value: unknown, path: Path, replacement: unknown): unknown {
  const [head, ...rest] = path
  if (head === undefined) return replacement
  const copy = { ...(value as Record<string, unknown>) }
  Object.defineProperty(copy, head, { value: replaceAt(copy[head], rest, replacement), enumerable: true, writable: true, configurable: true })
  return copy
}

function hostilePayloads(channel: ChannelName): fc.Arbitrary<unknown> {
  const valid = validRequests[channel]
  const paths = pathsOf(valid)
  return fc.oneof(
    // One field (or the whole payload) replaced by junk.
    fc.tuple(fc.constantFrom(...paths), junk).map(([path, replacement]) => replaceAt(valid, path, replacement)),
    // Extra keys beside valid ones.
    fc
      .dictionary(fc.string({ minLength: 1, maxLength: 12 }), junk, { minKeys: 1, maxKeys: 3 })
      .map((extra) => Object.assign(structuredClone(valid), extra)),
    // Not an object at all, or the valid payload wrapped.
    junk,
    fc.constant([valid]),
    fc.constant(JSON.stringify(valid)),
  )
}

let seat: SeatFixture
beforeAll(async () => {
  seat = await openSeatFixture()
  await seat.signInReady(fixtureSupervisor.employeeNo, fixtureSupervisor.pin)
})
afterAll(async () => {
  await seat.dispose()
})

async function secretsDigest(): Promise<string> {
  return createHash('sha256')
    .update(await readFile(join(seat.dataDir, 'identity', 'secrets.json')))
    .digest('hex')
}

describe('IPC fuzz', () => {
  it('the valid samples are valid (so the mutations start from a real request)', () => {
    for (const channel of channelNames) expect(contract[channel].request.safeParse(validRequests[channel]).success, channel).toBe(true)
  })

  it.each(channelNames)('%s answers every hostile payload with validation and writes nothing', async (channel) => {
    const head = seat.headSeq()
    const secrets = await secretsDigest()
    let tried = 0
    await fc.assert(
      fc.asyncProperty(
        hostilePayloads(channel).filter((payload) => !contract[channel].request.safeParse(payload).success),
        async (payload) => {
          tried++
          const result = await seat.services.dispatch(channel, payload)
          expect(result.ok).toBe(false)
          if (result.ok) return
          expect(result.error.code).toBe('validation')
          expect(result.error.issues?.length).toBeGreaterThan(0)
        },
      ),
      { numRuns: RUNS_PER_CHANNEL },
    )
    expect(tried).toBeGreaterThanOrEqual(RUNS_PER_CHANNEL)
    expect(seat.headSeq()).toBe(head)
    expect(await secretsDigest()).toBe(secrets)
  })
})
