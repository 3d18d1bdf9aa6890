import { Button, Grid, Select, TextInput } from '@mantine/core'
import { IconSearch, IconX } from '@tabler/icons-react'
import type { KeyboardEvent, Ref } from 'react'
import { useTranslation } from 'react-i18next'
import { ticketKinds } from '../../../../shared/domain/tickets/kinds'
import { ticketStatuses } from '../../../../shared/domain/tickets/lifecycle'
import type { UserRow } from '../../db/schema'
import { kindLabel } from './ticketLabels'
import { emptySearch, type TicketSearchValues } from './ticketsStore'

export interface TicketSearchFormProps {
  values: TicketSearchValues
  onChange: (values: TicketSearchValues) => void
  users: readonly UserRow[]
  inputRef: Ref<HTMLInputElement>
  /** Down arrow or Enter in the search box: on to the results. */
  onSearchKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void
}

/** The date range is wrong way round: said on the "to" field, and the search waits for a fix. */
export function dateRangeBackwards(values: Pick<TicketSearchValues, 'from' | 'to'>): boolean {
  return values.from !== '' && values.to !== '' && values.from > values.to
}

/** One box for ticket no., waybill, phone (full or last 4) and name; filters for kind, status, owner, dates. */
export function TicketSearchForm({ values, onChange, users, inputRef, onSearchKeyDown }: TicketSearchFormProps) {
  const { t, i18n } = useTranslation()
  const set = <K extends keyof TicketSearchValues>(key: K, value: TicketSearchValues[K]) => onChange({ ...values, [key]: value })
  const filtered = JSON.stringify(values) !== JSON.stringify(emptySearch)
  return (
    <Grid gap="xs" align="flex-end">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <TextInput
          ref={inputRef}
          type="search"
          label={t('tickets.search.label')}
          placeholder={t('tickets.search.placeholder')}
          description={t('tickets.search.hint')}
          leftSection={<IconSearch size={16} />}
          value={values.text}
          onChange={(event) => set('text', event.currentTarget.value)}
          onKeyDown={onSearchKeyDown}
          aria-keyshortcuts="/ Control+F"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 2 }}>
        <Select
          label={t('tickets.search.kind')}
          placeholder={t('tickets.search.any')}
          clearable
          data={ticketKinds.map((kind) => ({ value: kind, label: kindLabel(kind, i18n.language) }))}
          value={values.kind || null}
          onChange={(value) => set('kind', (value ?? '') as TicketSearchValues['kind'])}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 2 }}>
        <Select
          label={t('tickets.search.status')}
          placeholder={t('tickets.search.any')}
          clearable
          data={ticketStatuses.map((status) => ({ value: status, label: t(`tickets.status.${status}`) }))}
          value={values.status || null}
          onChange={(value) => set('status', (value ?? '') as TicketSearchValues['status'])}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Select
          label={t('tickets.search.owner')}
          placeholder={t('tickets.search.any')}
          clearable
          searchable
          nothingFoundMessage={t('tickets.search.noOwner')}
          data={users.map((user) => ({ value: user.employeeNo, label: t('shell.user', { name: user.name, employeeNo: user.employeeNo }) }))}
          value={values.owner || null}
          onChange={(value) => set('owner', value ?? '')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 3 }}>
        <TextInput type="date" label={t('tickets.search.from')} value={values.from} onChange={(event) => set('from', event.currentTarget.value)} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 3 }}>
        <TextInput
          type="date"
          label={t('tickets.search.to')}
          value={values.to}
          error={dateRangeBackwards(values) ? t('tickets.search.toBeforeFrom') : undefined}
          onChange={(event) => set('to', event.currentTarget.value)}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 2 }}>
        <Button variant="default" leftSection={<IconX size={16} />} disabled={!filtered} onClick={() => onChange(emptySearch)}>
          {t('tickets.search.clear')}
        </Button>
      </Grid.Col>
    </Grid>
  )
}
