import { Code, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { phraseKinds, scriptCategories, scriptInputSchema, type ScriptInput } from '../../../../shared/domain/scripts'
import { scriptVariables } from '../../../../shared/domain/scriptTemplate'
import { call } from '../../api/client'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { zodValidator } from '../../ui/zodForm'
import { scriptProblemErrors } from './scriptProblemsText'
import { FormActions } from '../../ui/FormActions'

export const blankScript: ScriptInput = {
  scriptId: '',
  category: 'scenario',
  phraseKind: null,
  title: { 'zh-CN': '', en: '' },
  body: { 'zh-CN': '', en: '' },
}

/** Create a script or publish a new version of one; placeholders are checked before saving. */
export function ScriptEditorModal({
  initial,
  editing,
  currentVersion,
  onClose,
}: {
  initial: ScriptInput
  editing: boolean
  /** The version being edited: main answers it unchanged when nothing was changed. */
  currentVersion?: number
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>(null)
  const form = useForm<ScriptInput>({
    initialValues: initial,
    validateInputOnBlur: true,
    validate: zodValidator(scriptInputSchema, t, (values) => values, (values) => scriptProblemErrors(t, values)),
  })

  const submit = form.onSubmit(async (script) => {
    setError(null)
    try {
      const published = await call('scriptSave', { script })
      const unchanged = editing && published.version === currentVersion
      notifications.show({
        color: unchanged ? 'gray' : 'teal',
        message: t(unchanged ? 'scripts.unchanged' : 'scripts.saved', { scriptId: published.scriptId, version: published.version }),
      })
      onClose()
    } catch (caught) {
      setError(caught)
    }
  })

  return (
    <Modal opened onClose={onClose} title={editing ? t('scripts.editTitle', { scriptId: initial.scriptId }) : t('scripts.createTitle')} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('scripts.fields.scriptId')} description={t('scripts.fields.scriptIdHint')} disabled={editing} data-autofocus={!editing || undefined} {...form.getInputProps('scriptId')} />
            <Select
              label={t('scripts.fields.category')}
              data={scriptCategories.map((category) => ({ value: category, label: t(`scripts.categories.${category}`) }))}
              allowDeselect={false}
              {...form.getInputProps('category')}
              onChange={(value) => {
                form.setFieldValue('category', (value ?? 'scenario') as ScriptInput['category'])
                if (value !== 'phrase') form.setFieldValue('phraseKind', null)
              }}
            />
            {form.values.category === 'phrase' && (
              <Select
                label={t('scripts.fields.phraseKind')}
                data={phraseKinds.map((kind) => ({ value: kind, label: t(`scripts.phraseKinds.${kind}`) }))}
                {...form.getInputProps('phraseKind')}
              />
            )}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('scripts.fields.titleZh')} data-autofocus={editing || undefined} {...form.getInputProps('title.zh-CN')} />
            <TextInput label={t('scripts.fields.titleEn')} {...form.getInputProps('title.en')} />
            <Textarea label={t('scripts.fields.bodyZh')} autosize minRows={3} {...form.getInputProps('body.zh-CN')} />
            <Textarea label={t('scripts.fields.bodyEn')} autosize minRows={3} {...form.getInputProps('body.en')} />
          </SimpleGrid>
          <Stack gap={4} aria-label={t('scripts.variablesTitle')} component="section">
            <Text size="sm" fw={600}>
              {t('scripts.variablesTitle')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('scripts.variablesHint')}
            </Text>
            <Group gap="xs">
              {scriptVariables.map((name) => (
                <Text key={name} size="sm">
                  <Code>{`{${name}}`}</Code> {t(`scripts.variables.${name}`)}
                </Text>
              ))}
            </Group>
          </Stack>
          <ErrorAlert error={error} />
          <FormActions submitLabel={t('scripts.publish')} submitting={form.submitting} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  )
}
