import { Alert, Button, FileInput, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useState } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { ApiError, call } from '../../api/client'
import { describeError } from '../../i18n/format'

/** One bad entry as main lists it in `scriptsImportInvalid` params.details. */
interface ImportEntryProblem {
  index: number
  scriptId: string | null
  /** "body.zh-CN unknownVariable foo", "title.en too_small", … */
  problems: string[]
}

function parseDetails(details: unknown): ImportEntryProblem[] {
  if (typeof details !== 'string') return []
  try {
    const parsed: unknown = JSON.parse(details)
    return Array.isArray(parsed) ? (parsed as ImportEntryProblem[]).filter((entry) => typeof entry?.index === 'number' && Array.isArray(entry.problems)) : []
  } catch {
    return []
  }
}

const fieldKeys: Record<string, string> = {
  script: 'scripts.import.wholeEntry',
  scriptId: 'scripts.fields.scriptId',
  title: 'scripts.fields.title',
  body: 'scripts.fields.body',
  category: 'scripts.fields.category',
  phraseKind: 'scripts.fields.phraseKind',
  'title.zh-CN': 'scripts.fields.titleZh',
  'title.en': 'scripts.fields.titleEn',
  'body.zh-CN': 'scripts.fields.bodyZh',
  'body.en': 'scripts.fields.bodyEn',
}

/** "body.zh-CN unknownVariable foo" → "内容（中文）：未知变量 {foo}"; anything else is shown as main wrote it. */
export function describeImportProblem(t: TFunction, problem: string): string {
  const [field = '', code = '', ...rest] = problem.split(' ')
  const fieldLabel = fieldKeys[field] ? t(fieldKeys[field]) : field
  const known = ['phraseKindRequired', 'phraseKindOnlyForPhrases', 'unknownVariable', 'unclosedBrace', 'strayClosingBrace', 'emptyPlaceholder']
  if (known.includes(code)) {
    const at = rest[0] === 'at' ? Number(rest[1]) + 1 : undefined
    return `${fieldLabel}：${t(`scripts.problems.${code}`, { variable: `{${rest.join(' ')}}`, at })}`
  }
  if (code === 'duplicate') return t('scripts.import.duplicate')
  // A schema issue ("title.en too_small"): zod's code in words, never the raw code.
  const issue = zodIssueCodes.includes(code) ? code : 'other'
  return `${fieldLabel}：${t(`scripts.import.issues.${issue}`)}`
}

const zodIssueCodes = ['invalid_format', 'invalid_type', 'invalid_value', 'too_small', 'too_big', 'unrecognized_keys']

/** main's refusal of an import: the translated message, then each bad entry with its problems. */
export function ImportErrors({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation()
  if (!error) return null
  const params = error instanceof ApiError ? error.params : {}
  const entries = parseDetails(params.details)
  const file = typeof params.file === 'string' ? params.file : null
  const unlisted = typeof params.count === 'number' ? params.count - entries.length : 0
  return (
    <Alert role="alert" color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
      <Text size="sm">{describeError(t, error, i18n.language)}</Text>
      {file && <Text size="sm" mt="xs">{t(`scripts.import.fileProblems.${file}`, { defaultValue: file })}</Text>}
      {entries.length > 0 && (
        <List size="sm" mt="xs" aria-label={t('scripts.import.problems')}>
          {entries.map((entry) => (
            <List.Item key={entry.index}>
              {t('scripts.import.entry', { n: entry.index + 1, scriptId: entry.scriptId ?? '—' })}{' '}
              {entry.problems.map((problem) => describeImportProblem(t, problem)).join('；')}
            </List.Item>
          ))}
        </List>
      )}
      {unlisted > 0 && <Text size="sm" mt="xs">{t('scripts.import.more', { count: unlisted })}</Text>}
    </Alert>
  )
}

/** Import scripts from a JSON file or pasted text; nothing is published unless every entry is valid. */
export function ScriptsImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const [json, setJson] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    setError(null)
    setBusy(true)
    try {
      const { published } = await call('scriptsImport', { json })
      notifications.show({ color: 'teal', message: t('scripts.import.done', { count: published }) })
      onClose()
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('scripts.import.title')} size="lg">
      <Stack gap="sm">
        <FileInput
          label={t('scripts.import.file')}
          accept="application/json,.json"
          clearable
          onChange={(file) => {
            if (file) void file.text().then(setJson)
          }}
        />
        <Textarea label={t('scripts.import.paste')} autosize minRows={6} maxRows={14} value={json} onChange={(event) => setJson(event.currentTarget.value)} ff="monospace" />
        <ImportErrors error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={busy} disabled={!json.trim()}>
            {t('scripts.import.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
