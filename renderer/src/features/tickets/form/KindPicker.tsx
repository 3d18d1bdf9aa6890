import { Select, type ComboboxItem, type OptionsFilter } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ticketKinds, type TicketKind } from '../../../../../shared/domain/tickets/kinds'

// The kind comes first: it decides the fields. Typed by number (1–11, as listed) or by name in either
// language, then Enter — the first match is highlighted as the agent types.

const numberOf = (kind: TicketKind) => ticketKinds.indexOf(kind) + 1

export function KindPicker({
  value,
  onChange,
  error,
  fixed,
}: {
  value: TicketKind | null
  onChange: (kind: TicketKind) => void
  error?: React.ReactNode
  /** Editing: a ticket keeps the kind it was opened with. */
  fixed: boolean
}) {
  const { t } = useTranslation()
  const data = ticketKinds.map((kind) => ({ value: kind, label: `${numberOf(kind)} ${t(`ticketForm.kinds.${kind}`)}` }))
  const names = new Map(
    ticketKinds.map((kind) => [kind, [kind, t(`ticketForm.kinds.${kind}`, { lng: 'zh-CN' }), t(`ticketForm.kinds.${kind}`, { lng: 'en' })].join(' ').toLowerCase()]),
  )
  const filter: OptionsFilter = ({ options, search }) => {
    const query = search.trim().toLowerCase()
    if (query === '') return options
    const items = options as ComboboxItem[]
    // "1" lists 1, 10 and 11 with 1 first; a name matches either language.
    if (/^\d+$/.test(query)) return items.filter((item) => String(numberOf(item.value as TicketKind)).startsWith(query))
    return items.filter((item) => names.get(item.value as TicketKind)?.includes(query) || item.label.toLowerCase().includes(query))
  }
  return (
    <Select
      label={t('ticketForm.kind')}
      description={fixed ? t('ticketForm.kindFixed') : t('ticketForm.kindHint')}
      placeholder={t('ticketForm.kindPlaceholder')}
      withAsterisk
      data={data}
      value={value}
      onChange={(kind) => kind && onChange(kind as TicketKind)}
      error={error}
      disabled={fixed}
      searchable
      selectFirstOptionOnChange
      allowDeselect={false}
      filter={filter}
      nothingFoundMessage={t('ticketForm.kindNone')}
      maxDropdownHeight={360}
      data-path="kind"
    />
  )
}
