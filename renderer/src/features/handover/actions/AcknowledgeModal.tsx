import { Checkbox, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { contract } from '../../../../../shared/ipc/contract'
import { call } from '../../../api/client'
import type { HandoverPageRow } from '../../../db/schema'
import { PinInput } from '../../../ui/PinInput'
import { zodValidator } from '../../../ui/zodForm'
import { ActionModal } from '../../tickets/ActionModal'
import { PageView } from '../book/PageView'

// The incoming agent reads the page and accepts it with their own PIN. An item they will not carry on
// is refused with a reason, per item: it stays with the outgoing agent (a refused ticket does not move).

type Values = { refusing: Record<string, boolean>; reasons: Record<string, string>; remarks: string; pin: string }

export function toAcknowledgeRequest(pageId: string, values: Values) {
  const refused = Object.keys(values.refusing)
    .filter((item) => values.refusing[item])
    .map((item) => ({ item, reason: (values.reasons[item] ?? '').trim() }))
  return { pageId, refused, remarks: values.remarks.trim(), pin: values.pin }
}

export function AcknowledgeModal({ row, subject, onClose }: { row: HandoverPageRow; subject: string; onClose: () => void }) {
  const { t } = useTranslation()
  const form = useForm<Values>({
    initialValues: { refusing: {}, reasons: {}, remarks: '', pin: '' },
    validate: zodValidator(contract.handoverAcknowledge.request, t, (values) => toAcknowledgeRequest(row.pageId, values), (values) => {
      // Each refusal needs its reason, shown beside its item.
      const errors: Record<string, string> = {}
      for (const [item, refusing] of Object.entries(values.refusing)) {
        if (refusing && (values.reasons[item] ?? '').trim() === '') errors[`reasons.${item}`] = t('validation.required')
      }
      return errors
    }),
  })
  const refusedCount = Object.values(form.values.refusing).filter(Boolean).length
  return (
    <ActionModal
      title={t('handover.acknowledge.title')}
      subject={subject}
      submitLabel={t('handover.acknowledge.submit')}
      form={form}
      action={(values) => call('handoverAcknowledge', toAcknowledgeRequest(row.pageId, values))}
      savedMessage={t('handover.acknowledge.done', { count: refusedCount })}
      onClose={onClose}
      pinOnly
      onRefused={() => form.setFieldValue('pin', '')}
    >
      <Text size="sm">{t('handover.acknowledge.intro')}</Text>
      <PageView
        page={row.page}
        itemExtra={(ref, text) => (
          <Stack gap={4} mt={4} mb="xs">
            <Checkbox
              label={t('handover.acknowledge.refuse')}
              aria-label={t('handover.acknowledge.refuseItem', { item: text })}
              checked={form.values.refusing[ref] ?? false}
              onChange={(event) => {
                const refusing = event.currentTarget.checked
                form.setFieldValue(`refusing.${ref}`, refusing)
                // The reason field appears with a value, so it is controlled from its first render.
                if (refusing && form.values.reasons[ref] === undefined) form.setFieldValue(`reasons.${ref}`, '')
              }}
            />
            {form.values.refusing[ref] && (
              <TextInput
                label={t('handover.acknowledge.reason')}
                aria-label={t('handover.acknowledge.reasonFor', { item: text })}
                withAsterisk
                {...form.getInputProps(`reasons.${ref}`)}
              />
            )}
          </Stack>
        )}
      />
      <Textarea label={t('handover.acknowledge.remarks')} autosize minRows={2} {...form.getInputProps('remarks')} />
      <PinInput label={t('handover.acknowledge.pin')} autoComplete="off" withAsterisk data-autofocus {...form.getInputProps('pin')} />
    </ActionModal>
  )
}
