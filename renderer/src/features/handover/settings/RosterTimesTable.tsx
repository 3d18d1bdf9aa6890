import { Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ChinaDate } from '../../../../../shared/domain/tickets/chinaTime'
import { chinaDateOf } from '../../../../../shared/domain/tickets/chinaTime'
import { formatClock } from '../../../i18n/format'
import type { ShiftTimesRow } from './rosterTimes'

export interface RosterTimesTableProps {
  date: ChinaDate
  rows: ShiftTimesRow[]
  nameOf: (employeeNo: string) => string
}

/** Each rostered person's hours as the duty rule makes them, and why they differ from the pattern's. */
export function RosterTimesTable({ date, rows, nameOf }: RosterTimesTableProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'zh-CN'
  // A night shift ends the next day; an early duty may start the day before.
  const at = (iso: string) => {
    const time = formatClock(iso, language)
    const day = chinaDateOf(iso)
    return day === date ? time : t(day > date ? 'shifts.roster.nextDay' : 'shifts.roster.previousDay', { time })
  }
  const people = rows.flatMap((row) => row.people.map((person) => ({ row, person })))
  const title = t('shifts.roster.timesTitle')
  if (people.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('shifts.roster.noTimes')}
      </Text>
    )
  }
  return (
    <Table aria-label={title} verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          {(['person', 'shift', 'starts', 'ends', 'why'] as const).map((column) => (
            <Table.Th key={column}>{t(`shifts.roster.columns.${column}`)}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {people.map(({ row, person }) => (
          <Table.Tr key={`${row.pattern.id}:${person.employeeNo}`}>
            <Table.Td>{nameOf(person.employeeNo)}</Table.Td>
            <Table.Td>{row.pattern.label[language]}</Table.Td>
            <Table.Td>{at(person.startsAt)}</Table.Td>
            <Table.Td>{at(person.endsAt)}</Table.Td>
            <Table.Td>{person.adjustments.map((adjustment) => t(`shifts.roster.adjustments.${adjustment}`)).join(t('shifts.roster.separator'))}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
