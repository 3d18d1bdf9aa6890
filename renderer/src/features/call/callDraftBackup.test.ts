import { backUpCallDraft, takeCallDraft } from './callDraftBackup'

const draft = { callerNumber: '1391234567', customerName: '王先生', notes: '少一位' }

describe('the typed call details kept for a reload', () => {
  it('come back for the same call only; another call finds none and removes them', () => {
    backUpCallDraft(window.sessionStorage, 'call-1', draft)
    expect(takeCallDraft(window.sessionStorage, 'call-1')).toEqual(draft)
    expect(takeCallDraft(window.sessionStorage, 'call-2')).toBeNull()
    expect(takeCallDraft(window.sessionStorage, 'call-1')).toBeNull()
  })

  it('are gone once no call is open', () => {
    backUpCallDraft(window.sessionStorage, 'call-1', draft)
    expect(takeCallDraft(window.sessionStorage, null)).toBeNull()
    expect(window.sessionStorage.length).toBe(0)
  })

  it('ignore what is not a draft (an older build, a hand edit) instead of failing the call screen', () => {
    for (const stored of ['{', '"text"', '{"callId":"call-1"}', '{"callId":"call-1","draft":{"notes":3}}']) {
      window.sessionStorage.setItem('seatdesk.callDraft', stored)
      expect(takeCallDraft(window.sessionStorage, 'call-1')).toBeNull()
    }
  })
})
