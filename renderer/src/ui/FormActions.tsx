import { Button, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** The footer of every form modal: Cancel on the left of the submit button, which shows while saving. */
export function FormActions({ submitLabel, submitting, onCancel }: { submitLabel: string; submitting: boolean; onCancel: () => void }) {
  const { t } = useTranslation()
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={submitting}>
        {submitLabel}
      </Button>
    </Group>
  )
}
