// What an agent has typed and not yet saved, kept in the tab's sessionStorage as they type, for one
// owner at a time (the open call): a reload of the window then puts it back instead of dropping it.
// Only for the tab's life; the journal is the record of what was saved.

export interface SessionDraft<T> {
  save(owner: string, draft: T): void
  /** The draft kept for `owner`, or null; one kept for another owner (an earlier call) is removed. */
  restore(owner: string | null): T | null
  clear(): void
}

export function sessionDraft<T>(key: string, isDraft: (value: unknown) => value is T): SessionDraft<T> {
  const read = (): { owner: string; draft: T } | null => {
    try {
      const stored: unknown = JSON.parse(window.sessionStorage.getItem(key) ?? 'null')
      if (typeof stored !== 'object' || stored === null) return null
      const { owner, draft } = stored as { owner?: unknown; draft?: unknown }
      // Anything else (an older build's shape, a hand edit) is ignored rather than failing the screen.
      return typeof owner === 'string' && isDraft(draft) ? { owner, draft } : null
    } catch {
      return null
    }
  }
  const clear = () => window.sessionStorage.removeItem(key)
  return {
    save(owner, draft) {
      try {
        window.sessionStorage.setItem(key, JSON.stringify({ owner, draft }))
      } catch {
        // A full or unavailable storage loses only the reload case.
      }
    },
    restore(owner) {
      const kept = read()
      if (kept && kept.owner === owner) return kept.draft
      clear()
      return null
    },
    clear,
  }
}
