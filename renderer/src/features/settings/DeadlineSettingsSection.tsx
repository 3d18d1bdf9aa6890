import { Alert, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { useForm, type UseFormReturnType } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconPlus } from '@tabler/icons-react'
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  deadlineSettingsSchema,
  defaultDeadlineSettings,
  type DeadlineClock,
  type DeadlineSettings,
} from '../../../../shared/domain/tickets/deadlines'
import { ticketKindLabels, ticketKinds, type TicketKind } from '../../../../shared/domain/tickets/kinds'
import { ApiError, call } from '../../api/client'
import { ConfirmModal } from '../../ui/ConfirmModal'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { AddClockModal } from './AddClockModal'
import { clockName, newClockId, type Language } from './clockChoices'
import { ClockRow, clockFieldPaths, type ClockColumn, type ClockRowProps } from './ClockRow'
import { deadlineFormValidator, deadlineServerErrors } from './deadlineIssues'
import { LoadedSettingsSection } from './LoadedSettingsSection'
import { RegulatorRuleFields } from './RegulatorRuleFields'

type DeadlineForm = UseFormReturnType<DeadlineSettings>

// Defaults are shared module data: the form gets its own copy to edit.
const copyOf = (settings: DeadlineSettings): DeadlineSettings => structuredClone(settings)

type KindClocksTableProps = {
  form: DeadlineForm
  kind: TicketKind
  indexes: number[]
  language: Language
  setField: ClockRowProps['setField']
  onRemove: (index: number) => void
}

function KindClocksTable({ form, kind, indexes, language, setField, onRemove }: KindClocksTableProps) {
  const { t } = useTranslation()
  const columns = Object.keys(clockFieldPaths) as ClockColumn[]
  const rowErrors = (index: number) =>
    Object.fromEntries(
      columns.flatMap((column) => {
        const error = form.errors[`clocks.${index}.${clockFieldPaths[column]}`]
        return error ? [[column, error]] : []
      }),
    )
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {ticketKindLabels[kind][language]}
      </Title>
      <Table.ScrollContainer minWidth={1040}>
        <Table verticalSpacing={4} aria-label={t('deadlines.clocks.tableOf', { kind: ticketKindLabels[kind][language] })}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column}>{t(`deadlines.clocks.columns.${column}`)}</Table.Th>
              ))}
              <Table.Th>
                <VisuallyHidden>{t('deadlines.clocks.columns.remove')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {indexes.map((index) => (
              <ClockRow
                key={form.values.clocks[index]!.id}
                clock={form.values.clocks[index]!}
                index={index}
                language={language}
                errors={rowErrors(index)}
                setField={setField}
                onRemove={onRemove}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  )
}

function DeadlineSettingsForm({ current }: { current: DeadlineSettings }) {
  const { t, i18n } = useTranslation()
  const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN'
  const [error, setError] = useState<unknown>(null)
  const [invalid, setInvalid] = useState(false)
  const [removing, setRemoving] = useState<number | null>(null)
  const [restoring, setRestoring] = useState(false)
  const [adding, setAdding] = useState(false)
  // A validator that keeps its identity keeps form.setFieldValue's, which lets unchanged rows skip rendering.
  const validate = useMemo(() => deadlineFormValidator<DeadlineSettings>(deadlineSettingsSchema, t), [t])
  const form = useForm<DeadlineSettings>({ initialValues: copyOf(current), validate })
  const { setFieldValue } = form
  const setField = useCallback((path: string, value: unknown) => setFieldValue(path as never, value as never), [setFieldValue])

  const submit = form.onSubmit(
    async (settings) => {
      setError(null)
      setInvalid(false)
      try {
        const saved = await call('deadlineSettingsUpdate', { settings })
        // What main stored becomes the point "revert" returns to.
        form.setInitialValues(saved)
        form.setValues(saved)
        form.resetDirty(saved)
        notifications.show({ color: 'teal', message: t('deadlines.clocks.saved') })
      } catch (caught) {
        // Nothing typed is lost: the form keeps its values; a rule main checked shows on its field.
        if (caught instanceof ApiError && caught.code === 'validation' && caught.issues.length) {
          form.setErrors(deadlineServerErrors(t, caught.issues))
          setInvalid(true)
        } else setError(caught)
      }
    },
    // A message beside the buttons too: the field at fault may be a long way up the page.
    () => setInvalid(true),
  )

  const groups = ticketKinds
    .map((kind) => ({ kind, indexes: form.values.clocks.flatMap((clock, index) => (clock.kind === kind ? [index] : [])) }))
    .filter((group) => group.indexes.length > 0)
  const removingClock = removing === null ? undefined : form.values.clocks[removing]
  const listError = form.errors.clocks

  // The modals sit outside the <form>: React bubbles a submit through portals, so the add-clock form
  // inside it would also submit this one.
  return (
    <>
      <form onSubmit={submit} noValidate aria-label={t('deadlines.clocks.title')}>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('deadlines.clocks.howCounted')}
          </Text>
          {groups.map((group) => (
            <KindClocksTable key={group.kind} form={form} kind={group.kind} indexes={group.indexes} language={language} setField={setField} onRemove={setRemoving} />
          ))}
          <Text size="sm" c="dimmed">
            {t('deadlines.clocks.unlistedKinds')}
          </Text>
          <Button variant="default" w="fit-content" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            {t('deadlines.clocks.add')}
          </Button>
          <RegulatorRuleFields form={form} />
          {listError ? (
            <Alert color="red" variant="light" role="alert">
              {listError}
            </Alert>
          ) : null}
          {invalid && Object.keys(form.errors).length > 0 ? (
            <Alert color="red" variant="light" role="alert">
              {t('errors.validation')}
            </Alert>
          ) : null}
          <ErrorAlert error={error} />
          {form.isDirty() ? (
            <Text size="sm" c="orange">
              {t('deadlines.unsaved')}
            </Text>
          ) : null}
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('deadlines.clocks.save')}
            </Button>
            <Button
              variant="default"
              disabled={!form.isDirty()}
              onClick={() => {
                form.reset()
                setInvalid(false)
                setError(null)
              }}
            >
              {t('deadlines.revert')}
            </Button>
            <Button variant="subtle" color="orange" onClick={() => setRestoring(true)}>
              {t('deadlines.clocks.restoreDefaults')}
            </Button>
          </Group>
        </Stack>
      </form>
      <AddClockModal
        opened={adding}
        onCancel={() => setAdding(false)}
        onAdd={({ kind, label }) => {
          const id = newClockId(kind, label.en, new Set(form.values.clocks.map((clock) => clock.id)))
          form.insertListItem('clocks', { id, kind, label, amount: 1, unit: 'workingDays', from: 'opened', when: 'always', pauseWhileWaitingOnCustomer: false } satisfies DeadlineClock)
          setAdding(false)
        }}
      />
      <ConfirmModal
        opened={removingClock !== undefined}
        title={t('deadlines.clocks.removeTitle')}
        confirmLabel={t('deadlines.clocks.removeConfirm')}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (removing !== null) form.removeListItem('clocks', removing)
          setRemoving(null)
        }}
      >
        {removingClock ? t('deadlines.clocks.removeText', { kind: ticketKindLabels[removingClock.kind][language], clock: clockName(removingClock, language) }) : ''}
      </ConfirmModal>
      <ConfirmModal
        opened={restoring}
        title={t('deadlines.clocks.restoreTitle')}
        confirmLabel={t('deadlines.clocks.restoreConfirm')}
        color="orange"
        onCancel={() => setRestoring(false)}
        onConfirm={() => {
          form.setValues(copyOf(defaultDeadlineSettings))
          form.clearErrors()
          setInvalid(false)
          setRestoring(false)
        }}
      >
        {t('deadlines.clocks.restoreText')}
      </ConfirmModal>
    </>
  )
}

const readDeadlineSettings = () => call('deadlineSettingsGet', {})

/** Supervisors: each ticket kind's clocks and the regulator's complaint limits (DOMAIN.md). */
export function DeadlineSettingsSection() {
  const { t } = useTranslation()
  return (
    <LoadedSettingsSection title={t('deadlines.clocks.title')} intro={t('deadlines.clocks.intro')} load={readDeadlineSettings}>
      {(current) => <DeadlineSettingsForm current={current} />}
    </LoadedSettingsSection>
  )
}
