import { defaultShiftSettings } from '../../../../../shared/domain/handover/shifts'
import type { HandoverPageRow } from '../../../db/schema'
import { samplePage } from '../testHandover'
import { ACK_LATE_MS, awaitingAcknowledgement, bookLines, canCountersign, rosterByDate, shiftEndsAt } from './bookState'

function row(fields: Partial<HandoverPageRow> & { patternId?: string; date?: string } = {}): HandoverPageRow {
  const page = samplePage({ date: fields.date ?? '2026-11-23', patternId: fields.patternId ?? 'morning', pageId: fields.pageId ?? 'p-1' })
  return {
    pageId: page.pageId,
    date: page.date,
    patternId: page.patternId,
    outgoing: page.outgoing,
    incoming: page.incoming,
    lead: page.lead,
    state: 'draft',
    page,
    pageHash: null,
    draftedAt: '2026-11-23T08:00:00.000Z',
    signedAt: null,
    acknowledgedAt: null,
    waived: null,
    countersignedAt: null,
    countersignedBy: null,
    checkpoint: null,
    refused: [],
    ackRemarks: '',
    corrections: [],
    ...fields,
  }
}

// The morning shift of 2026-11-23 ends at 17:30 China time, 09:30Z.
const MORNING_END = Date.parse('2026-11-23T09:30:00.000Z')

describe('the book lines', () => {
  it('flags a draft once its shift has ended, not before', () => {
    const draft = row()
    expect(bookLines([draft], [], defaultShiftSettings, MORNING_END - 1)[0]?.attention).toBeNull()
    expect(bookLines([draft], [], defaultShiftSettings, MORNING_END)[0]?.attention).toBe('unsigned')
  })

  it('flags a signed page left unacknowledged for hours, unless waived; later states never', () => {
    const signedAt = '2026-11-23T09:00:00.000Z'
    const late = Date.parse(signedAt) + ACK_LATE_MS
    expect(bookLines([row({ state: 'signed', signedAt })], [], defaultShiftSettings, late - 1)[0]?.attention).toBeNull()
    expect(bookLines([row({ state: 'signed', signedAt })], [], defaultShiftSettings, late)[0]?.attention).toBe('ackLate')
    const waived = row({ state: 'signed', signedAt, waived: { by: 'E001', reason: '病假', at: signedAt } })
    expect(bookLines([waived], [], defaultShiftSettings, late)[0]?.attention).toBeNull()
    expect(bookLines([row({ state: 'acknowledged', signedAt })], [], defaultShiftSettings, late)[0]?.attention).toBeNull()
  })

  it('lists a rostered shift without a page, flagged once it ended; newest date first, shifts in pattern order', () => {
    const roster = [
      { date: '2026-11-23', shifts: [{ patternId: 'evening', agents: ['A002'], lead: 'E001' }, { patternId: 'morning', agents: ['A001'], lead: 'E001' }], duty: null },
      { date: '2026-11-22', shifts: [{ patternId: 'morning', agents: ['A001'], lead: 'E001' }], duty: null },
    ]
    const lines = bookLines([row({ state: 'signed', signedAt: '2026-11-23T09:20:00.000Z' })], roster, defaultShiftSettings, MORNING_END + 60_000)
    expect(lines.map((line) => [line.kind, line.date, line.patternId, line.attention])).toEqual([
      ['page', '2026-11-23', 'morning', null],
      // The evening shift (13:30–22:00) has not ended yet.
      ['missing', '2026-11-23', 'evening', null],
      ['missing', '2026-11-22', 'morning', 'unsigned'],
    ])
  })

  describe('with the duty rule (000 r3)', () => {
    // The evening shift of 2026-11-23 (13:30–22:00) ends at 14:00Z; its duty person stays 90 minutes, to 15:30Z.
    const EVENING_END = Date.parse('2026-11-23T14:00:00.000Z')
    const DUTY_END = Date.parse('2026-11-23T15:30:00.000Z')
    const evening = (duty: string | null) => ({ date: '2026-11-23', shifts: [{ patternId: 'evening', agents: ['A001', 'A002'], lead: 'E001' }], duty })
    const eveningDraft = (outgoing: string) => {
      const draft = row({ patternId: 'evening' })
      return { ...draft, outgoing, page: { ...draft.page, outgoing } }
    }

    it('does not flag the evening duty person’s draft while they stay late, and flags it once they have gone', () => {
      const roster = [evening('A001')]
      expect(bookLines([eveningDraft('A001')], roster, defaultShiftSettings, EVENING_END)[0]?.attention).toBeNull()
      expect(bookLines([eveningDraft('A001')], roster, defaultShiftSettings, DUTY_END - 1)[0]?.attention).toBeNull()
      expect(bookLines([eveningDraft('A001')], roster, defaultShiftSettings, DUTY_END)[0]?.attention).toBe('unsigned')
    })

    it('flags everyone else’s draft at the pattern’s end, and the duty person’s too when no roster says they are on duty', () => {
      expect(bookLines([eveningDraft('A002')], [evening('A001')], defaultShiftSettings, EVENING_END)[0]?.attention).toBe('unsigned')
      expect(bookLines([eveningDraft('A001')], [evening(null)], defaultShiftSettings, EVENING_END)[0]?.attention).toBe('unsigned')
      expect(bookLines([eveningDraft('A001')], [], defaultShiftSettings, EVENING_END)[0]?.attention).toBe('unsigned')
    })

    it('uses the supervisor’s duty rule, not the shipped one', () => {
      const settings = { ...defaultShiftSettings, dutyRule: { ...defaultShiftSettings.dutyRule, eveningStayMinutes: 30 } }
      const end = EVENING_END + 30 * 60_000
      expect(bookLines([eveningDraft('A001')], [evening('A001')], settings, end - 1)[0]?.attention).toBeNull()
      expect(bookLines([eveningDraft('A001')], [evening('A001')], settings, end)[0]?.attention).toBe('unsigned')
    })

    it('keeps a rostered evening shift without a page unflagged until its duty person has gone', () => {
      const lines = (now: number) => bookLines([], [evening('A002')], defaultShiftSettings, now).map((line) => [line.kind, line.attention])
      expect(lines(EVENING_END)).toEqual([['missing', null]])
      expect(lines(DUTY_END)).toEqual([['missing', 'unsigned']])
    })

    it('does not stretch a morning shift for the duty person, nor for yesterday’s evening duty (who only starts late)', () => {
      const yesterday = { date: '2026-11-22', shifts: [{ patternId: 'evening', agents: ['A001'], lead: 'E001' }], duty: 'A001' }
      const today = { date: '2026-11-23', shifts: [{ patternId: 'morning', agents: ['A001'], lead: 'E001' }], duty: 'A001' }
      expect(bookLines([row()], [today], defaultShiftSettings, MORNING_END, [yesterday])[0]?.attention).toBe('unsigned')
      expect(shiftEndsAt('2026-11-23', defaultShiftSettings.patterns[0], defaultShiftSettings, 'A001', rosterByDate([yesterday, today]))).toBe('2026-11-23T09:30:00.000Z')
    })

    it('reads the day before the range for the duty rule without listing its shifts', () => {
      const yesterday = { date: '2026-11-22', shifts: [{ patternId: 'morning', agents: ['A001'], lead: 'E001' }], duty: 'A001' }
      expect(bookLines([], [], defaultShiftSettings, MORNING_END, [yesterday])).toEqual([])
    })
  })

  it('awaits my acknowledgement only for signed pages addressed to me and not waived', () => {
    const pages = [
      row({ pageId: 'a', state: 'signed' }),
      row({ pageId: 'b', state: 'acknowledged' }),
      row({ pageId: 'c', state: 'signed', waived: { by: 'E001', reason: 'x', at: '2026-11-23T09:00:00.000Z' } }),
      row({ pageId: 'd', state: 'signed', incoming: 'A003' }),
    ]
    expect(awaitingAcknowledgement(pages, 'A002').map((page) => page.pageId)).toEqual(['a'])
  })

  it('allows a countersign after acknowledging or a waiver, never before nor twice', () => {
    expect(canCountersign(row({ state: 'signed' }))).toBe(false)
    expect(canCountersign(row({ state: 'signed', waived: { by: 'E001', reason: 'x', at: '2026-11-23T09:00:00.000Z' } }))).toBe(true)
    expect(canCountersign(row({ state: 'acknowledged' }))).toBe(true)
    expect(canCountersign(row({ state: 'countersigned' }))).toBe(false)
  })
})
