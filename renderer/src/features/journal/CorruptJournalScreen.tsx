import { Alert, Center, Code, List, Paper, Stack, Text, Title } from '@mantine/core'
import { IconAlertOctagon } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { JournalState } from '../../../../shared/ipc/contract'

/** The only screen when the journal is damaged: nothing else may run on top of it. */
export function CorruptJournalScreen({ journal }: { journal: Extract<JournalState, { state: 'corrupt' }> }) {
  const { t } = useTranslation()
  return (
    <Center mih="100vh" p="md" data-testid="journal-corrupt">
      <Paper withBorder p="xl" maw={680} w="100%">
        <Stack>
          <Alert role="alert" color="red" icon={<IconAlertOctagon />} title={t('journal.corrupt.title')}>
            {t('journal.corrupt.body')}
          </Alert>
          <Stack gap={4}>
            <Text>{journal.seq === null ? t('journal.corrupt.seqUnknown') : t('journal.corrupt.seq', { seq: journal.seq })}</Text>
            <Text>{t('journal.corrupt.reason', { reason: journal.reason })}</Text>
            <Text style={{ wordBreak: 'break-all' }}>{t('journal.corrupt.folder', { folder: journal.directory })}</Text>
          </Stack>
          <Title order={3} size="h5">
            {t('journal.corrupt.whatToDo')}
          </Title>
          <List type="ordered" spacing="xs">
            <List.Item>{t('journal.corrupt.doNotDelete')}</List.Item>
            <List.Item>{t('journal.corrupt.contactSupport')}</List.Item>
            <List.Item>
              {t('journal.corrupt.verify')} <Code>npm run journal -- verify "{journal.directory}"</Code>
            </List.Item>
          </List>
        </Stack>
      </Paper>
    </Center>
  )
}
