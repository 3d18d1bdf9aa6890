import { Badge, Button, Group, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatDeadline } from '../../../i18n/format'
import { dueColor } from '../dueState'
import type { LiveClock } from './liveClocks'

export interface TicketClocksProps {
  clocks: readonly LiveClock[]
  /** Only the owner marks a step done; others see the button disabled (the detail says why). */
  canMarkDone: boolean
  onMarkDone: (clock: LiveClock) => void
}

function StateBadge({ clock }: { clock: LiveClock }) {
  const { t } = useTranslation()
  switch (clock.state) {
    case 'met':
      return (
        <Badge color="teal" variant="light">
          {t('tickets.clocks.met')}
        </Badge>
      )
    case 'overdue':
    case 'dueSoon':
      return (
        <Badge color={dueColor[clock.state]} variant="filled">
          {t(`tickets.due.${clock.state}`)}
        </Badge>
      )
    case 'running':
      return (
        <Badge color="gray" variant="light">
          {t('tickets.clocks.running')}
        </Badge>
      )
    case 'stopped':
      return (
        <Badge color="gray" variant="outline">
          {t('tickets.clocks.stopped')}
        </Badge>
      )
    default:
      return (
        <Badge color="grape" variant="light">
          {t('tickets.due.problem')}
        </Badge>
      )
  }
}

function DueCell({ clock }: { clock: LiveClock }) {
  const { t, i18n } = useTranslation()
  switch (clock.state) {
    case 'met':
      return <Text size="sm">—</Text>
    case 'calendarNotCovered':
      return (
        <Text size="sm" c="grape">
          {t('tickets.clocks.problem.calendarNotCovered', { year: clock.year })}
        </Text>
      )
    case 'incidentTimeMissing':
      return (
        <Text size="sm" c="grape">
          {t('tickets.clocks.problem.incidentTimeMissing')}
        </Text>
      )
    case 'stopped':
      return <Text size="sm">{clock.dueAt ? formatDeadline(clock.dueAt, i18n.language) : '—'}</Text>
    default:
      return (
        <Group gap={6}>
          <Text size="sm" c={clock.state === 'running' ? undefined : dueColor[clock.state]} fw={clock.state === 'running' ? undefined : 700}>
            {formatDeadline(clock.dueAt, i18n.language)}
          </Text>
          {clock.pausedNow && (
            <Badge size="sm" color="gray" variant="light">
              {t('tickets.clocks.paused')}
            </Badge>
          )}
        </Group>
      )
  }
}

/** Every clock of the ticket: what is due when, which are met, which are late. */
export function TicketClocks({ clocks, canMarkDone, onMarkDone }: TicketClocksProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'zh-CN'
  if (clocks.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('tickets.clocks.none')}
      </Text>
    )
  }
  return (
    <Table verticalSpacing={4} aria-label={t('tickets.clocks.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('tickets.clocks.step')}</Table.Th>
          <Table.Th>{t('tickets.clocks.dueAt')}</Table.Th>
          <Table.Th>{t('tickets.clocks.state')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {clocks.map((clock) => (
          <Table.Tr
            key={clock.clock.id}
            data-clock={clock.clock.id}
            data-due={clock.state}
            bg={clock.state === 'overdue' || clock.state === 'dueSoon' ? `var(--mantine-color-${dueColor[clock.state]}-light)` : undefined}
          >
            <Table.Td>{clock.clock.label[language]}</Table.Td>
            <Table.Td>
              <DueCell clock={clock} />
            </Table.Td>
            <Table.Td>
              <StateBadge clock={clock} />
            </Table.Td>
            <Table.Td>
              {clock.state !== 'met' && clock.state !== 'stopped' && (
                <Button
                  size="compact-xs"
                  variant="default"
                  disabled={!canMarkDone}
                  onClick={() => onMarkDone(clock)}
                  aria-label={t('tickets.clocks.markDoneFor', { step: clock.clock.label[language] })}
                >
                  {t('tickets.clocks.markDone')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
