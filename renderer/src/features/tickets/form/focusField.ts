// Focus by form path: every control carries `data-path` (Mantine's getInputProps); a group (a radio
// row, a contact, the change list) is focused at its first input, a radio row at its picked option.
const FOCUSABLE = 'input:not([disabled]):not([type="hidden"]), textarea:not([disabled]), button:not([disabled])'

export function focusFieldAt(container: HTMLElement | null, path: string, { initial = false } = {}): boolean {
  if (!container) return false
  const node = container.querySelector<HTMLElement>(`[data-path="${path}"]`) ?? container.querySelector<HTMLElement>(`[data-path^="${path}."]`)
  if (!node) return false
  const target = node.matches(FOCUSABLE) ? node : (node.querySelector<HTMLElement>('input:checked:not([disabled])') ?? node.querySelector<HTMLElement>(FOCUSABLE))
  if (!target) return false
  if (initial) {
    // A modal's focus trap focuses [data-autofocus] when it settles, which may come after this.
    container.querySelectorAll('[data-autofocus]').forEach((element) => element.removeAttribute('data-autofocus'))
    target.setAttribute('data-autofocus', '')
  }
  target.focus()
  return true
}
