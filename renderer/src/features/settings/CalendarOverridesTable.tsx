import { ActionIcon, Anchor, Badge, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { yearOf } from '../../../../shared/domain/tickets/chinaTime'
import type { CalendarOverride } from '../../../../shared/domain/tickets/workingDays'
import { formatCalendarDate, reasonLook } from './CalendarMonth'

const reasonOf = (override: CalendarOverride) => (override.kind === 'holiday' ? 'companyHoliday' : 'companyWorkingDay')

/** The company's own days in the year shown; the others are counted so none is forgotten. */
export function CalendarOverridesTable({
  year,
  overrides,
  onRemove,
  onShow,
}: {
  year: number
  overrides: readonly CalendarOverride[]
  onRemove: (date: string) => void
  onShow: (date: string) => void
}) {
  const { t, i18n } = useTranslation()
  const inYear = overrides.filter((override) => yearOf(override.date) === year)
  const elsewhere = overrides.length - inYear.length
  return (
    <Stack>
      <Title order={3} size="h5">
        {t('deadlines.calendar.overridesOf', { year })}
      </Title>
      {inYear.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('deadlines.calendar.noOverrides', { year })}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={t('deadlines.calendar.overridesOf', { year })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('deadlines.calendar.date')}</Table.Th>
                <Table.Th>{t('deadlines.calendar.overrideKind')}</Table.Th>
                <Table.Th>{t('deadlines.calendar.note')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('deadlines.calendar.remove')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {inYear.map((override) => (
                <Table.Tr key={override.date}>
                  <Table.Td>
                    <Anchor component="button" type="button" size="sm" onClick={() => onShow(override.date)}>
                      {formatCalendarDate(override.date, i18n.language)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge {...reasonLook[reasonOf(override)]} tt="none">
                      {t(`deadlines.calendar.overrideKinds.${override.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{override.note}</Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="lg"
                      aria-label={t('deadlines.calendar.removeOverride', { date: override.date })}
                      onClick={() => onRemove(override.date)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {elsewhere > 0 ? (
        <Text size="sm" c="dimmed">
          {t('deadlines.calendar.overridesElsewhere', { count: elsewhere })}
        </Text>
      ) : null}
    </Stack>
  )
}
