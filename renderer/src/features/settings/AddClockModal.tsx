import { Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { deadlineClockSchema, type DeadlineClock } from '../../../../shared/domain/tickets/deadlines'
import { ticketKindLabels, ticketKinds } from '../../../../shared/domain/tickets/kinds'
import { FormActions } from '../../ui/FormActions'
import { deadlineFormValidator } from './deadlineIssues'

type NewClock = Pick<DeadlineClock, 'kind' | 'label'>

// The kind and the two names are what a new clock's id is made from; the rest is edited in its row.
const newClockSchema = z.strictObject({ kind: deadlineClockSchema.shape.kind, label: deadlineClockSchema.shape.label })

const blank = (): NewClock => ({ kind: 'complaint', label: { 'zh-CN': '', en: '' } })

export function AddClockModal({ opened, onAdd, onCancel }: { opened: boolean; onAdd: (clock: NewClock) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'zh-CN'
  const form = useForm<NewClock>({ initialValues: blank(), validate: deadlineFormValidator(newClockSchema, t) })
  const close = () => {
    form.reset()
    onCancel()
  }
  const submit = form.onSubmit((values) => {
    onAdd({ kind: values.kind, label: { 'zh-CN': values.label['zh-CN'].trim(), en: values.label.en.trim() } })
    form.reset()
  })
  return (
    <Modal opened={opened} onClose={close} title={t('deadlines.clocks.add')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NativeSelect
            label={t('deadlines.clocks.kind')}
            data={ticketKinds.map((kind) => ({ value: kind, label: ticketKindLabels[kind][language] }))}
            data-autofocus
            {...form.getInputProps('kind')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('deadlines.clocks.columns.labelZh')} withAsterisk {...form.getInputProps('label.zh-CN')} />
            <TextInput label={t('deadlines.clocks.columns.labelEn')} withAsterisk {...form.getInputProps('label.en')} />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {t('deadlines.clocks.addHint')}
          </Text>
          <FormActions submitLabel={t('deadlines.clocks.addConfirm')} submitting={false} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  )
}
