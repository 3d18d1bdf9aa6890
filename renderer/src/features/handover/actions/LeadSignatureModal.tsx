import { Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { contract } from '../../../../../shared/ipc/contract'
import { call } from '../../../api/client'
import type { HandoverPageRow } from '../../../db/schema'
import { PinInput } from '../../../ui/PinInput'
import { zodValidator } from '../../../ui/zodForm'
import { ActionModal } from '../../tickets/ActionModal'

// The signatures given at the seat by someone other than the signed-in agent: the lead's countersign
// and waiver, and a correction by the lead or the outgoing agent. Each types their own employee no.
// and PIN; main checks who may sign and attests the entry with that person's key.

export type LeadAction = 'countersign' | 'waive' | 'correct'

type Values = { employeeNo: string; pin: string; text: string }

function send(action: LeadAction, pageId: string, values: Values) {
  const who = { pageId, employeeNo: values.employeeNo.trim(), pin: values.pin }
  switch (action) {
    case 'countersign':
      return { channel: 'handoverCountersign' as const, request: who }
    case 'waive':
      return { channel: 'handoverWaive' as const, request: { ...who, reason: values.text.trim() } }
    case 'correct':
      return { channel: 'handoverCorrect' as const, request: { ...who, text: values.text.trim() } }
  }
}

const schemas = {
  countersign: contract.handoverCountersign.request,
  waive: contract.handoverWaive.request,
  correct: contract.handoverCorrect.request,
}

export function LeadSignatureModal({ action, row, subject, onClose }: { action: LeadAction; row: HandoverPageRow; subject: string; onClose: () => void }) {
  const { t } = useTranslation()
  const toRequest = (values: Values) => send(action, row.pageId, values).request
  const form = useForm<Values>({
    initialValues: { employeeNo: action === 'correct' ? '' : row.lead, pin: '', text: '' },
    validate: zodValidator(schemas[action], t, toRequest),
  })
  return (
    <ActionModal
      title={t(`handover.${action}.title`)}
      subject={subject}
      submitLabel={t(`handover.${action}.submit`)}
      form={form}
      action={async (values) => {
        const { channel, request } = send(action, row.pageId, values)
        await call(channel, request as never)
      }}
      savedMessage={t(`handover.${action}.done`)}
      onClose={onClose}
      onRefused={() => form.setFieldValue('pin', '')}
    >
      <Text size="sm">{t(`handover.${action}.intro`)}</Text>
      <TextInput label={t('handover.signature.employeeNo')} autoComplete="off" withAsterisk data-autofocus {...form.getInputProps('employeeNo')} />
      <PinInput label={t('handover.signature.pin')} autoComplete="off" withAsterisk {...form.getInputProps('pin')} />
      {action !== 'countersign' && (
        <Textarea
          label={t(`handover.${action}.textLabel`)}
          withAsterisk
          autosize
          minRows={2}
          {...form.getInputProps('text')}
          // The waiver's request calls it `reason`: its issues land there.
          error={form.errors.reason ?? form.errors.text}
        />
      )}
    </ActionModal>
  )
}
