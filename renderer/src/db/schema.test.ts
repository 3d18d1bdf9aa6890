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

  it('adds the search indexes of version 4 to a version-3 view, keeping its rows and where it caught up to', async () => {
    const name = 'schema-v4-test'
    const v3 = new Dexie(name)
    v3.version(3).stores({
      meta: 'key',
      users: 'employeeNo, role, active',
      shiftSessions: 'sessionId, employeeNo, startedAt',
      scripts: 'scriptId, category, retired',
      calls: 'callId, [employeeNo+answeredAt], answeredAt',
      tickets:
        'ticketId, &ticketNo, *waybillNos, callerPhone, phoneLast4, customerName, kind, status, owner, openedAt, *callIds, [open+nextDueAt], [owner+open]',
      ticketEvents: 'seq, ticketId, [ticketId+seq], callId',
      callbacks: 'callbackId, ticketId, [done+dueAt], owner',
      transfers: 'transferId, [to+state], [from+state]',
      customers: 'phone, phoneLast4, name',
      phoneReveals: 'seq, phone, actor',
    })
    await v3.table('meta').put({ key: 'lastSeq', value: 42 })
    const ticket = { ticketId: 't-1', ticketNo: 'BJ01-20261123-0001', kind: 'complaint', status: 'waiting', owner: 'A001', openedAt: '2026-11-23T01:00:00.000Z', waybillNos: [], callIds: [], open: 1, nextDueAt: null }
    await v3.table('tickets').put(ticket)
    v3.close()

    const v4 = openSeatDeskDb(name)
    // Only indexes were added: nothing to replay.
    expect(await readMeta(v4, 'lastSeq')).toBe(42)
    const range = (index: string, prefix: string[]) => v4.tickets.where(index).between([...prefix, ''], [...prefix, '\uffff']).primaryKeys()
    expect(await range('[owner+status+openedAt]', ['A001', 'waiting'])).toEqual(['t-1'])
    expect(await range('[kind+status+openedAt]', ['complaint', 'waiting'])).toEqual(['t-1'])
    expect(await range('[owner+openedAt]', ['A001'])).toEqual(['t-1'])
    expect(await range('[kind+openedAt]', ['complaint'])).toEqual(['t-1'])
    expect(await range('[status+openedAt]', ['waiting'])).toEqual(['t-1'])
    v4.close()
  })

  it('adds the handover book and roster in version 5 without a replay: no earlier build could have written their entries', async () => {
    const name = 'schema-v5-test'
    const previous = new Dexie(name)
    previous.version(4).stores({ meta: 'key', tickets: 'ticketId, [owner+open]' })
    await previous.table('meta').put({ key: 'lastSeq', value: 7 })
    await previous.table('tickets').put({ ticketId: 't-1', owner: 'A001', open: 1 })
    previous.close()

    const v5 = openSeatDeskDb(name)
    expect(await readMeta(v5, 'lastSeq')).toBe(7)
    expect(await v5.tickets.count()).toBe(1)
    await v5.handoverPages.put({ pageId: 'p-1', date: '2026-11-23', patternId: 'morning', outgoing: 'A001', incoming: 'A002', lead: 'E001', state: 'signed' } as never)
    await v5.roster.put({ date: '2026-11-23', shifts: [], duty: null })
    expect(await v5.handoverPages.where('[date+patternId]').equals(['2026-11-23', 'morning']).primaryKeys()).toEqual(['p-1'])
    expect(await v5.handoverPages.where('incoming').equals('A002').count()).toBe(1)
    expect(await v5.roster.get('2026-11-23')).toEqual({ date: '2026-11-23', shifts: [], duty: null })
    v5.close()
  })

  it('gives the tickets of a version-5 view their exact lookup keys in version 6, without a replay', async () => {
    const name = 'schema-v6-test'
    const previous = new Dexie(name)
    previous.version(5).stores({ meta: 'key', tickets: 'ticketId, &ticketNo, *waybillNos, callerPhone' })
    await previous.table('meta').put({ key: 'lastSeq', value: 9 })
    const details = { kind: 'trackingInquiry', callerPhone: '+8613812345678', customerName: '王先生', callerRole: null, waybillNo: 'SF1234567890', goodsCheck: null, note: '' }
    await previous.table('tickets').put({ ticketId: 't-1', ticketNo: 'BJ01-20261123-0001', details, waybillNos: ['SF1234567890'], callerPhone: '+8613812345678' })
    previous.close()

    const v6 = openSeatDeskDb(name)
    expect(await readMeta(v6, 'lastSeq')).toBe(9)
    expect((await v6.tickets.get('t-1'))?.lookupKeys).toEqual(['BJ01-20261123-0001', 'SF1234567890', '13812345678'])
    for (const key of ['BJ01-20261123-0001', 'SF1234567890', '13812345678']) expect(await v6.tickets.where('lookupKeys').equals(key).primaryKeys()).toEqual(['t-1'])
    v6.close()
  })
})
