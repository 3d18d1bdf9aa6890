import { canRunFromIncident, conditionsFor, newClockId } from './clockChoices'

describe('clock choices', () => {
  it('makes an id from the kind and the English name, unique and within the schema’s 60 characters', () => {
    expect(newClockId('complaint', 'Call the customer back!', new Set())).toBe('complaint.call-the-customer-back')
    const taken = new Set(['complaint.call-the-customer-back', 'complaint.call-the-customer-back-2'])
    expect(newClockId('complaint', 'Call the customer back', taken)).toBe('complaint.call-the-customer-back-3')
    // A name with no Latin letters still gives a valid id.
    expect(newClockId('claim', '报警回执', new Set())).toBe('claim.clock')
    const long = newClockId('trackingInquiry', 'x'.repeat(100), new Set())
    expect(long.length).toBeLessThanOrEqual(60)
    expect(long).toMatch(/^[a-zA-Z0-9.-]+$/)
  })

  it('offers a kind only the conditions its tickets can meet, and "from the incident" only where they record it', () => {
    expect(conditionsFor('overcharge')).toEqual(['always'])
    expect(conditionsFor('claim')).toEqual(['always', 'beyondAuthority'])
    expect(conditionsFor('complaint')).toEqual(['always', 'writtenClaim', 'majorIncident', 'beyondAuthority', 'regulatorForwarded'])
    expect(['complaint', 'claim', 'damageShortage', 'overcharge', 'trackingInquiry'].map((kind) => canRunFromIncident(kind as never))).toEqual([true, true, true, false, false])
  })
})
