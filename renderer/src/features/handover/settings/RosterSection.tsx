import { Loader, Stack, Text, TextInput, Title } from '@mantine/core'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ShiftSettings } from '../../../../../shared/domain/handover/shifts'
import { chinaDateOf, isChinaDate, type ChinaDate } from '../../../../../shared/domain/tickets/chinaTime'
import { db } from '../../../db/schema'
import { RosterDayForm } from './RosterDayForm'
import { useRosterDays } from './useRosterDays'

export interface RosterSectionProps {
  settings: ShiftSettings
  /** The date first shown; today in China by default. */
  initialDate?: ChinaDate
}

/** Supervisors: pick a day, then set who works it (rosterSet); what the journal holds is shown. */
export function RosterSection({ settings, initialDate }: RosterSectionProps) {
  const { t } = useTranslation()
  const [date, setDate] = useState<ChinaDate>(() => initialDate ?? chinaDateOf(Date.now()))
  const [typed, setTyped] = useState(date)
  const days = useRosterDays(date)
  const users = useLiveQuery(() => db.users.where('active').equals(1).toArray(), [])
  const title = t('shifts.roster.title')

  return (
    <Stack component="section" aria-label={title}>
      <Title order={3} size="h5">
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {t('shifts.roster.intro')}
      </Text>
      <TextInput
        type="date"
        label={t('shifts.roster.date')}
        w={200}
        value={typed}
        onChange={(event) => {
          const value = event.currentTarget.value
          setTyped(value)
          // Half-typed dates stay in the field; the roster below follows only a whole one.
          if (isChinaDate(value)) setDate(value)
        }}
      />
      {days && users ? (
        // Another day, a saved change or new patterns: a fresh editor over what the journal now holds.
        <RosterDayForm
          key={`${date}|${JSON.stringify(days.day)}|${settings.patterns.map((pattern) => pattern.id).join()}`}
          date={date}
          settings={settings}
          day={days.day}
          yesterday={days.yesterday}
          users={users}
        />
      ) : (
        <Loader size="sm" aria-label={t('app.loading')} />
      )}
    </Stack>
  )
}
