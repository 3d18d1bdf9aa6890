import { TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import type { TicketDraft } from './ticketDraft'

/**
 * A contact's name and phone (and address where asked), by the contact's path in the draft: a
 * ticket's shipper or consignee, or one side of a data change. Each label names whose it is
 * ("发货人电话"), so an error summary and a screen reader say which contact is meant. The caller lays
 * them out (a grid, a column).
 */
export function ContactFields({ path, who, withAddress = false, form }: { path: string; who: string; withAddress?: boolean; form: UseFormReturnType<TicketDraft> }) {
  const { t } = useTranslation()
  return (
    <>
      <TextInput label={t('ticketForm.contact.name', { who })} withAsterisk maxLength={40} autoComplete="off" {...form.getInputProps(`${path}.name`)} />
      <TextInput label={t('ticketForm.contact.phone', { who })} withAsterisk inputMode="tel" maxLength={32} autoComplete="off" {...form.getInputProps(`${path}.phone`)} />
      {withAddress && (
        <TextInput label={t('ticketForm.contact.address', { who })} withAsterisk maxLength={200} autoComplete="off" {...form.getInputProps(`${path}.address`)} />
      )}
    </>
  )
}
