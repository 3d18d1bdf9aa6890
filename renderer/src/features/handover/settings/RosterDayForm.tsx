import { Button, Fieldset, Group, MultiSelect, Select, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { rosterDaySchema, type RosterDay, type ShiftSettings } from '../../../../../shared/domain/handover/shifts'
import type { ChinaDate } from '../../../../../shared/domain/tickets/chinaTime'
import { ApiError, call } from '../../../api/client'
import type { UserRow } from '../../../db/schema'
import { ErrorAlert } from '../../../ui/ErrorAlert'
import { issuesToFormErrors, zodValidator } from '../../../ui/zodForm'
import { rosterDayOf, rosterFormPath, rosterFormValues, type RosterFormValues } from './rosterForm'
import { rosterShiftTimes } from './rosterTimes'
import { RosterTimesTable } from './RosterTimesTable'
import { shiftIssueTranslator, shiftServerIssue } from './shiftIssues'

export interface RosterDayFormProps {
  date: ChinaDate
  settings: ShiftSettings
  day: RosterDay | null
  yesterday: RosterDay | null
  /** Active users only: nobody disabled is rostered. */
  users: UserRow[]
}

const canLead = (user: UserRow) => user.role === 'shiftLead' || user.role === 'supervisor'

/** One day's roster: who works each shift, who leads it, the day's duty person — and their hours. */
export function RosterDayForm({ date, settings, day, yesterday, users }: RosterDayFormProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'zh-CN'
  const [error, setError] = useState<unknown>(null)
  const { patterns } = settings
  const toRequest = useMemo(() => (values: RosterFormValues) => rosterDayOf(date, patterns, values), [date, patterns])
  const validate = useMemo(() => {
    const check = zodValidator<RosterFormValues, RosterDay>(rosterDaySchema, t, toRequest, undefined, shiftIssueTranslator(t))
    // The schema speaks of the request's shifts by position; the form keeps them by pattern.
    return (values: RosterFormValues) => {
      const request = toRequest(values)
      return Object.fromEntries(Object.entries(check(values)).map(([path, message]) => [rosterFormPath(request, path), message]))
    }
  }, [t, toRequest])
  const form = useForm<RosterFormValues>({ initialValues: rosterFormValues(patterns, day), validate })

  const nameOf = (employeeNo: string) => {
    const user = users.find((candidate) => candidate.employeeNo === employeeNo)
    return user ? t('shifts.roster.person', { name: user.name, employeeNo }) : employeeNo
  }
  const people = users.map((user) => ({ value: user.employeeNo, label: nameOf(user.employeeNo) }))
  const leaders = users.filter(canLead).map((user) => ({ value: user.employeeNo, label: nameOf(user.employeeNo) }))
  const rostered = [...new Set(Object.values(form.values.shifts).flatMap((shift) => shift.agents))]
  const times = rosterShiftTimes(date, toRequest(form.values), yesterday, settings)

  const submit = form.onSubmit(async (values) => {
    setError(null)
    const request = toRequest(values)
    try {
      await call('rosterSet', { day: rosterDaySchema.parse(request) })
      form.resetDirty(values)
      notifications.show({ color: 'teal', message: t('shifts.roster.saved', { date }) })
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'validation' && caught.issues.length) {
        form.setErrors(issuesToFormErrors(t, caught.issues, { translate: shiftServerIssue(t), path: (path) => rosterFormPath(request, path) }))
      } else setError(caught)
    }
  })

  return (
    <form onSubmit={submit} noValidate aria-label={t('shifts.roster.formOf', { date })}>
      <Stack>
        {patterns.map((pattern) => (
          <Fieldset key={pattern.id} legend={t('shifts.roster.shiftLegend', { shift: pattern.label[language], start: pattern.start, end: pattern.end })}>
            <Group align="flex-start" grow>
              <MultiSelect
                label={t('shifts.roster.agentsOf', { shift: pattern.label[language] })}
                data={people}
                searchable
                clearable
                nothingFoundMessage={t('shifts.roster.nobodyFound')}
                {...form.getInputProps(`shifts.${pattern.id}.agents`)}
              />
              <Select
                label={t('shifts.roster.leadOf', { shift: pattern.label[language] })}
                data={leaders}
                searchable
                clearable
                nothingFoundMessage={t('shifts.roster.nobodyFound')}
                {...form.getInputProps(`shifts.${pattern.id}.lead`)}
              />
            </Group>
          </Fieldset>
        ))}
        {form.errors.shifts ? (
          <Text c="red" size="sm" role="alert">
            {form.errors.shifts}
          </Text>
        ) : null}
        <Select
          label={t('shifts.roster.duty')}
          description={t('shifts.roster.dutyHint')}
          data={rostered.map((employeeNo) => ({ value: employeeNo, label: nameOf(employeeNo) }))}
          clearable
          maw={360}
          {...form.getInputProps('duty')}
        />
        <Title order={4} size="h6">
          {t('shifts.roster.timesTitle')}
        </Title>
        <RosterTimesTable date={date} rows={times} nameOf={nameOf} />
        <ErrorAlert error={error} />
        {form.isDirty() ? (
          <Text size="sm" c="orange">
            {t('shifts.unsaved')}
          </Text>
        ) : null}
        <Button type="submit" loading={form.submitting} w="fit-content">
          {t('shifts.roster.save')}
        </Button>
      </Stack>
    </form>
  )
}
