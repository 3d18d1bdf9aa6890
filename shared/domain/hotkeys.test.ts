import { describe, expect, it } from 'vitest'
import { defaultCallSettings, callSettingsUpdateSchema } from './callSettings'
import { duplicateHotkeys, hotkeyProblem, normalizeHotkey } from './hotkeys'

describe('hotkeys a supervisor types', () => {
  it.each([
    ['F2', null],
    ['mod+K', null],
    ['Ctrl+Shift+1', null],
    ['alt+Enter', null],
    ['hello', 'hotkeyFormat'],
    ['ctrl+', 'hotkeyFormat'],
    ['ctrl+a+b', 'hotkeyFormat'],
    ['a', 'hotkeyNeedsModifier'],
    ['shift+a', 'hotkeyNeedsModifier'],
    ['F5', 'hotkeyReserved'],
    ['ctrl+w', 'hotkeyReserved'],
    ['mod+R', 'hotkeyReserved'],
    ['alt+1', 'hotkeyReserved'],
    ['Alt+T', 'hotkeyReserved'],
    // Force reload, developer tools and zoom, for ctrl, meta (macOS) and mod.
    ['ctrl+shift+r', 'hotkeyReserved'],
    ['mod+shift+R', 'hotkeyReserved'],
    ['meta+shift+r', 'hotkeyReserved'],
    ['ctrl+shift+i', 'hotkeyReserved'],
    ['Ctrl+Shift+J', 'hotkeyReserved'],
    ['shift+ctrl+c', 'hotkeyReserved'],
    ['mod+shift+i', 'hotkeyReserved'],
    ['alt+meta+i', 'hotkeyReserved'],
    ['mod+alt+j', 'hotkeyReserved'],
    ['ctrl+0', 'hotkeyReserved'],
    ['ctrl+=', 'hotkeyReserved'],
    ['ctrl+-', 'hotkeyReserved'],
    ['mod+0', 'hotkeyReserved'],
    ['meta+=', 'hotkeyReserved'],
    ['mod+-', 'hotkeyReserved'],
    ['meta+r', 'hotkeyReserved'],
    // Near misses stay allowed.
    ['ctrl+shift+k', null],
    ['ctrl+1', null],
    ['alt+=', null],
  ])('%s → %s', (text, problem) => {
    expect(hotkeyProblem(text)).toBe(problem)
  })

  it('compares keys however they were typed', () => {
    expect(normalizeHotkey('K+Ctrl')).toBe('ctrl+k')
    expect(duplicateHotkeys({ answer: 'F4', hangUp: 'f4', phrasePalette: 'mod+k', greetingSaid: 'ctrl+K' }).sort()).toEqual(
      ['answer', 'greetingSaid', 'hangUp', 'phrasePalette'],
    )
  })

  it('treats mod as both ctrl and meta when looking for a clash', () => {
    expect(duplicateHotkeys({ phrasePalette: 'mod+k', greetingSaid: 'meta+K' }).sort()).toEqual(['greetingSaid', 'phrasePalette'])
    expect(duplicateHotkeys({ phrasePalette: 'mod+shift+k', greetingSaid: 'shift+meta+k' }).sort()).toEqual([
      'greetingSaid',
      'phrasePalette',
    ])
    expect(duplicateHotkeys({ phrasePalette: 'mod+k', greetingSaid: 'ctrl+k', answer: 'meta+k' }).sort()).toEqual([
      'answer',
      'greetingSaid',
      'phrasePalette',
    ])
    // ctrl and meta are different keys: only mod stands for both.
    expect(duplicateHotkeys({ phrasePalette: 'ctrl+k', greetingSaid: 'meta+k' })).toEqual([])
    expect(duplicateHotkeys({ phrasePalette: 'mod+k', greetingSaid: 'mod+shift+k' })).toEqual([])
  })

  it('lets the defaults through and refuses a clash when saving', () => {
    expect(callSettingsUpdateSchema.safeParse(defaultCallSettings).success).toBe(true)
    const clash = { ...defaultCallSettings, hotkeys: { ...defaultCallSettings.hotkeys, answer: 'F4' } }
    const result = callSettingsUpdateSchema.safeParse(clash)
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['hotkeys.answer', 'hotkeyDuplicate'],
      ['hotkeys.hangUp', 'hotkeyDuplicate'],
    ])
  })
})
