import { useHotkeys, type HotkeyItem } from '@mantine/hooks'

// Hotkeys as a supervisor writes them in the settings ("F2", "mod+K", "alt+1").
const FUNCTION_KEY = /^f([1-9]|1[0-9]|2[0-4])$/i

/**
 * Function keys and chords with a modifier also work while the agent types in a field: they type
 * nothing there. A bare letter or digit does not, or it would fire while a number is typed.
 */
export function worksInFields(hotkey: string): boolean {
  const parts = hotkey.toLowerCase().split('+')
  const key = parts.at(-1) ?? ''
  return FUNCTION_KEY.test(key) || parts.slice(0, -1).some((part) => ['mod', 'ctrl', 'alt', 'meta'].includes(part))
}

const isMac = () => typeof navigator !== 'undefined' && /mac/i.test(navigator.platform)

/** "mod+K" → "Ctrl+K" (⌘+K on a Mac), "alt+1" → "Alt+1", "F2" → "F2". */
export function hotkeyLabel(hotkey: string): string {
  return hotkey
    .split('+')
    .map((part) => {
      const lower = part.toLowerCase()
      if (lower === 'mod') return isMac() ? '⌘' : 'Ctrl'
      if (lower === 'ctrl' || lower === 'alt' || lower === 'shift' || lower === 'meta') return lower[0]!.toUpperCase() + lower.slice(1)
      return part.length === 1 ? part.toUpperCase() : part[0]!.toUpperCase() + part.slice(1)
    })
    .join('+')
}

/** The `aria-keyshortcuts` form: "Control+K", "Alt+1", "F2". */
export function ariaKeyShortcut(hotkey: string): string {
  return hotkeyLabel(hotkey).replace('Ctrl', 'Control').replace('⌘', 'Meta')
}

/** Registers every hotkey: those that work in fields ignore no element, the rest skip inputs. */
export function useCallHotkeys(items: HotkeyItem[]): void {
  // A digit after Alt is matched by its physical key (Digit1): Alt+1 types "¡" on a Mac keyboard.
  const withOptions = items.map(([key, handler]): HotkeyItem => {
    const digit = /^alt\+(\d)$/i.exec(key)
    return digit ? [`alt+digit${digit[1]}`, handler, { usePhysicalKeys: true }] : [key, handler]
  })
  useHotkeys(withOptions.filter(([key]) => worksInFields(key)), [])
  useHotkeys(withOptions.filter(([key]) => !worksInFields(key)))
}
