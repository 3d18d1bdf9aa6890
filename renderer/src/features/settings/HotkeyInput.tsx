import { TextInput, type TextInputProps } from '@mantine/core'
import type { KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'

const MODIFIER_KEYS = new Set(['Control', 'Alt', 'Shift', 'Meta', 'AltGraph', 'CapsLock', 'Fn'])
const FUNCTION_KEY = /^F([1-9]|1[0-9]|2[0-4])$/

/** The key's name in Mantine's hotkey form, from the physical key where it matters (Alt+1 types "¡" on a Mac). */
function keyName(event: KeyboardEvent): string {
  if (/^Key[A-Z]$/.test(event.code)) return event.code.slice(3)
  if (/^Digit\d$/.test(event.code)) return event.code.slice(5)
  if (event.key === ' ') return 'Space'
  return event.key.length === 1 ? event.key.toUpperCase() : event.key
}

/**
 * The combination pressed, as settings store it ("F2", "ctrl+K", "alt+shift+Enter"), or null for a
 * key that edits the text instead: plain typing, Tab, Backspace, arrows, Enter (submits the form).
 */
export function capturedHotkey(event: KeyboardEvent): string | null {
  if (MODIFIER_KEYS.has(event.key)) return null
  const chord = event.ctrlKey || event.altKey || event.metaKey
  const name = keyName(event)
  if (!chord && !FUNCTION_KEY.test(name)) return null
  const modifiers = [event.ctrlKey && 'ctrl', event.altKey && 'alt', event.shiftKey && 'shift', event.metaKey && 'meta'].filter(Boolean)
  return [...modifiers, name].join('+')
}

/** A hotkey field: press the combination and it is written down; the text stays editable. */
export function HotkeyInput({ onChange, ...props }: Omit<TextInputProps, 'onChange'> & { onChange: (value: string) => void }) {
  const { t } = useTranslation()
  return (
    <TextInput
      ff="monospace"
      autoComplete="off"
      description={t('settings.call.hotkeyPress')}
      {...props}
      onChange={(event) => onChange(event.currentTarget.value)}
      onKeyDown={(event) => {
        const hotkey = capturedHotkey(event)
        if (!hotkey) return
        event.preventDefault()
        event.stopPropagation()
        onChange(hotkey)
      }}
    />
  )
}
