import { Dexie } from 'dexie'
import { openSeatDeskDb, readMeta } from './schema'

describe('the Dexie schema', () => {
  it('upgrades a version-1 view by clearing it, so the next catch-up replays the scripts and calls it skipped', async () => {
    const name = 'schema-upgrade-test'
    const v1 = new Dexie(name)
    v1.version(1).stores({ meta: 'key', users: 'employeeNo, role, active', shiftSessions: 'sessionId, employeeNo, startedAt' })
    await v1.table('meta').bulkPut([
      { key: 'lastSeq', value: 42 },
      { key: 'lastHash', value: 'ab'.repeat(32) },
    ])
    await v1.table('shiftSessions').put({ sessionId: 's-1', employeeNo: 'E001', startedAt: '2026-11-23T01:00:00.000Z', lockCount: 2 })
    v1.close()

    const v2 = openSeatDeskDb(name)
    expect(await readMeta(v2, 'lastSeq')).toBeUndefined()
    expect(await readMeta(v2, 'lastHash')).toBeUndefined()
    // Replaying from 0 onto kept rows would count locks twice: the old rows go too.
    expect(await v2.shiftSessions.count()).toBe(0)
    expect(await v2.calls.count()).toBe(0)
    expect(await v2.scripts.count()).toBe(0)
    v2.close()
  })
})
