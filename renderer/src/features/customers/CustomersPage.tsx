import { Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue, useHotkeys } from '@mantine/hooks'
import { IconPencil, IconSearch, IconUserPlus } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { db, type CustomerRow } from '../../db/schema'
import { searchCustomers } from '../tickets/data/ticketQueries'
import { TicketDetailDrawer } from '../tickets/detail/TicketDetailDrawer'
import { CustomerEditModal } from './CustomerEditModal'
import { CustomerTickets } from './CustomerTickets'
import { MaskedPhone } from './MaskedPhone'

const LIST_LIMIT = 50
const SEARCH_DEBOUNCE_MS = 200

/**
 * 客户档案: customers linked by phone (001 r1, r3). Phones are masked until revealed, each reveal
 * journaled; picking a customer lists their tickets.
 */
export default function CustomersPage() {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [query] = useDebouncedValue(text, SEARCH_DEBOUNCE_MS)
  const [editing, setEditing] = useState<{ existing: CustomerRow | null } | null>(null)
  const [selectedPhone, setSelectedPhone] = useState<string | null>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  // Nothing typed: the archive from the start of the name index, so the screen is never empty.
  const customers = useLiveQuery(
    () => (query.trim() === '' ? db.customers.orderBy('name').limit(LIST_LIMIT).toArray() : searchCustomers(db, query, LIST_LIMIT)),
    [query],
  )
  const selected = useLiveQuery(async () => (selectedPhone ? ((await db.customers.get(selectedPhone)) ?? null) : null), [selectedPhone])
  const focusSearch = () => searchRef.current?.focus()
  useHotkeys([['/', focusSearch]])
  useHotkeys([['mod+F', focusSearch]], [])

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('customers.title')}
        </Title>
        <Button leftSection={<IconUserPlus size={18} />} onClick={() => setEditing({ existing: null })}>
          {t('customers.add')}
        </Button>
      </Group>
      <TextInput
        ref={searchRef}
        type="search"
        label={t('customers.search.label')}
        placeholder={t('customers.search.placeholder')}
        leftSection={<IconSearch size={16} />}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        aria-keyshortcuts="/ Control+F"
        maw={480}
      />
      {customers && customers.length === 0 ? (
        <Text c="dimmed" size="sm">
          {query.trim() === '' ? t('customers.empty') : t('customers.search.none')}
        </Text>
      ) : (
        <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('customers.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('customers.fields.name')}</Table.Th>
              <Table.Th>{t('customers.fields.phone')}</Table.Th>
              <Table.Th>{t('customers.fields.role')}</Table.Th>
              <Table.Th>{t('customers.fields.company')}</Table.Th>
              <Table.Th>{t('customers.fields.address')}</Table.Th>
              <Table.Th>{t('customers.columns.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {customers?.map((customer) => (
              <Table.Tr key={customer.phone} data-customer={customer.phoneLast4 ?? ''} aria-selected={customer.phone === selectedPhone}>
                <Table.Td>{customer.name}</Table.Td>
                <Table.Td>
                  <MaskedPhone phone={customer.phone} context="customer" />
                </Table.Td>
                <Table.Td>{t(`ticketForm.choices.partyRole.${customer.role}`)}</Table.Td>
                <Table.Td>{customer.company || '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {customer.address || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" role="group" aria-label={t('customers.actionsFor', { name: customer.name })}>
                    <Button size="compact-sm" variant={customer.phone === selectedPhone ? 'filled' : 'default'} onClick={() => setSelectedPhone(customer.phone)}>
                      {t('customers.showTickets')}
                    </Button>
                    <Button size="compact-sm" variant="default" leftSection={<IconPencil size={14} />} onClick={() => setEditing({ existing: customer })}>
                      {t('customers.edit')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {selected && <CustomerTickets customer={selected} />}
      {editing && <CustomerEditModal existing={editing.existing} onClose={() => setEditing(null)} />}
      <TicketDetailDrawer />
    </Stack>
  )
}
