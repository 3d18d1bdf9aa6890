import { Group, Modal, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { customerSchema, type Customer } from '../../../../shared/domain/tickets/customer'
import { maskPhone } from '../../../../shared/domain/tickets/lifecycle'
import { ApiError, call } from '../../api/client'
import type { CustomerRow } from '../../db/schema'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { FormActions } from '../../ui/FormActions'
import { issuesToFormErrors, zodValidator } from '../../ui/zodForm'
import { ticketIssueTranslator, ticketServerIssueText } from '../tickets/form/ticketFormErrors'

type Values = { phone: string; name: string; role: Customer['role'] | ''; company: string; address: string }

const partyRoles = ['shipper', 'consignee', 'other'] as const

/**
 * Adds a customer, or edits one. The archive is keyed by phone, so an existing customer's phone is
 * not editable (a new number is a new entry) and stays masked here too: the full number is shown only
 * through a journaled reveal.
 */
export function CustomerEditModal({ existing, onClose }: { existing: CustomerRow | null; onClose: () => void }) {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>(null)
  const form = useForm<Values>({
    initialValues: existing
      ? { phone: existing.phone, name: existing.name, role: existing.role, company: existing.company, address: existing.address }
      : { phone: '', name: '', role: '', company: '', address: '' },
    // The customer fields share the ticket fields' rules and codes (phone, required, tooLong, choose).
    validate: zodValidator(customerSchema, t, (values) => values, undefined, ticketIssueTranslator(t, null)),
  })
  const close = () => {
    setError(null)
    onClose()
  }
  const submit = form.onSubmit(async (values) => {
    setError(null)
    try {
      const saved = await call('customerSave', { customer: customerSchema.parse(values) })
      notifications.show({ color: 'teal', message: t('customers.saved', { name: saved.name }) })
      close()
    } catch (caught) {
      if (caught instanceof ApiError) {
        form.setErrors(issuesToFormErrors(t, caught.issues, { translate: ticketServerIssueText(t, null), path: (path) => path.replace(/^customer\./, '') }))
      }
      setError(caught)
    }
  })
  return (
    <Modal opened onClose={close} title={existing ? t('customers.editTitle', { name: existing.name }) : t('customers.add')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {existing ? (
            <Stack gap={2}>
              <Text size="sm" fw={500}>
                {t('customers.fields.phone')}
              </Text>
              <Text size="sm" ff="monospace">
                {maskPhone(existing.phone)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('customers.phoneKeyHint')}
              </Text>
            </Stack>
          ) : (
            <TextInput
              label={t('customers.fields.phone')}
              description={t('customers.phoneHint')}
              withAsterisk
              data-autofocus
              inputMode="tel"
              {...form.getInputProps('phone')}
            />
          )}
          <TextInput label={t('customers.fields.name')} withAsterisk data-autofocus={existing ? true : undefined} {...form.getInputProps('name')} />
          <Radio.Group label={t('customers.fields.role')} withAsterisk {...form.getInputProps('role')}>
            <Group gap="md" mt={4}>
              {partyRoles.map((role) => (
                <Radio key={role} value={role} label={t(`ticketForm.choices.partyRole.${role}`)} />
              ))}
            </Group>
          </Radio.Group>
          <TextInput label={t('customers.fields.company')} {...form.getInputProps('company')} />
          <Textarea label={t('customers.fields.address')} autosize minRows={2} {...form.getInputProps('address')} />
          <ErrorAlert error={error} />
          <FormActions submitLabel={t('customers.save')} submitting={form.submitting} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  )
}
