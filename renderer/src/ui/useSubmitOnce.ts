import type { FormErrors, UseFormReturnType } from '@mantine/form'
import { useRef } from 'react'

export interface SubmitOnceOptions {
  /** The form's values failed its own checks (nothing was sent). */
  onInvalid?: (errors: FormErrors) => void
  /**
   * After a save that went through the form stays shut: it is done and about to close, so an Enter
   * that arrives before it is gone cannot write the entry twice. Off for a form that is emptied and
   * used again (a note). Default on.
   */
  lockAfterSave?: boolean
}

/**
 * `form.onSubmit` that sends one request at a time. A second Enter, a key held down (auto-repeat) or a
 * double click while main is still writing is ignored: each would otherwise be a second journal entry
 * (two tickets, two notes). The lock is a ref, set before validation starts, because `form.submitting`
 * is state and reaches the handler only on the next render.
 *
 * `save` resolves true when main saved it, false when it was refused (the form stays open to retry).
 */
export function useSubmitOnce<Values>(
  form: UseFormReturnType<Values>,
  save: (values: Values) => Promise<boolean>,
  { onInvalid, lockAfterSave = true }: SubmitOnceOptions = {},
): (event?: React.SyntheticEvent<HTMLFormElement>) => void {
  const locked = useRef(false)
  const submit = form.onSubmit(
    async (values) => {
      let saved = false
      try {
        saved = await save(values as Values)
      } finally {
        locked.current = saved && lockAfterSave
      }
    },
    (errors) => {
      locked.current = false
      onInvalid?.(errors)
    },
  )
  return (event) => {
    if (locked.current || form.submitting) {
      event?.preventDefault()
      return
    }
    locked.current = true
    submit(event)
  }
}

/**
 * Ctrl+Enter (⌘+Enter) saves from any field of a form. A held key's repeats are swallowed, not more
 * saves. Returns whether the key was the chord (the caller then does nothing else with it).
 */
export function saveOnCtrlEnter(event: React.KeyboardEvent, save: () => void): boolean {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return false
  event.preventDefault()
  if (!event.repeat) save()
  return true
}
