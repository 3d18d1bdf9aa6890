import { Alert, Grid, Group, Kbd, List, Stack, Text, Title } from '@mantine/core'
import { useForm, type FormErrors } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ticketDetailsSchema, type TicketDetails, type TicketKind } from '../../../../../shared/domain/tickets/kinds'
import type { TicketSummary } from '../../../../../shared/ipc/contract'
import { ApiError, call } from '../../../api/client'
import { ErrorAlert } from '../../../ui/ErrorAlert'
import { FormActions } from '../../../ui/FormActions'
import { useDiscardGuard } from '../../../ui/useDiscardGuard'
import { saveOnCtrlEnter, useSubmitOnce } from '../../../ui/useSubmitOnce'
import { issuesToFormErrors, zodValidator } from '../../../ui/zodForm'
import { focusFieldAt } from './focusField'
import { KindPicker } from './KindPicker'
import { TicketField } from './TicketFields'
import { callerFields, callFields, choiceSets, laterFields, type FieldSpec } from './ticketFieldSpecs'
import { newTicketBackup } from './newTicketBackup'
import { amountProblems, blankDraft, detailsInput, draftFromDetails, kindStash, switchKind, type TicketDraft, type TicketPrefill } from './ticketDraft'
import { fieldLabel, formPath, orderedErrors, ticketErrorText, ticketIssueTranslator, ticketServerIssueText } from './ticketFormErrors'

// 开单准确率 100% (002): a ticket is checked by the same schema main checks it with, and cannot be
// saved while a required field is missing or malformed; the form names each field and says why.
// Nothing typed is lost on a refusal: the values stay, main's reasons land on the fields.

/** A saved ticket to correct or complete: a TicketRow will do. */
export type EditableTicket = { ticketId: string; ticketNo: string; details: TicketDetails }

export interface TicketFormProps {
  /** Editing (the owner): the ticket as saved. Its kind cannot change. */
  ticket?: EditableTicket
  /** A new ticket: what is known already (the call's caller, a kind). Ignored when editing. */
  initial?: TicketPrefill
  /** After main saved it (and the notification with the ticket number was shown). */
  onSaved: (summary: TicketSummary) => void
  /** Cancel or Esc; a form with changes asks first. */
  onCancel: () => void
  /**
   * A new ticket on a call: the call's id. What is typed is kept for a reload (newTicketBackup), and
   * the form starts from what was kept for this call, if anything.
   */
  backupFor?: string
}

/** Fields that take a row of their own. */
function isWide(spec: FieldSpec): boolean {
  if (spec.type === 'text') return spec.multiline === true
  if (spec.type === 'choice') return spec.control === 'segmented' && choiceSets[spec.set].length > 3
  return spec.type === 'contact' || spec.type === 'changes' || spec.type === 'multiChoice'
}

function FieldGrid({ fields, form }: { fields: FieldSpec[]; form: Parameters<typeof TicketField>[0]['form'] }) {
  return (
    <Grid gap="sm">
      {fields.map((spec) => (
        <Grid.Col key={spec.name} span={{ base: 12, sm: isWide(spec) ? 12 : 6 }}>
          {/* The form's key for the field: the control starts again from the form's value when the form replaces it (a kind switch). */}
          <TicketField key={form.key(spec.name)} spec={spec} form={form} />
        </Grid.Col>
      ))}
    </Grid>
  )
}

/** The first field an agent types in: the kind, then the kind's first field. */
const firstPath = (kind: TicketKind | null) => (kind ? (callFields(kind)[0]?.name ?? 'kind') : 'kind')

export function TicketForm({ ticket, initial, onSaved, onCancel, backupFor }: TicketFormProps) {
  const { t } = useTranslation()
  const formRef = useRef<HTMLFormElement>(null)
  const [error, setError] = useState<unknown>(null)
  const [attempted, setAttempted] = useState(false)
  const backup = ticket ? undefined : backupFor
  // Typed before a reload: unsaved work, so Esc asks before dropping it as it would have then.
  const [restored] = useState(() => (backup ? newTicketBackup.restore(backup) : null))
  const [initialDraft] = useState(() => (ticket ? draftFromDetails(ticket.details) : (restored ?? blankDraft(initial?.kind ?? null, initial))))
  // Everything typed under each kind, so a switch to another kind and back gives it back.
  const stash = useRef(kindStash(initialDraft))
  // Uncontrolled: the fields hold what is typed and the form reads it when asked, so a keystroke
  // re-renders nothing but the field typed in — this form sits on a running call, typed into while
  // the customer talks, and re-rendering its twenty controls per key made typing lag (keystroke bench).
  // What the screen must follow (the kind, a list's rows, errors) re-renders through the form's state.
  const form = useForm<TicketDraft>({
    mode: 'uncontrolled',
    initialValues: initialDraft,
    onValuesChange: (values) => {
      if (backup) newTicketBackup.save(backup, values)
    },
    validate: (values) => {
      const amounts = (draft: TicketDraft): FormErrors =>
        Object.fromEntries(Object.entries(amountProblems(draft)).map(([path, code]) => [path, ticketErrorText(t, code)]))
      return zodValidator(ticketDetailsSchema, t, detailsInput, amounts, ticketIssueTranslator(t, values.kind))(values)
    },
  })
  const kind = form.getValues().kind

  // On open and after each kind change, the cursor waits where the agent types next.
  const focusedKind = useRef<TicketKind | null | undefined>(undefined)
  useEffect(() => {
    if (focusedKind.current === kind) return
    const initialFocus = focusedKind.current === undefined
    focusedKind.current = kind
    const timer = window.setTimeout(() => focusFieldAt(formRef.current, firstPath(kind), { initial: initialFocus }))
    return () => window.clearTimeout(timer)
  }, [kind])

  const focusFirstError = (errors: FormErrors) => {
    const first = orderedErrors(kind, errors)[0]
    if (first) focusFieldAt(formRef.current, first[0])
  }

  // One ticket per save: Ctrl+Enter held down or pressed again while main is writing opens no second one.
  const save = useSubmitOnce(
    form,
    async (values) => {
      setError(null)
      const parsed = ticketDetailsSchema.safeParse(detailsInput(values))
      if (!parsed.success) return false // validate() has just passed the same parse
      // Not kept while main writes it: a reload mid-save must not bring back a ticket main may have
      // opened already (a second save would open it twice). Kept again if main refuses.
      if (backup) newTicketBackup.clear()
      try {
        const summary = ticket
          ? await call('ticketUpdate', { ticketId: ticket.ticketId, details: parsed.data })
          : await call('ticketOpen', { details: parsed.data })
        notifications.show({ color: 'teal', message: t(ticket ? 'ticketForm.updated' : 'ticketForm.opened', { ticketNo: summary.ticketNo }) })
        onSaved(summary)
        return true
      } catch (caught) {
        if (backup) newTicketBackup.save(backup, values)
        setAttempted(true)
        if (caught instanceof ApiError && caught.issues.length > 0) {
          const errors = issuesToFormErrors(t, caught.issues, { translate: ticketServerIssueText(t, values.kind), path: formPath })
          form.setErrors(errors)
          focusFirstError(errors)
        }
        setError(caught)
        return false
      }
    },
    {
      onInvalid: (errors) => {
        setAttempted(true)
        focusFirstError(errors)
      },
    },
  )

  const cancel = () => {
    if (backup) newTicketBackup.clear()
    onCancel()
  }
  const { requestClose: requestCancel, confirmation: discardConfirmation } = useDiscardGuard(() => restored !== null || form.isDirty(), cancel, {
    title: t('ticketForm.discard.title'),
    body: t('ticketForm.discard.body'),
    confirm: t('ticketForm.discard.confirm'),
  })

  const onKeyDown = (event: React.KeyboardEvent<HTMLFormElement>) => {
    if (event.nativeEvent.isComposing) return // an IME choosing characters owns Enter and Esc
    const target = event.target as HTMLElement
    if (saveOnCtrlEnter(event, save)) return
    // Esc closes an open option list first; only then does it cancel the ticket.
    if (event.key === 'Escape' && !event.defaultPrevented && target.getAttribute('data-mantine-stop-propagation') !== 'true') {
      event.preventDefault()
      requestCancel()
      return
    }
    // A plain Enter in a one-line field does not save half a ticket: Ctrl+Enter does. An open option
    // list has already taken its Enter (the input's own handler runs first) when an option was
    // highlighted; with none highlighted, the Enter must not fall through to the form's submit either.
    if (event.key === 'Enter' && target instanceof HTMLInputElement && !['checkbox', 'radio', 'submit', 'button'].includes(target.type)) {
      event.preventDefault()
    }
  }

  const errors = attempted ? orderedErrors(kind, form.errors) : []

  return (
    <>
      <form ref={formRef} onSubmit={save} onKeyDown={onKeyDown} noValidate aria-label={ticket ? t('ticketForm.titleEdit', { ticketNo: ticket.ticketNo }) : t('ticketForm.titleNew')}>
        <Stack gap="md">
          <KindPicker
            value={kind}
            fixed={!!ticket}
            error={form.errors.kind}
            onChange={(next) => {
              if (next === kind) return
              const switched = switchKind(form.getValues(), next, stash.current)
              stash.current = switched.stash
              form.setValues(switched.draft)
              form.clearErrors()
            }}
          />
          <Section title={t('ticketForm.sections.caller')}>
            <FieldGrid fields={callerFields} form={form} />
          </Section>
          {kind ? (
            <>
              <Section title={t('ticketForm.sections.details')}>
                <FieldGrid fields={callFields(kind)} form={form} />
              </Section>
              {laterFields(kind).length > 0 && (
                <Section title={t('ticketForm.sections.later')} hint={t('ticketForm.sections.laterHint')}>
                  <FieldGrid fields={laterFields(kind)} form={form} />
                </Section>
              )}
            </>
          ) : (
            <Text c="dimmed" size="sm">
              {t('ticketForm.kindFirst')}
            </Text>
          )}
          {errors.length > 0 && (
            <Alert role="alert" color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('ticketForm.summary', { count: errors.length })} data-testid="ticket-form-errors">
              <List size="sm" spacing={2}>
                {errors.map(([path, message]) => (
                  <List.Item key={path}>
                    {t('ticketForm.summaryItem', { field: fieldLabel(t, kind, path), message })}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <ErrorAlert error={error} />
          <Group justify="space-between" align="center">
            <Text size="xs" c="dimmed">
              <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">Enter</Kbd> {t('ticketForm.keys.save')} · <Kbd size="xs">Esc</Kbd> {t('ticketForm.keys.cancel')}
            </Text>
            <FormActions submitLabel={ticket ? t('ticketForm.actions.save') : t('ticketForm.actions.open')} submitting={form.submitting} onCancel={requestCancel} />
          </Group>
        </Stack>
      </form>
      {/* Outside the form: its keys are the dialog's own, not the form's Esc and Ctrl+Enter. */}
      {discardConfirmation}
    </>
  )
}

function Section({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    <Stack gap={6} component="section" aria-label={title}>
      <Group gap="xs" align="baseline">
        <Title order={3} size="h5">
          {title}
        </Title>
        {hint && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
      </Group>
      {children}
    </Stack>
  )
}
