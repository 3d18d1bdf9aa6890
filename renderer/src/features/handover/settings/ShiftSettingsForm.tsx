import { Alert, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconPlus } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { shiftSettingsSchema, type ShiftPattern, type ShiftSettings } from '../../../../../shared/domain/handover/shifts'
import { ApiError, call } from '../../../api/client'
import { ErrorAlert } from '../../../ui/ErrorAlert'
import { issuesToFormErrors, zodValidator } from '../../../ui/zodForm'
import { DutyRuleFields } from './DutyRuleFields'
import { PatternRow } from './PatternRow'
import { shiftIssueTranslator, shiftServerIssue } from './shiftIssues'

/** A new pattern's id: stable once saved (rosters and pages cite it), so not derived from its name. */
export function newPatternId(taken: Set<string>): string {
  let n = taken.size + 1
  while (taken.has(`shift-${n}`)) n += 1
  return `shift-${n}`
}

const patternColumns = ['labelZh', 'labelEn', 'start', 'end', 'part'] as const

export interface ShiftSettingsFormProps {
  current: ShiftSettings
  /** What main stored, for the roster below to compute times with. */
  onSaved: (settings: ShiftSettings) => void
}

/** Supervisors: the seat's shift patterns and the duty rule, saved together as one settings entry. */
export function ShiftSettingsForm({ current, onSaved }: ShiftSettingsFormProps) {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>(null)
  const validate = useMemo(() => zodValidator<ShiftSettings, ShiftSettings>(shiftSettingsSchema, t, (values) => values, undefined, shiftIssueTranslator(t)), [t])
  const form = useForm<ShiftSettings>({ initialValues: structuredClone(current), validate })

  const submit = form.onSubmit(async (settings) => {
    setError(null)
    try {
      const saved = await call('shiftSettingsUpdate', { settings })
      form.setInitialValues(saved)
      form.setValues(saved)
      form.resetDirty(saved)
      onSaved(saved)
      notifications.show({ color: 'teal', message: t('shifts.saved') })
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'validation' && caught.issues.length) {
        form.setErrors(issuesToFormErrors(t, caught.issues, { translate: shiftServerIssue(t) }))
      } else setError(caught)
    }
  })

  const addPattern = () => {
    const id = newPatternId(new Set(form.values.patterns.map((pattern) => pattern.id)))
    form.insertListItem('patterns', { id, label: { 'zh-CN': '', en: '' }, start: '09:00', end: '18:00', part: 'other' } satisfies ShiftPattern)
  }
  const listError = form.errors.patterns

  return (
    <form onSubmit={submit} noValidate aria-label={t('shifts.patterns.title')}>
      <Stack>
        <Title order={3} size="h5">
          {t('shifts.patterns.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('shifts.patterns.hint')}
        </Text>
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing={4} aria-label={t('shifts.patterns.title')}>
            <Table.Thead>
              <Table.Tr>
                {patternColumns.map((column) => (
                  <Table.Th key={column}>{t(`shifts.patterns.columns.${column}`)}</Table.Th>
                ))}
                <Table.Th>
                  <VisuallyHidden>{t('shifts.patterns.columns.remove')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {form.values.patterns.map((pattern, index) => (
                <PatternRow key={pattern.id} form={form} index={index} removable={form.values.patterns.length > 1} onRemove={(at) => form.removeListItem('patterns', at)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {listError ? (
          <Alert color="red" variant="light" role="alert">
            {listError}
          </Alert>
        ) : null}
        <Button variant="default" w="fit-content" leftSection={<IconPlus size={16} />} onClick={addPattern}>
          {t('shifts.patterns.add')}
        </Button>
        <DutyRuleFields form={form} />
        <ErrorAlert error={error} />
        {form.isDirty() ? (
          <Text size="sm" c="orange">
            {t('shifts.unsaved')}
          </Text>
        ) : null}
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('shifts.save')}
          </Button>
          <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
            {t('shifts.revert')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
