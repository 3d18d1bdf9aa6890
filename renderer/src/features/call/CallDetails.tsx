import { Group, Stack, Textarea, TextInput } from '@mantine/core'
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseCallerNumber } from '../../../../shared/domain/phone'
import { editDraft, saveDetails, useCallStore } from './callStore'

const DETAILS_SAVE_DELAY_MS = 1500

// Each field subscribes to its own part of the draft: a key typed in the notes re-renders the notes
// field alone, not the caller number's parse or the scripts beside the form.

/** Caller number, customer name and notes; saved when the agent pauses or leaves a field. */
export function CallDetails({ report, callId }: { report: (error: unknown) => void; callId: string }) {
  const save = useCallback(() => void saveDetails().catch(report), [report])
  // An effect event: the subscription below always calls the latest `save` without re-subscribing
  // (a language change gives a new `report`), which would drop a pending save.
  const savePaused = useEffectEvent(save)

  // Typed details reach the journal a moment after the agent pauses, so a reload or a crash
  // mid-call keeps them; leaving a field or any call step saves at once. Also armed on mount, so a
  // save that failed is tried again when the agent comes back to the call, and flushed on unmount, so
  // leaving the call screen mid-pause does not wait for the next key.
  useEffect(() => {
    let timer: number | undefined
    const arm = () => {
      window.clearTimeout(timer)
      timer = window.setTimeout(() => {
        timer = undefined
        savePaused()
      }, DETAILS_SAVE_DELAY_MS)
    }
    arm()
    const unsubscribe = useCallStore.subscribe((state, previous) => {
      if (state.draft !== previous.draft) arm()
    })
    return () => {
      unsubscribe()
      if (timer === undefined) return
      window.clearTimeout(timer)
      savePaused()
    }
  }, [])

  return (
    <Stack gap="sm">
      <Group grow align="flex-start">
        <CallerNumberField callId={callId} save={save} />
        <CustomerNameField save={save} />
      </Group>
      <NotesField save={save} />
    </Stack>
  )
}

function CallerNumberField({ callId, save }: { callId: string; save: () => void }) {
  const { t } = useTranslation()
  const field = useRef<HTMLInputElement>(null)
  // A new call (answered, or back after a reload): the caller number is the first thing typed.
  useEffect(() => {
    field.current?.focus()
  }, [callId])
  const value = useCallStore((state) => state.draft.callerNumber)
  // A number already there when the field appears (typed before a reload) says at once if it is wrong.
  const [touched, setTouched] = useState(() => value.trim() !== '')
  const typed = value.trim()
  const parsed = touched && typed ? parseCallerNumber(typed) : null
  return (
    <TextInput
      ref={field}
      data-call-focus="callerNumber"
      label={t('call.form.callerNumber')}
      description={t('call.form.callerNumberHint')}
      value={value}
      onChange={(event) => {
        editDraft({ callerNumber: event.currentTarget.value })
        setTouched(false)
      }}
      onBlur={() => {
        setTouched(true)
        save()
      }}
      error={parsed && !parsed.ok ? t(`call.form.callerNumberInvalid.${parsed.reason}`) : null}
      inputMode="tel"
      autoComplete="off"
    />
  )
}

function CustomerNameField({ save }: { save: () => void }) {
  const { t } = useTranslation()
  const value = useCallStore((state) => state.draft.customerName)
  return (
    <TextInput
      label={t('call.form.customerName')}
      value={value}
      onChange={(event) => editDraft({ customerName: event.currentTarget.value })}
      onBlur={save}
      maxLength={40}
      autoComplete="off"
    />
  )
}

function NotesField({ save }: { save: () => void }) {
  const { t } = useTranslation()
  const value = useCallStore((state) => state.draft.notes)
  return (
    <Textarea
      label={t('call.form.notes')}
      value={value}
      onChange={(event) => editDraft({ notes: event.currentTarget.value })}
      onBlur={save}
      autosize
      minRows={3}
      maxRows={8}
      maxLength={2000}
    />
  )
}
