import { Alert, Badge, Button, Group, NativeSelect, NumberInput, SegmentedControl, Stack, Switch, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconPlus } from '@tabler/icons-react'
import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { chinaDateOf, yearOf } from '../../../../shared/domain/tickets/chinaTime'
import { chineseDaysSource } from '../../../../shared/domain/tickets/publicHolidays'
import {
  calendarOverrideSchema,
  workingDayCalendarSettingsSchema,
  type CalendarOverride,
  type WorkingDayCalendarSettings,
} from '../../../../shared/domain/tickets/workingDays'
import { ApiError, call } from '../../api/client'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { CalendarMonth } from './CalendarMonth'
import { CalendarOverridesTable } from './CalendarOverridesTable'
import { monthDays } from './calendarDays'
import { deadlineFormValidator, deadlineServerErrors } from './deadlineIssues'
import { LoadedSettingsSection } from './LoadedSettingsSection'

// The years a calendar may be declared complete for (workingDays.ts, calendarYearSchema).
const YEAR_MIN = 2000
const YEAR_MAX = 2100

/** The form main stores: overrides by date, years in order, so a save with nothing changed says so. */
function normalized(settings: WorkingDayCalendarSettings): WorkingDayCalendarSettings {
  return {
    overrides: [...settings.overrides].sort((a, b) => a.date.localeCompare(b.date)),
    coveredYears: [...new Set(settings.coveredYears)].sort((a, b) => a - b),
  }
}

const sameSettings = (a: WorkingDayCalendarSettings, b: WorkingDayCalendarSettings) => JSON.stringify(normalized(a)) === JSON.stringify(normalized(b))

const blankOverride = (): CalendarOverride => ({ date: '', kind: 'holiday', note: '' })

function monthNames(language: string): string[] {
  const format = new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' })
  return Array.from({ length: 12 }, (_, i) => format.format(new Date(Date.UTC(2026, i, 1))))
}

/** Whether the clocks can count days in `year`, and the supervisor's "this year is complete" switch. */
function YearCoverage({ year, draft, onCoveredChange }: { year: number; draft: WorkingDayCalendarSettings; onCoveredChange: (covered: boolean) => void }) {
  const { t } = useTranslation()
  if (chineseDaysSource().isYearCovered(year)) {
    return (
      <Group gap="xs">
        <Badge color="teal" variant="light" tt="none">
          {t('deadlines.calendar.officialCovered')}
        </Badge>
        <Text size="sm" c="dimmed">
          {t('deadlines.calendar.officialCoveredText', { year })}
        </Text>
      </Group>
    )
  }
  const declared = draft.coveredYears.includes(year)
  return (
    <Alert color={declared ? 'blue' : 'yellow'} variant="light" title={declared ? t('deadlines.calendar.declaredTitle', { year }) : t('deadlines.calendar.notCoveredTitle', { year })}>
      <Stack gap="xs">
        <Text size="sm">{t('deadlines.calendar.notCoveredText', { year })}</Text>
        <Switch
          checked={declared}
          onChange={(event) => onCoveredChange(event.currentTarget.checked)}
          label={t('deadlines.calendar.yearComplete', { year })}
          description={t('deadlines.calendar.yearCompleteHint', { year })}
        />
      </Stack>
    </Alert>
  )
}

function WorkingCalendarEditor({ current }: { current: WorkingDayCalendarSettings }) {
  const { t, i18n } = useTranslation()
  const today = chinaDateOf(Date.now())
  const [saved, setSaved] = useState(() => normalized(current))
  const [draft, setDraft] = useState(() => normalized(current))
  const [year, setYear] = useState(() => yearOf(today))
  const [yearTyped, setYearTyped] = useState<string | number>(() => yearOf(today))
  const [month, setMonth] = useState(() => Number(today.slice(5, 7)))
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [problems, setProblems] = useState<string[]>([])
  const dateInput = useRef<HTMLInputElement>(null)
  const overrideForm = useForm<CalendarOverride>({ initialValues: blankOverride(), validate: deadlineFormValidator(calendarOverrideSchema, t) })

  const days = useMemo(() => monthDays(year, month, draft, chineseDaysSource()), [year, month, draft])
  const dirty = !sameSettings(draft, saved)

  const chooseYear = (value: string | number) => {
    setYearTyped(value)
    if (typeof value === 'number' && Number.isInteger(value) && value >= YEAR_MIN && value <= YEAR_MAX) setYear(value)
  }
  const yearOutOfRange = typeof yearTyped !== 'number' || yearTyped < YEAR_MIN || yearTyped > YEAR_MAX

  const show = (date: string) => {
    chooseYear(yearOf(date))
    setMonth(Number(date.slice(5, 7)))
  }

  const addOverride = overrideForm.onSubmit((values) => {
    const override: CalendarOverride = { date: values.date, kind: values.kind, note: values.note.trim() }
    // One date, one answer (workingDayCalendarSettingsSchema refuses two): the existing one goes first.
    const existing = draft.overrides.find((candidate) => candidate.date === override.date)
    if (existing) {
      overrideForm.setFieldError('date', t('deadlines.calendar.dateTaken', { kind: t(`deadlines.calendar.overrideKinds.${existing.kind}`) }))
      return
    }
    setDraft((settings) => normalized({ ...settings, overrides: [...settings.overrides, override] }))
    show(override.date)
    overrideForm.setValues({ ...blankOverride(), kind: values.kind })
  })

  const save = async () => {
    setError(null)
    setProblems([])
    const settings = normalized(draft)
    const parsed = workingDayCalendarSettingsSchema.safeParse(settings)
    if (!parsed.success) {
      setProblems(Object.values(deadlineFormValidator<WorkingDayCalendarSettings>(workingDayCalendarSettingsSchema, t)(settings)).map(String))
      return
    }
    setSaving(true)
    try {
      const stored = normalized(await call('workingCalendarUpdate', { settings }))
      setSaved(stored)
      setDraft(stored)
      notifications.show({ color: 'teal', message: t('deadlines.calendar.saved') })
    } catch (caught) {
      // The draft stays as it was: nothing entered is lost.
      if (caught instanceof ApiError && caught.code === 'validation' && caught.issues.length) setProblems(Object.values(deadlineServerErrors(t, caught.issues)).map(String))
      else setError(caught)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <NumberInput
          label={t('deadlines.calendar.year')}
          min={YEAR_MIN}
          max={YEAR_MAX}
          clampBehavior="none"
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator={false}
          w={140}
          value={yearTyped}
          onChange={chooseYear}
          error={yearOutOfRange ? t('deadlines.calendar.yearRange', { min: YEAR_MIN, max: YEAR_MAX }) : undefined}
        />
        <SegmentedControl
          aria-label={t('deadlines.calendar.month')}
          value={String(month)}
          onChange={(value) => setMonth(Number(value))}
          data={monthNames(i18n.language).map((name, index) => ({ value: String(index + 1), label: name }))}
        />
      </Group>
      <YearCoverage
        year={year}
        draft={draft}
        onCoveredChange={(covered) =>
          setDraft((settings) => ({ ...settings, coveredYears: covered ? [...settings.coveredYears, year].sort((a, b) => a - b) : settings.coveredYears.filter((y) => y !== year) }))
        }
      />
      <Title order={3} size="h5">
        {t('deadlines.calendar.monthTitle', { year, month: monthNames(i18n.language)[month - 1] })}
      </Title>
      <CalendarMonth
        year={year}
        month={month}
        days={days}
        selectedDate={overrideForm.values.date}
        onPick={(date) => {
          overrideForm.setFieldValue('date', date)
          overrideForm.clearFieldError('date')
          dateInput.current?.focus()
        }}
      />
      <form onSubmit={addOverride} noValidate aria-label={t('deadlines.calendar.addOverride')}>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('deadlines.calendar.addOverride')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('deadlines.calendar.addOverrideHint')}
          </Text>
          <Group align="flex-start" wrap="wrap">
            <TextInput ref={dateInput} type="date" label={t('deadlines.calendar.date')} withAsterisk w={180} {...overrideForm.getInputProps('date')} />
            <NativeSelect
              label={t('deadlines.calendar.overrideKind')}
              data={(['holiday', 'workingDay'] as const).map((kind) => ({ value: kind, label: t(`deadlines.calendar.overrideKinds.${kind}`) }))}
              {...overrideForm.getInputProps('kind')}
            />
            <TextInput label={t('deadlines.calendar.note')} placeholder={t('deadlines.calendar.notePlaceholder')} style={{ flex: 1, minWidth: 200 }} {...overrideForm.getInputProps('note')} />
          </Group>
          <Button type="submit" variant="default" w="fit-content" leftSection={<IconPlus size={16} />}>
            {t('deadlines.calendar.add')}
          </Button>
        </Stack>
      </form>
      <CalendarOverridesTable
        year={year}
        overrides={draft.overrides}
        onRemove={(date) => setDraft((settings) => ({ ...settings, overrides: settings.overrides.filter((override) => override.date !== date) }))}
        onShow={show}
      />
      {problems.length > 0 ? (
        <Alert color="red" variant="light" role="alert" title={t('errors.validation')}>
          {problems.map((problem) => (
            <Text key={problem} size="sm">
              {problem}
            </Text>
          ))}
        </Alert>
      ) : null}
      <ErrorAlert error={error} />
      {dirty ? (
        <Text size="sm" c="orange">
          {t('deadlines.unsaved')}
        </Text>
      ) : null}
      <Group>
        <Button onClick={() => void save()} loading={saving}>
          {t('deadlines.calendar.save')}
        </Button>
        <Button
          variant="default"
          disabled={!dirty}
          onClick={() => {
            setDraft(saved)
            setProblems([])
            setError(null)
          }}
        >
          {t('deadlines.revert')}
        </Button>
      </Group>
    </Stack>
  )
}

const readWorkingCalendar = () => call('workingCalendarGet', {})

/** Supervisors: the working-day calendar the clocks count with — official days and the company's own. */
export function WorkingCalendarSection() {
  const { t } = useTranslation()
  return (
    <LoadedSettingsSection title={t('deadlines.calendar.title')} intro={t('deadlines.calendar.intro')} load={readWorkingCalendar}>
      {(current) => <WorkingCalendarEditor current={current} />}
    </LoadedSettingsSection>
  )
}
