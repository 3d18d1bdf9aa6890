import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useLiveQuery } from 'dexie-react-hooks'
import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../app/appStore'
import { db } from '../../db/schema'
import { formatDateTime } from '../../i18n/format'
import { ShiftCallsPanel } from './ShiftCallsPanel'

const RECENT_SHIFTS = 30

/** Who is on this seat since when, and this seat's recent shifts from the journal's view. */
export default function MyShiftPage() {
  const { t, i18n } = useTranslation()
  const session = useAppStore((state) => state.session)
  const shifts = useLiveQuery(() => db.shiftSessions.orderBy('startedAt').reverse().limit(RECENT_SHIFTS).toArray(), [])
  const names = useLiveQuery(async () => new Map((await db.users.toArray()).map((user) => [user.employeeNo, user.name])), [])
  if (!session) return null
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : null)

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('shift.title')}
      </Title>
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('shift.current')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <div>
            <Text size="xs" c="dimmed">
              {t('shift.columns.user')}
            </Text>
            <Text>{t('shell.user', { name: session.user.name, employeeNo: session.user.employeeNo })}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('shift.signedInAt')}
            </Text>
            <Text>{when(session.startedAt)}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('shift.checklistAt')}
            </Text>
            <Text>{when(session.checklistConfirmedAt) ?? t('shift.notConfirmed')}</Text>
          </div>
        </SimpleGrid>
      </Card>
      <ShiftCallsPanel employeeNo={session.user.employeeNo} />
      <Title order={2} size="h4">
        {t('shift.recent')}
      </Title>
      {shifts && shifts.length === 0 ? (
        <Text c="dimmed">{t('shift.empty')}</Text>
      ) : (
        <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('shift.recent')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('shift.columns.user')}</Table.Th>
              <Table.Th>{t('shift.columns.start')}</Table.Th>
              <Table.Th>{t('shift.columns.checklist')}</Table.Th>
              <Table.Th>{t('shift.columns.end')}</Table.Th>
              <Table.Th>{t('shift.columns.locks')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shifts?.map((shift) => (
              <Table.Tr key={shift.sessionId}>
                <Table.Td>
                  {names?.get(shift.employeeNo) ?? shift.employeeNo}{' '}
                  <Text span size="xs" c="dimmed">
                    {shift.employeeNo}
                  </Text>
                </Table.Td>
                <Table.Td>{when(shift.startedAt)}</Table.Td>
                <Table.Td>{when(shift.checklistConfirmedAt) ?? t('shift.notConfirmed')}</Table.Td>
                <Table.Td>
                  {shift.endedAt ? (
                    <Group gap={6}>
                      {when(shift.endedAt)}
                      {shift.endReason && shift.endReason !== 'user' && (
                        <Badge size="xs" variant="light" color="gray">
                          {t(`shift.endReason.${shift.endReason}`)}
                        </Badge>
                      )}
                    </Group>
                  ) : (
                    <Badge size="sm" variant="light">
                      {t('shift.ongoing')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{shift.lockCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
