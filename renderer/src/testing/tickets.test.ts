import { ticketDetailsSchema, ticketKinds } from '../../../shared/domain/tickets/kinds'
import { entryPayloads } from '../../../shared/journal/kinds'
import { sampleDetails, ticketOpened, ticketStatusChanged, TEST_OWNER } from './tickets'

describe('ticket test builders', () => {
  it.each(ticketKinds)('the sample %s details are valid and already in stored form', (kind) => {
    const details = sampleDetails(kind)
    expect(details.kind).toBe(kind)
    expect(ticketDetailsSchema.parse(details)).toEqual(details)
  })

  it('samples are fresh copies, with overrides', () => {
    const first = sampleDetails('dataChange')
    first.changes.push({ field: 'freight', oldValue: 1, newValue: 2 })
    expect(sampleDetails('dataChange').changes).toHaveLength(1)
    expect(sampleDetails('overcharge', { chargedFen: 9_900 }).chargedFen).toBe(9_900)
  })

  it('builds entries main would write: a valid payload, the acting employee, a ticket no. from the date', () => {
    const opened = ticketOpened(7, { ticketId: 't-1', kind: 'claim' }, { ts: '2026-11-22T17:30:00.000Z' })
    expect(opened).toMatchObject({ seq: 7, kind: 'ticket.opened', actor: TEST_OWNER, ts: '2026-11-22T17:30:00.000Z' })
    expect(opened.payload).toMatchObject({ ticketNo: 'BJ01-20261123-0007', owner: TEST_OWNER, callId: null })
    expect(entryPayloads['ticket.opened'].safeParse(opened.payload).success).toBe(true)
  })

  it('refuses to build an entry the projection would skip', () => {
    expect(() => ticketStatusChanged(2, { ticketId: 't-1', status: 'waiting', note: 'x'.repeat(501) })).toThrow(/ticket.statusChanged/)
    expect(() => ticketOpened(1, { ticketId: 't-1', details: { ...sampleDetails('overcharge'), chargedFen: -1 } })).toThrow(/ticket.opened/)
  })
})
