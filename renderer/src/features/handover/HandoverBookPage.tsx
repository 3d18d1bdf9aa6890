import { Alert, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { IconPencilPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { addCalendarDays, chinaDateOf } from '../../../../shared/domain/tickets/chinaTime'
import { useAppStore } from '../../app/appStore'
import { formatDateTime } from '../../i18n/format'
import { Loading } from '../../ui/Loading'
import { useNow } from '../call/useNow'
import { useUsers } from '../tickets/useUsers'
import { BookTools } from './book/BookTools'
import { PageDetail } from './book/PageDetail'
import { stateColor } from './book/stateColor'
import { awaitingAcknowledgement, bookLines, type BookLine } from './data/bookState'
import { pageShiftLabel, patternLabel, useBook, useShiftSettings } from './data/handoverQueries'
import { DraftModal } from './draft/DraftModal'

// 交接班: the handover book. Pages by date and shift with their state; a shift whose end passed
// without a signed page, and a signed page left unacknowledged for hours, stand out in red.

const REFRESH_MS = 60_000

export default function HandoverBookPage() {
  const { t, i18n } = useTranslation()
  const me = useAppStore((state) => state.session?.user.employeeNo ?? '')
  const today = chinaDateOf(Date.now())
  const [from, setFrom] = useState(addCalendarDays(today, -6))
  const [to, setTo] = useState(today)
  const [openPageId, setOpenPageId] = useState<string | null>(null)
  const [drafting, setDrafting] = useState(false)
  const settings = useShiftSettings()
  const book = useBook(from, to)
  const now = useNow(true, REFRESH_MS)
  const { nameOf } = useUsers()
  const lines = book ? bookLines(book.pages, book.roster, settings, now, book.dayBefore) : undefined
  const awaiting = book ? awaitingAcknowledgement(book.pages, me) : []
  const openRow = book?.pages.find((row) => row.pageId === openPageId)

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('handover.title')}</Title>
        <Button leftSection={<IconPencilPlus size={16} />} onClick={() => setDrafting(true)}>
          {t('handover.draft.start')}
        </Button>
      </Group>
      {awaiting.length > 0 && (
        <Alert color="orange" title={t('handover.awaiting.title', { count: awaiting.length })}>
          <Group gap="xs">
            {awaiting.map((row) => (
              <Button key={row.pageId} size="xs" variant="light" onClick={() => setOpenPageId(row.pageId)}>
                {t('handover.awaiting.page', { date: row.date, shift: pageShiftLabel(settings, row.page, i18n.language), outgoing: nameOf(row.outgoing) })}
              </Button>
            ))}
          </Group>
        </Alert>
      )}
      <Group align="flex-end" gap="sm">
        <TextInput type="date" label={t('handover.range.from')} value={from} onChange={(event) => setFrom(event.currentTarget.value)} />
        <TextInput type="date" label={t('handover.range.to')} value={to} onChange={(event) => setTo(event.currentTarget.value)} />
        <BookTools from={from} to={to} />
      </Group>
      {!lines ? (
        <Loading />
      ) : lines.length === 0 ? (
        <Text c="dimmed">{t('handover.book.empty')}</Text>
      ) : (
        <Table striped highlightOnHover aria-label={t('handover.book.label')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('handover.book.date')}</Table.Th>
              <Table.Th>{t('handover.book.shift')}</Table.Th>
              <Table.Th>{t('handover.book.outgoing')}</Table.Th>
              <Table.Th>{t('handover.book.incoming')}</Table.Th>
              <Table.Th>{t('handover.book.state')}</Table.Th>
              <Table.Th>{t('handover.book.lastSigned')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map(bookRow)}
          </Table.Tbody>
        </Table>
      )}
      {drafting && <DraftModal me={me} onClose={() => setDrafting(false)} />}
      {openRow && <PageDetail row={openRow} me={me} onClose={() => setOpenPageId(null)} />}
    </Stack>
  )

  // A plain function rather than a component defined in here: a component would remount every row on each render.
  function bookRow(line: BookLine) {
    const shift = line.kind === 'page' ? pageShiftLabel(settings, line.row.page, i18n.language) : patternLabel(settings, line.patternId, i18n.language)
    const attention = line.attention && (
      <Badge color="red" variant="filled" ml="xs">
        {t(`handover.attention.${line.attention}`)}
      </Badge>
    )
    if (line.kind === 'missing') {
      return (
        <Table.Tr key={`missing:${line.date}:${line.patternId}`} data-line={`${line.date}:${line.patternId}`} data-attention={line.attention ?? undefined} bg={line.attention ? 'var(--mantine-color-red-light)' : undefined}>
          <Table.Td>{line.date}</Table.Td>
          <Table.Td>{shift}</Table.Td>
          <Table.Td>{line.shift.agents.map(nameOf).join('、')}</Table.Td>
          <Table.Td />
          <Table.Td>
            <Badge color="gray" variant="outline">
              {t('handover.state.none')}
            </Badge>
            {attention}
          </Table.Td>
          <Table.Td />
          <Table.Td />
        </Table.Tr>
      )
    }
    const row = line.row
    const lastSigned = row.countersignedAt ?? row.acknowledgedAt ?? row.signedAt
    return (
      <Table.Tr key={row.pageId} data-line={`${line.date}:${line.patternId}`} data-attention={line.attention ?? undefined} bg={line.attention ? 'var(--mantine-color-red-light)' : undefined}>
        <Table.Td>{row.date}</Table.Td>
        <Table.Td>{shift}</Table.Td>
        <Table.Td>{nameOf(row.outgoing)}</Table.Td>
        <Table.Td>{nameOf(row.incoming)}</Table.Td>
        <Table.Td>
          <Badge color={stateColor[row.state]}>{t(`handover.state.${row.state}`)}</Badge>
          {row.waived && (
            <Badge color="orange" variant="light" ml="xs">
              {t('handover.state.waived')}
            </Badge>
          )}
          {attention}
        </Table.Td>
        <Table.Td>{lastSigned ? formatDateTime(lastSigned, i18n.language) : ''}</Table.Td>
        <Table.Td>
          <Button size="xs" variant="subtle" onClick={() => setOpenPageId(row.pageId)} aria-label={t('handover.book.openPage', { date: row.date, shift })}>
            {t('handover.book.open')}
          </Button>
        </Table.Td>
      </Table.Tr>
    )
  }
}
