import { Button, Card, Container, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconRefresh } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useTranslation } from 'react-i18next'
import { useProjectionSync } from '../../app/ProjectionSyncContext'
import { db, readMeta } from '../../db/schema'
import { useProjectionStore } from '../../db/sync'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { JournalMismatchAlert } from './JournalMismatchNotice'

function Figure({ label, value }: { label: string; value: number | string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={600}>
        {value}
      </Text>
    </Card>
  )
}

/** The journal's head against the local view, and the way to rebuild the view from it. */
export default function JournalPage() {
  const { t } = useTranslation()
  const sync = useProjectionSync()
  const { headSeq, rebuilding, error } = useProjectionStore()
  const view = useLiveQuery(
    async () => ({
      lastSeq: (await readMeta(db, 'lastSeq')) ?? 0,
      users: await db.users.count(),
      sessions: await db.shiftSessions.count(),
    }),
    [],
  )
  const rebuildView = async () => {
    if (await sync.rebuild()) notifications.show({ color: 'teal', message: t('journal.rebuilt') })
  }
  const percent = rebuilding && rebuilding.headSeq > 0 ? (rebuilding.done / rebuilding.headSeq) * 100 : 0

  return (
    <Container size="md" px={0}>
      <Stack>
        <Title order={1} size="h2">
          {t('journal.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('journal.intro')}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Figure label={t('journal.headSeq')} value={headSeq ?? t('journal.unknown')} />
          <Figure label={t('journal.projectedSeq')} value={view?.lastSeq ?? t('journal.unknown')} />
          <Figure label={t('journal.users')} value={view?.users ?? t('journal.unknown')} />
          <Figure label={t('journal.sessions')} value={view?.sessions ?? t('journal.unknown')} />
        </SimpleGrid>
        <JournalMismatchAlert />
        <ErrorAlert error={error} />
        <Card withBorder>
          <Stack gap="sm">
            <Text size="sm">{t('journal.rebuildHint')}</Text>
            {rebuilding && (
              <>
                <Progress value={percent} aria-label={t('journal.progressLabel')} animated />
                <Text size="sm" aria-live="polite">
                  {t('journal.rebuilding', { done: rebuilding.done, head: rebuilding.headSeq })}
                </Text>
              </>
            )}
            <Button
              leftSection={<IconRefresh size={18} />}
              variant="default"
              w="fit-content"
              loading={rebuilding !== null}
              onClick={() => void rebuildView()}
            >
              {t('journal.rebuild')}
            </Button>
          </Stack>
        </Card>
      </Stack>
    </Container>
  )
}
