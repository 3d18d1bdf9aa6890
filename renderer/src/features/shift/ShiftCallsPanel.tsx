import { Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { IconCheck, IconX } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useTranslation } from 'react-i18next'
import { formatDuration } from '../../../../shared/domain/callTimer'
import { defaultCallSettings } from '../../../../shared/domain/callSettings'
import { db, readMeta } from '../../db/schema'
import { formatClock } from '../../i18n/format'
import { maskPhone } from '../../../../shared/domain/tickets/lifecycle'
import { isCompleted, shiftCallStats, startOfToday, type CompletedCall } from './shiftStats'

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`)
const duration = (ms: number | null) => (ms === null ? '—' : formatDuration(ms))

/** Ticket numbers by call: the business book lists what each call opened or changed. */
function useTicketNosByCall(callIds: string[]): Map<string, string[]> {
  const key = callIds.join(',')
  const tickets = useLiveQuery(() => (callIds.length ? db.tickets.where('callIds').anyOf(callIds).distinct().toArray() : []), [key])
  const byCall = new Map<string, string[]>()
  for (const ticket of [...(tickets ?? [])].sort((a, b) => a.openedSeq - b.openedSeq)) {
    for (const callId of ticket.callIds) byCall.set(callId, [...(byCall.get(callId) ?? []), ticket.ticketNo])
  }
  return byCall
}

/** Today's completed calls of one agent, live from the projected journal. */
export function useTodaysCalls(employeeNo: string): CompletedCall[] | undefined {
  const since = startOfToday()
  return useLiveQuery(async () => {
    const rows = await db.calls.where('[employeeNo+answeredAt]').between([employeeNo, since], [employeeNo, '\uffff']).toArray()
    return rows.filter(isCompleted)
  }, [employeeNo, since])
}

function Mark({ ok, label }: { ok: boolean; label: string }) {
  return ok ? <IconCheck size={16} color="var(--mantine-color-teal-7)" aria-label={label} /> : <IconX size={16} color="var(--mantine-color-red-7)" aria-label={label} />
}

/** 我的班次: calls today, handling time against the target and script compliance, updating live. */
export function ShiftCallsPanel({ employeeNo, withTable = true }: { employeeNo: string; withTable?: boolean }) {
  const { t, i18n } = useTranslation()
  const calls = useTodaysCalls(employeeNo)
  // Reason labels as the supervisor last set them (the defaults until the first change).
  const ticketNos = useTicketNosByCall(calls?.map((call) => call.callId) ?? [])
  const reasons = useLiveQuery(async () => (await readMeta(db, 'callSettings'))?.overTargetReasons ?? defaultCallSettings.overTargetReasons, [])
  if (!calls) return null
  const stats = shiftCallStats(calls)
  const language = i18n.language === 'en' ? 'en' : 'zh-CN'
  const reasonLabel = (id: string | null) => (id ? (reasons?.find((reason) => reason.id === id)?.label[language] ?? id) : '')
  const figures: [string, string][] = [
    ['calls', String(stats.calls)],
    ['averageHandling', duration(stats.averageHandlingMs)],
    ['underTarget', percent(stats.shareUnderTarget)],
    ['greeting', percent(stats.greetingCompliance)],
    ['closing', percent(stats.closingCompliance)],
    ['longest', duration(stats.longestMs)],
  ]

  return (
    <Stack gap="sm" component="section" aria-label={t('shift.calls.title')}>
      <Title order={2} size="h4">
        {t('shift.calls.title')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
        {figures.map(([name, value]) => (
          <Card key={name} withBorder padding="sm">
            <Text size="xs" c="dimmed" id={`shift-figure-${name}`}>
              {t(`shift.calls.${name}`)}
            </Text>
            <Text fz="xl" fw={700} aria-labelledby={`shift-figure-${name}`} data-testid={`shift-figure-${name}`}>
              {value}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {withTable &&
        (calls.length === 0 ? (
          <Text c="dimmed">{t('shift.calls.empty')}</Text>
        ) : (
          <Table striped verticalSpacing="xs" aria-label={t('shift.calls.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('shift.calls.columns.time')}</Table.Th>
                <Table.Th>{t('shift.calls.columns.caller')}</Table.Th>
                <Table.Th>{t('shift.calls.columns.handling')}</Table.Th>
                <Table.Th>{t('shift.calls.columns.greeting')}</Table.Th>
                <Table.Th>{t('shift.calls.columns.closing')}</Table.Th>
                <Table.Th>{t('shift.calls.columns.reason')}</Table.Th>
                <Table.Th>{t('shift.calls.columns.tickets')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...calls].reverse().map((row) => (
                <Table.Tr key={row.callId}>
                  <Table.Td>{formatClock(row.answeredAt, i18n.language)}</Table.Td>
                  <Table.Td ff="monospace">{row.callerNumber ? maskPhone(row.callerNumber.stored) : '—'}</Table.Td>
                  <Table.Td>
                    <Text span c={row.overTarget ? 'red.8' : 'teal.8'} fw={600} ff="monospace">
                      {formatDuration(row.handlingMs)}
                    </Text>{' '}
                    <Text span size="xs" c="dimmed">
                      {row.overTarget ? t('shift.calls.over') : t('shift.calls.under')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Mark ok={row.greetingSaid} label={row.greetingSaid ? t('shift.calls.said') : t('shift.calls.notSaid')} />
                  </Table.Td>
                  <Table.Td>
                    <Mark ok={row.closingSaid} label={row.closingSaid ? t('shift.calls.said') : t('shift.calls.notSaid')} />
                  </Table.Td>
                  <Table.Td>{reasonLabel(row.overTargetReason)}</Table.Td>
                  <Table.Td ff="monospace">{ticketNos.get(row.callId)?.join(' ') ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ))}
    </Stack>
  )
}
