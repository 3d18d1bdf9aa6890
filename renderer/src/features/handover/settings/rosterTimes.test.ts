import { defaultShiftSettings, type RosterDay } from '../../../../../shared/domain/handover/shifts'
import { rosterShiftTimes } from './rosterTimes'

// 2026-11-25 in China: 08:30 China = 00:30 UTC.
const day = (overrides: Partial<RosterDay>): RosterDay => ({ date: '2026-11-25', shifts: [], duty: null, ...overrides })

describe('rostered hours with the duty rule', () => {
  it('brings the morning duty person in early and keeps the evening one late; others keep the pattern', () => {
    const today = day({
      shifts: [
        { patternId: 'morning', agents: ['E002', 'E003'], lead: 'E004' },
        { patternId: 'evening', agents: ['E005'], lead: 'E004' },
      ],
      duty: 'E002',
    })
    const [morning, evening] = rosterShiftTimes('2026-11-25', today, null, defaultShiftSettings)
    expect(morning!.people).toEqual([
      { employeeNo: 'E002', adjustments: ['dutyEarlyStart'], startsAt: '2026-11-25T00:00:00.000Z', endsAt: '2026-11-25T09:30:00.000Z' },
      { employeeNo: 'E003', adjustments: [], startsAt: '2026-11-25T00:30:00.000Z', endsAt: '2026-11-25T09:30:00.000Z' },
    ])
    expect(evening!.people[0]).toMatchObject({ adjustments: [], endsAt: '2026-11-25T14:00:00.000Z' })

    const eveningDuty = rosterShiftTimes('2026-11-25', { ...today, duty: 'E005' }, null, defaultShiftSettings)
    expect(eveningDuty[1]!.people[0]).toMatchObject({ adjustments: ['dutyEveningStay'], endsAt: '2026-11-25T15:30:00.000Z' })
  })

  it('starts yesterday’s evening duty person late this morning, but not yesterday’s morning duty person', () => {
    const today = day({ shifts: [{ patternId: 'morning', agents: ['E002', 'E003'], lead: 'E004' }] })
    const eveningYesterday = day({ date: '2026-11-24', shifts: [{ patternId: 'evening', agents: ['E002'], lead: 'E004' }], duty: 'E002' })
    const late = rosterShiftTimes('2026-11-25', today, eveningYesterday, defaultShiftSettings)[0]!.people
    expect(late[0]).toMatchObject({ employeeNo: 'E002', adjustments: ['lateAfterEveningDuty'], startsAt: '2026-11-25T01:00:00.000Z' })
    expect(late[1]).toMatchObject({ employeeNo: 'E003', adjustments: [], startsAt: '2026-11-25T00:30:00.000Z' })

    const morningYesterday = day({ date: '2026-11-24', shifts: [{ patternId: 'morning', agents: ['E002'], lead: 'E004' }], duty: 'E002' })
    expect(rosterShiftTimes('2026-11-25', today, morningYesterday, defaultShiftSettings)[0]!.people[0]!.adjustments).toEqual([])
  })

  it('skips a shift whose pattern was removed from the settings', () => {
    const today = day({ shifts: [{ patternId: 'gone', agents: ['E002'], lead: 'E004' }] })
    expect(rosterShiftTimes('2026-11-25', today, null, defaultShiftSettings)).toEqual([])
  })
})
