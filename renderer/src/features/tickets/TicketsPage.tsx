import { Badge, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core'
import { useDebouncedValue, useHotkeys } from '@mantine/hooks'
import { IconPlus } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../app/appStore'
import { db } from '../../db/schema'
import { useNow } from '../call/useNow'
import { DUE_SOON_MS, dueTickets, findTickets, pendingTransfersFor, SEARCH_SCAN_CAP, type TicketSearchCriteria } from './data/ticketQueries'
import { TicketDetailDrawer } from './detail/TicketDetailDrawer'
import { AllOverdueList, MyDueLists } from './DueLists'
import { TicketFormModal } from './form/TicketFormModal'
import { dateRangeBackwards, TicketSearchForm } from './TicketSearchForm'
import { focusFirstTicketRow, TicketTable } from './TicketTable'
import { openTicket, useTicketsScreen, type TicketSearchValues, type TicketsTab } from './ticketsStore'
import { TransfersInbox } from './transfers/TransfersInbox'
import { useUsers } from './useUsers'

const SEARCH_LIMIT = 100
const DUE_LIMIT = 200
// The due lists are read again on this beat: a ticket crosses into "due soon" or "overdue" by the
// clock alone, with no entry to wake the live query.
const DUE_REFRESH_MS = 15_000
// Typing a phone number should not search on every digit.
const SEARCH_DEBOUNCE_MS = 200

function criteriaOf(values: TicketSearchValues): TicketSearchCriteria {
  return {
    ...(values.text.trim() ? { text: values.text } : {}),
    ...(values.kind ? { kind: values.kind } : {}),
    ...(values.status ? { status: values.status } : {}),
    ...(values.owner ? { owner: values.owner } : {}),
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
  }
}

function CountBadge({ count, color }: { count: number | undefined; color: string }) {
  if (!count) return null
  return (
    <Badge size="sm" circle={count < 10} color={color} variant="filled">
      {count}
    </Badge>
  )
}

/** 工单: find any ticket, see what is due and overdue, answer transfers offered to me. */
export default function TicketsPage() {
  const { t } = useTranslation()
  const me = useAppStore((state) => state.session?.user.employeeNo) ?? ''
  const tab = useTicketsScreen((state) => state.tab)
  const search = useTicketsScreen((state) => state.search)
  const [debouncedSearch] = useDebouncedValue(search, SEARCH_DEBOUNCE_MS)
  const now = useNow(true, DUE_REFRESH_MS)
  const { users, nameOf } = useUsers()
  const [creating, setCreating] = useState(false)
  const searchRef = useRef<HTMLInputElement>(null)
  const resultsRef = useRef<HTMLDivElement>(null)

  const found = useLiveQuery(
    () => (dateRangeBackwards(debouncedSearch) ? { tickets: [], truncated: false } : findTickets(db, criteriaOf(debouncedSearch), SEARCH_LIMIT)),
    [debouncedSearch],
  )
  const results = found?.tickets
  const nowIso = new Date(now).toISOString()
  const mine = useLiveQuery(() => dueTickets(db, { now: nowIso, dueSoonMs: DUE_SOON_MS, owner: me, limit: DUE_LIMIT }), [nowIso, me])
  const all = useLiveQuery(() => dueTickets(db, { now: nowIso, dueSoonMs: DUE_SOON_MS, limit: DUE_LIMIT }), [nowIso])
  const transfers = useLiveQuery(() => pendingTransfersFor(db, me), [me])

  const focusSearch = () => {
    useTicketsScreen.setState({ tab: 'search' })
    // The search tab may only now be mounting.
    window.requestAnimationFrame(() => searchRef.current?.focus())
  }
  // "/" like a browser's quick find (not while typing); Ctrl+F also from inside a field.
  useHotkeys([['/', focusSearch]])
  useHotkeys([['mod+F', focusSearch]], [])

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      if (focusFirstTicketRow(resultsRef.current)) event.preventDefault()
    } else if (event.key === 'Enter') {
      event.preventDefault()
      // A lookup that names one ticket (a ticket or waybill number) opens it; otherwise on to the list.
      const only = results?.length === 1 ? results[0] : undefined
      if (only) openTicket(only.ticketId)
      else focusFirstTicketRow(resultsRef.current)
    }
  }

  const table = { now, dueSoonMs: DUE_SOON_MS, nameOf, onOpen: openTicket }
  const mineCount = mine ? mine.overdue.length + mine.dueSoon.length : undefined

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('tickets.title')}
        </Title>
        <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
          {t('tickets.create')}
        </Button>
      </Group>
      <Tabs value={tab} onChange={(value) => useTicketsScreen.setState({ tab: (value ?? 'search') as TicketsTab })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="search">{t('tickets.tabs.search')}</Tabs.Tab>
          <Tabs.Tab value="mine" rightSection={<CountBadge count={mineCount} color={mine?.overdue.length ? 'red' : 'orange'} />}>
            {t('tickets.tabs.mine')}
          </Tabs.Tab>
          <Tabs.Tab value="overdue" rightSection={<CountBadge count={all?.overdue.length} color="red" />}>
            {t('tickets.tabs.overdue')}
          </Tabs.Tab>
          <Tabs.Tab value="transfers" rightSection={<CountBadge count={transfers?.length} color="blue" />}>
            {t('tickets.tabs.transfers')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="search" pt="sm">
          <Stack gap="sm">
            <TicketSearchForm
              values={search}
              onChange={(values) => useTicketsScreen.setState({ search: values })}
              users={users ?? []}
              inputRef={searchRef}
              onSearchKeyDown={onSearchKeyDown}
            />
            <div ref={resultsRef}>
              {results && (
                <Stack gap={4}>
                  <Text size="xs" c="dimmed" aria-live="polite">
                    {results.length >= SEARCH_LIMIT ? t('tickets.search.limited', { count: SEARCH_LIMIT }) : t('tickets.search.count', { count: results.length })}
                  </Text>
                  {/* The search stopped reading before finding a page of matches: older tickets may match too. */}
                  {found?.truncated && (
                    <Text size="sm" c="orange.8" role="status">
                      {t('tickets.search.truncated', { scanned: SEARCH_SCAN_CAP })}
                    </Text>
                  )}
                  <TicketTable rows={results} label={t('tickets.search.results')} emptyText={t('tickets.search.none')} {...table} />
                </Stack>
              )}
            </div>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="mine" pt="sm">
          <MyDueLists due={mine} {...table} />
        </Tabs.Panel>
        <Tabs.Panel value="overdue" pt="sm">
          <AllOverdueList rows={all?.overdue} {...table} />
        </Tabs.Panel>
        <Tabs.Panel value="transfers" pt="sm">
          {me && <TransfersInbox me={me} />}
        </Tabs.Panel>
      </Tabs>
      <TicketDetailDrawer />
      <TicketFormModal opened={creating} onClose={() => setCreating(false)} onSaved={(summary) => openTicket(summary.ticketId)} />
    </Stack>
  )
}
