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
  ])('%s → %s', (text, problem) => {
    expect(hotkeyProblem(text)).toBe(problem)
  })

  it('compares keys however they were typed', () => {
    expect(normalizeHotkey('K+Ctrl')).toBe('ctrl+k')
    expect(duplicateHotkeys({ answer: 'F4', hangUp: 'f4', phrasePalette: 'mod+k', greetingSaid: 'ctrl+K' }).sort()).toEqual(
      ['answer', 'greetingSaid', 'hangUp', 'phrasePalette'],
    )
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
