import { ActionIcon, Badge, Button, Group, Modal, Stack, Table, Text, Title, Tooltip } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconArchive, IconDownload, IconPencil, IconPlus, IconUpload } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { scriptCategories, type ScriptInput } from '../../../../shared/domain/scripts'
import { SEAT_ACTOR } from '../../../../shared/journal/entry'
import { call } from '../../api/client'
import { db, type ScriptRow } from '../../db/schema'
import { describeError, formatDateTime } from '../../i18n/format'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { blankScript, ScriptEditorModal } from './ScriptEditorModal'
import { ScriptsImportModal } from './ScriptsImportModal'

const toInput = (row: ScriptRow): ScriptInput => ({
  scriptId: row.scriptId,
  category: row.category,
  phraseKind: row.phraseKind,
  title: { ...row.title },
  body: { ...row.body },
})

/** Saves the export as a file the supervisor can send to other seats or keep. */
function download(json: string) {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }))
  const link = document.createElement('a')
  link.href = url
  link.download = `seatdesk-scripts-${new Date().toISOString().slice(0, 10)}.json`
  document.body.append(link)
  link.click()
  link.remove()
  URL.revokeObjectURL(url)
}

/** 话术库 (supervisors): every publish is a journal entry with a version; calls record what they showed. */
export default function ScriptsPage() {
  const { t, i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'zh-CN'
  const scripts = useLiveQuery(async () => (await db.scripts.toArray()).sort((a, b) => a.firstSeq - b.firstSeq), [])
  const [editing, setEditing] = useState<{ input: ScriptInput; existing: boolean; version?: number } | null>(null)
  // Publishers by name where the projection knows them; the seat itself (seed scripts) is "System".
  const names = useLiveQuery(async () => new Map((await db.users.toArray()).map((user) => [user.employeeNo, user.name])), [])
  const publisher = (publishedBy: string) =>
    publishedBy === SEAT_ACTOR
      ? t('scripts.publishedBySystem')
      : names?.get(publishedBy)
        ? t('shell.user', { name: names.get(publishedBy), employeeNo: publishedBy })
        : publishedBy
  const [retiring, setRetiring] = useState<ScriptRow | null>(null)
  const [importing, setImporting] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const exportScripts = async () => {
    setError(null)
    try {
      download((await call('scriptsExport', {})).json)
    } catch (caught) {
      setError(caught)
    }
  }

  const retire = async (row: ScriptRow) => {
    try {
      await call('scriptRetire', { scriptId: row.scriptId })
      notifications.show({ color: 'teal', message: t('scripts.retired', { title: row.title[language] }) })
    } catch (caught) {
      notifications.show({ color: 'red', message: describeError(t, caught, i18n.language) })
    } finally {
      setRetiring(null)
    }
  }

  const sections = [
    ...scriptCategories.map((category) => ({
      key: category,
      title: t(`scripts.categories.${category}`),
      rows: scripts?.filter((row) => row.category === category && !row.retired) ?? [],
    })),
    { key: 'retired', title: t('scripts.retiredSection'), rows: scripts?.filter((row) => row.retired) ?? [] },
  ]

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('scripts.title')}
        </Title>
        <Group gap="xs">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ input: blankScript, existing: false })}>
            {t('scripts.create')}
          </Button>
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void exportScripts()}>
            {t('scripts.export')}
          </Button>
          <Button variant="default" leftSection={<IconUpload size={16} />} onClick={() => setImporting(true)}>
            {t('scripts.import.open')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('scripts.intro')}
      </Text>
      <ErrorAlert error={error} />
      {sections.map((section) =>
        section.rows.length === 0 && section.key === 'retired' ? null : (
          <Stack key={section.key} gap="xs" component="section" aria-label={section.title}>
            <Title order={2} size="h4">
              {section.title}
            </Title>
            {section.rows.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('scripts.emptyCategory')}
              </Text>
            ) : (
              <Table striped verticalSpacing="xs" aria-label={section.title}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('scripts.columns.title')}</Table.Th>
                    <Table.Th>{t('scripts.columns.body')}</Table.Th>
                    <Table.Th>{t('scripts.columns.version')}</Table.Th>
                    <Table.Th>{t('scripts.columns.published')}</Table.Th>
                    <Table.Th>{t('scripts.columns.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {section.rows.map((row) => (
                    <Table.Tr key={row.scriptId}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {row.title[language]}
                        </Text>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {row.scriptId}
                        </Text>
                        {row.phraseKind && (
                          <Badge size="xs" variant="light">
                            {t(`scripts.phraseKinds.${row.phraseKind}`)}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td maw={420}>
                        <Text size="sm" lineClamp={2}>
                          {row.body[language]}
                        </Text>
                      </Table.Td>
                      <Table.Td>v{row.version}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDateTime(row.publishedAt, i18n.language)}</Text>
                        <Text size="xs" c="dimmed">
                          {publisher(row.publishedBy)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Tooltip label={t('scripts.edit')}>
                            <ActionIcon variant="subtle" aria-label={`${t('scripts.edit')} ${row.title[language]}`} onClick={() => setEditing({ input: toInput(row), existing: true, version: row.version })}>
                              <IconPencil size={16} />
                            </ActionIcon>
                          </Tooltip>
                          {!row.retired && (
                            <Tooltip label={t('scripts.retire')}>
                              <ActionIcon variant="subtle" color="red" aria-label={`${t('scripts.retire')} ${row.title[language]}`} onClick={() => setRetiring(row)}>
                                <IconArchive size={16} />
                              </ActionIcon>
                            </Tooltip>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        ),
      )}
      {editing && <ScriptEditorModal initial={editing.input} editing={editing.existing} currentVersion={editing.version} onClose={() => setEditing(null)} />}
      {importing && <ScriptsImportModal onClose={() => setImporting(false)} />}
      <Modal opened={retiring !== null} onClose={() => setRetiring(null)} title={t('scripts.retireTitle')}>
        {retiring && (
          <Stack>
            <Text>{t('scripts.retireConfirm', { title: retiring.title[language] })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRetiring(null)} data-autofocus>
                {t('common.cancel')}
              </Button>
              <Button color="red" onClick={() => void retire(retiring)}>
                {t('scripts.retire')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  )
}
