import { Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { customerSchema, type Customer } from '../../../../shared/domain/tickets/customer'
import { maskPhone } from '../../../../shared/domain/tickets/lifecycle'
import { call } from '../../api/client'
import type { CustomerRow } from '../../db/schema'
import { issuesToFormErrors, zodValidator } from '../../ui/zodForm'
import { ActionModal } from '../tickets/ActionModal'
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
  const form = useForm<Values>({
    initialValues: existing
      ? { phone: existing.phone, name: existing.name, role: existing.role, company: existing.company, address: existing.address }
      : { phone: '', name: '', role: '', company: '', address: '' },
    // The customer fields share the ticket fields' rules and codes (phone, required, tooLong, choose).
    validate: zodValidator(customerSchema, t, (values) => values, undefined, ticketIssueTranslator(t, null)),
  })
  return (
    <ActionModal
      title={existing ? t('customers.editTitle', { name: existing.name }) : t('customers.add')}
      submitLabel={t('customers.save')}
      form={form}
      action={(values) => call('customerSave', { customer: customerSchema.parse(values) })}
      savedMessage={t('customers.saved', { name: form.values.name.trim() })}
      onClose={onClose}
      fieldErrors={(error) =>
        issuesToFormErrors(t, error.issues, { translate: ticketServerIssueText(t, null), path: (path) => path.replace(/^customer\./, '') })
      }
    >
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
    </ActionModal>
  )
}
