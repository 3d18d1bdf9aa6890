// Hotkeys a supervisor types in settings, in Mantine's `useHotkeys` form (`F2`, `mod+K`, `ctrl+shift+1`).
// Checked before saving, because one typo silently breaks a key for every agent on the seat:
// the text must parse, each action needs its own key, and keys the browser or the app already own
// (reload, close, the Alt+digit scenario scripts) are refused.
const MODIFIERS = ['mod', 'ctrl', 'alt', 'shift', 'meta'] as const
const FUNCTION_KEY = /^f([1-9]|1[0-2])$/
const PLAIN_KEY = /^[a-z0-9=-]$|^(enter|space|escape|backspace|tab|arrowup|arrowdown|arrowleft|arrowright|home|end|pageup|pagedown|insert|delete)$/

export type HotkeyProblem = 'hotkeyFormat' | 'hotkeyNeedsModifier' | 'hotkeyReserved'

/** Lower-cased, modifiers in a fixed order, so `Ctrl+K` and `k+ctrl` compare equal. */
export function normalizeHotkey(text: string): string | null {
  const parts = text.toLowerCase().split('+').map((part) => part.trim())
  if (parts.some((part) => !part)) return null
  const modifiers = parts.filter((part) => (MODIFIERS as readonly string[]).includes(part))
  const keys = parts.filter((part) => !(MODIFIERS as readonly string[]).includes(part))
  if (keys.length !== 1 || new Set(modifiers).size !== modifiers.length) return null
  const key = keys[0] as string
  if (!FUNCTION_KEY.test(key) && !PLAIN_KEY.test(key)) return null
  return [...MODIFIERS.filter((modifier) => modifiers.includes(modifier)), key].join('+')
}

// F5/ctrl+R reload, ctrl+shift+R force-reloads and ctrl+W closes the window: an agent pressing
// them mid-call loses the screen. ctrl+shift+I/J/C (alt+meta+I/J/C on macOS) and F12 open the
// developer tools, ctrl+0/ctrl+=/ctrl+- zoom, F11 is full screen. Alt+1…Alt+9 open the scenario
// scripts; Alt+T opens a ticket beside the call. Each is listed for ctrl, meta (macOS) and mod, which is either.
const COMMAND_MODIFIERS = ['mod', 'ctrl', 'meta']
const RESERVED = new Set(
  [
    'f5', 'f11', 'f12',
    ...COMMAND_MODIFIERS.flatMap((modifier) => [
      ...['r', 'w', 'q', 'n', 't', 'p', 'f', 'l', '0', '=', '-'].map((key) => `${modifier}+${key}`),
      ...['r', 'i', 'j', 'c'].map((key) => `${modifier}+shift+${key}`),
      ...['i', 'j', 'c'].map((key) => `${modifier}+alt+${key}`),
    ]),
    ...Array.from({ length: 9 }, (_, digit) => `alt+${digit + 1}`),
    'alt+t',
  ].map((text) => normalizeHotkey(text) ?? text),
)

/**
 * The keys a hotkey is pressed as: `mod` is ctrl on Windows/Linux and meta (⌘) on macOS, so
 * `mod+k` stands for both `ctrl+k` and `meta+k`.
 */
function physicalHotkeys(normalized: string): string[] {
  const parts = normalized.split('+')
  if (!parts.includes('mod')) return [normalized]
  const rest = parts.filter((part) => part !== 'mod')
  return ['ctrl', 'meta'].map((modifier) => normalizeHotkey([...new Set([modifier, ...rest])].join('+')) ?? normalized)
}

export function hotkeyProblem(text: string): HotkeyProblem | null {
  const normalized = normalizeHotkey(text)
  if (!normalized) return 'hotkeyFormat'
  const parts = normalized.split('+')
  const key = parts.at(-1) as string
  // A bare letter or digit would fire while the agent types notes.
  if (parts.length === 1 && !FUNCTION_KEY.test(key)) return 'hotkeyNeedsModifier'
  if (parts.length === 2 && parts[0] === 'shift' && !FUNCTION_KEY.test(key)) return 'hotkeyNeedsModifier'
  if (RESERVED.has(normalized) || physicalHotkeys(normalized).some((key) => RESERVED.has(key))) return 'hotkeyReserved'
  return null
}

/**
 * Actions that share one key (after normalising), for a "used twice" message on each. `mod` clashes
 * with both `ctrl` and `meta`: the settings are shared by Windows and macOS seats.
 */
export function duplicateHotkeys(hotkeys: Record<string, string>): string[] {
  const byKey = new Map<string, Set<string>>()
  for (const [action, text] of Object.entries(hotkeys)) {
    const normalized = normalizeHotkey(text)
    if (!normalized) continue
    for (const key of physicalHotkeys(normalized)) byKey.set(key, (byKey.get(key) ?? new Set()).add(action))
  }
  const clashing = new Set([...byKey.values()].filter((actions) => actions.size > 1).flatMap((actions) => [...actions]))
  return Object.keys(hotkeys).filter((action) => clashing.has(action))
}
