import { Button, Group, Stack, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { contract } from '../../../../../shared/ipc/contract'
import { call } from '../../../api/client'
import { ErrorAlert } from '../../../ui/ErrorAlert'
import { saveOnCtrlEnter, useSubmitOnce } from '../../../ui/useSubmitOnce'
import { zodValidator } from '../../../ui/zodForm'

/**
 * Anyone at the seat adds what they learnt; Ctrl+Enter saves from the text area, one note per press.
 * `onDraftChange` hears whether a note is typed and not yet added, so the drawer asks before closing.
 */
export function NoteForm({ ticketId, onDraftChange }: { ticketId: string; onDraftChange?: (typed: boolean) => void }) {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>(null)
  const toRequest = (values: { text: string }) => ({ ticketId, text: values.text })
  const form = useForm({ initialValues: { text: '' }, validate: zodValidator(contract.ticketAddNote.request, t, toRequest) })
  const submit = useSubmitOnce(
    form,
    async (values) => {
      setError(null)
      try {
        await call('ticketAddNote', toRequest(values))
        notifications.show({ color: 'teal', message: t('tickets.notes.saved') })
        form.reset()
        return true
      } catch (caught) {
        setError(caught)
        return false
      }
    },
    // Emptied after saving, ready for the next note.
    { lockAfterSave: false },
  )
  const typed = form.values.text.trim() !== ''
  useEffect(() => {
    onDraftChange?.(typed)
  }, [typed, onDraftChange])
  useEffect(() => () => onDraftChange?.(false), [onDraftChange])
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Textarea
          label={t('tickets.notes.label')}
          autosize
          minRows={2}
          maxRows={8}
          onKeyDown={(event) => saveOnCtrlEnter(event, submit)}
          {...form.getInputProps('text')}
        />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={form.submitting}>
            {t('tickets.notes.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
