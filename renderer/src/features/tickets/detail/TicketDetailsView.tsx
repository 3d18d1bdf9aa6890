import { Group, SimpleGrid, Stack, Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { TicketDetails } from '../../../../../shared/domain/tickets/kinds'
import type { DataChangeItem } from '../../../../../shared/domain/tickets/kinds/dataChange'
import { formatFen } from '../../../../../shared/domain/tickets/money'
import { formatDateTime } from '../../../i18n/format'
import { MaskedPhone } from '../../customers/MaskedPhone'
import { fieldsOf, type FieldSpec } from '../form/ticketFieldSpecs'
import { fieldLabel } from '../form/ticketFormErrors'

// A ticket's details, read-only: every field of its kind, in the form's order and under the form's
// labels (the form's field specs say what each value is). Empty "later" fields (null) say "not yet
// known" rather than disappearing, so the owner sees what resolving still needs. Phones stay masked
// until revealed, each reveal journaled.

type Contact = { name: string; phone: string; address?: string }

function ContactView({ contact, ticketId }: { contact: Contact; ticketId: string }) {
  return (
    <Stack gap={0}>
      <Group gap={6} wrap="nowrap">
        <Text size="sm">{contact.name}</Text>
        <MaskedPhone phone={contact.phone} context="ticket" ticketId={ticketId} />
      </Group>
      {contact.address && <Text size="sm">{contact.address}</Text>}
    </Stack>
  )
}

const yuan = (t: TFunction, fen: number) => t('tickets.details.yuan', { amount: formatFen(fen) })

function ChangeValue({ change, side, ticketId }: { change: DataChangeItem; side: 'oldValue' | 'newValue'; ticketId: string }) {
  const { t } = useTranslation()
  switch (change.field) {
    case 'codAmount':
    case 'freight':
    case 'deliverySurcharge':
      return <Text size="sm">{yuan(t, change[side])}</Text>
    case 'phoneHold':
      return <Text size="sm">{change[side] ? t('ticketForm.changes.phoneHold.on') : t('ticketForm.changes.phoneHold.off')}</Text>
    case 'address':
      return <Text size="sm">{change[side]}</Text>
    case 'contact':
      return <ContactView contact={change[side]} ticketId={ticketId} />
  }
}

function DataChanges({ changes, ticketId }: { changes: readonly DataChangeItem[]; ticketId: string }) {
  const { t } = useTranslation()
  return (
    <Stack gap={4}>
      {changes.map((change) => (
        <Group key={change.field} gap={6} align="flex-start" wrap="nowrap" data-change={change.field}>
          <Text size="sm" fw={600}>
            {t(`ticketForm.choices.changedField.${change.field}`)}
          </Text>
          <ChangeValue change={change} side="oldValue" ticketId={ticketId} />
          <Text size="sm" aria-label={t('tickets.details.changedTo')}>
            →
          </Text>
          <ChangeValue change={change} side="newValue" ticketId={ticketId} />
        </Group>
      ))}
    </Stack>
  )
}

function NotYetKnown() {
  const { t } = useTranslation()
  return (
    <Text size="sm" c="dimmed" fs="italic">
      {t('tickets.details.notYetKnown')}
    </Text>
  )
}

function FieldValue({ spec, value, ticketId }: { spec: FieldSpec; value: unknown; ticketId: string }) {
  const { t, i18n } = useTranslation()
  if (value === null || value === undefined) return <NotYetKnown />
  if (value === '' || (Array.isArray(value) && value.length === 0)) return <Text size="sm" c="dimmed">—</Text>
  switch (spec.type) {
    case 'phone':
      return <MaskedPhone phone={String(value)} context="ticket" ticketId={ticketId} />
    case 'contact':
      return <ContactView contact={value as Contact} ticketId={ticketId} />
    case 'money':
      return <Text size="sm">{yuan(t, Number(value))}</Text>
    case 'yesNo':
    case 'yesNoLater':
      return <Text size="sm">{value ? t('common.yes') : t('common.no')}</Text>
    case 'choice':
      return <Text size="sm">{t(`ticketForm.choices.${spec.set}.${String(value)}`)}</Text>
    case 'multiChoice':
      return <Text size="sm">{(value as string[]).map((item) => t(`ticketForm.choices.${spec.set}.${item}`)).join('、')}</Text>
    case 'chinaTime':
      return <Text size="sm">{formatDateTime(String(value), i18n.language)}</Text>
    case 'changes':
      return <DataChanges changes={value as DataChangeItem[]} ticketId={ticketId} />
    case 'waybill':
      return (
        <Text size="sm" ff="monospace">
          {String(value)}
        </Text>
      )
    default:
      return (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {String(value)}
        </Text>
      )
  }
}

/** The details of one ticket, each field under its label. */
export function TicketDetailsView({ details, ticketId }: { details: TicketDetails; ticketId: string }) {
  const { t } = useTranslation()
  const values = details as unknown as Record<string, unknown>
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
      {fieldsOf(details.kind).map((spec) => (
        <Stack key={spec.name} gap={2} data-field={spec.name}>
          <Text size="xs" c="dimmed">
            {fieldLabel(t, details.kind, spec.name)}
          </Text>
          <FieldValue spec={spec} value={values[spec.name]} ticketId={ticketId} />
        </Stack>
      ))}
    </SimpleGrid>
  )
}
