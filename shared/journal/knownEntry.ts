import type { JournalEntry } from './entry'
import { entryPayloads, isEntryKind, type EntryKind, type EntryPayload } from './kinds'

// A journal entry whose payload has been checked against its kind's schema, so projections can
// switch on `kind` and read the payload with full types. Kinds this build does not know (written by
// a newer version) are skipped by the projections rather than guessed at.
export type KnownEntry = {
  [K in EntryKind]: Omit<JournalEntry, 'kind' | 'payload'> & { kind: K; payload: EntryPayload<K> }
}[EntryKind]

export function toKnownEntry(entry: JournalEntry): KnownEntry | null {
  if (!isEntryKind(entry.kind)) return null
  const payload: unknown = entryPayloads[entry.kind].parse(entry.payload)
  return { ...entry, payload } as KnownEntry
}
