import { Badge, Button, Group, SimpleGrid, Stack, Text, type ButtonProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { leadingBlanks, type CalendarDay, type DayReason, dayReasons } from './calendarDays'

// Official days are filled, the company's own days outlined, so the two never look alike; colours are
// Mantine's theme colours, which keep their contrast in the dark scheme too.
export const reasonLook: Record<DayReason, Pick<ButtonProps, 'variant' | 'color'>> = {
  officialHoliday: { variant: 'light', color: 'red' },
  officialWorkingDay: { variant: 'light', color: 'blue' },
  companyHoliday: { variant: 'outline', color: 'orange' },
  companyWorkingDay: { variant: 'outline', color: 'teal' },
  weekend: { variant: 'light', color: 'gray' },
  weekday: { variant: 'default' },
}

// Dates are wall dates in China: formatting them at UTC midnight in UTC never shifts the day.
const asUtc = (date: string) => new Date(`${date}T00:00:00.000Z`)

export function formatCalendarDate(date: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(asUtc(date))
}

/** Monday first; 2024-01-01 was a Monday. */
function weekdayNames(language: string): string[] {
  const format = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' })
  return Array.from({ length: 7 }, (_, i) => format.format(asUtc(`2024-01-0${i + 1}`)))
}

/** One month as a grid of days; choosing a day puts its date into the override form. */
export function CalendarMonth({ year, month, days, selectedDate, onPick }: { year: number; month: number; days: CalendarDay[]; selectedDate: string; onPick: (date: string) => void }) {
  const { t, i18n } = useTranslation()
  const describe = (day: CalendarDay) =>
    t(day.override?.note ? 'deadlines.calendar.dayWithNote' : 'deadlines.calendar.day', {
      date: formatCalendarDate(day.date, i18n.language),
      reason: t(`deadlines.calendar.reasons.${day.reason}`),
      note: day.override?.note,
    })
  return (
    <Stack gap="xs">
      <SimpleGrid cols={7} spacing={4} verticalSpacing={4} role="group" aria-label={t('deadlines.calendar.monthOf', { year, month })}>
        {weekdayNames(i18n.language).map((name) => (
          <Text key={name} size="xs" c="dimmed" ta="center" aria-hidden>
            {name}
          </Text>
        ))}
        {Array.from({ length: leadingBlanks(year, month) }, (_, i) => (
          <div key={`blank-${i}`} />
        ))}
        {days.map((day) => (
          <Button
            key={day.date}
            {...reasonLook[day.reason]}
            size="compact-md"
            h={48}
            px={2}
            aria-label={describe(day)}
            aria-pressed={day.date === selectedDate}
            title={describe(day)}
            onClick={() => onPick(day.date)}
            styles={{ label: { flexDirection: 'column', gap: 0, lineHeight: 1.1 } }}
            style={day.date === selectedDate ? { outline: '2px solid var(--mantine-primary-color-filled)', outlineOffset: 1 } : undefined}
          >
            <span>{day.dayOfMonth}</span>
            <Text span size="xs" fw={400}>
              {day.reason === 'weekday' || day.reason === 'weekend' ? '\u00a0' : t(`deadlines.calendar.marks.${day.reason}`)}
            </Text>
          </Button>
        ))}
      </SimpleGrid>
      <Group gap="xs" aria-label={t('deadlines.calendar.legend')} role="list">
        {dayReasons.map((reason) => (
          <Badge key={reason} role="listitem" variant={reasonLook[reason].variant} color={reasonLook[reason].color} tt="none">
            {t(`deadlines.calendar.reasons.${reason}`)}
          </Badge>
        ))}
      </Group>
    </Stack>
  )
}
