import { sessionDraft } from './sessionDraft'

const isText = (value: unknown): value is { text: string } => typeof value === 'object' && value !== null && typeof (value as { text?: unknown }).text === 'string'
const notes = sessionDraft('test.notes', isText)

describe('a draft kept in the tab for a reload', () => {
  it('comes back for its owner only; another owner finds none and removes it', () => {
    notes.save('call-1', { text: '少一位' })
    expect(notes.restore('call-1')).toEqual({ text: '少一位' })
    expect(notes.restore('call-1')).toEqual({ text: '少一位' })
    expect(notes.restore('call-2')).toBeNull()
    expect(notes.restore('call-1')).toBeNull()
  })

  it('is gone once there is no owner, or when cleared', () => {
    notes.save('call-1', { text: 'a' })
    expect(notes.restore(null)).toBeNull()
    expect(window.sessionStorage.length).toBe(0)
    notes.save('call-1', { text: 'a' })
    notes.clear()
    expect(notes.restore('call-1')).toBeNull()
  })

  it('ignores what is not a draft (an older build, a hand edit) instead of failing the screen', () => {
    for (const stored of ['{', '"text"', '{"owner":"call-1"}', '{"owner":"call-1","draft":{"text":3}}', '{"owner":1,"draft":{"text":"a"}}']) {
      window.sessionStorage.setItem('test.notes', stored)
      expect(notes.restore('call-1')).toBeNull()
    }
  })
})
