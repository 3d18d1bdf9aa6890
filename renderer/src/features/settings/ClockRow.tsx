import { ActionIcon, NativeSelect, NumberInput, Switch, Table, TextInput } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { memo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { clockUnits, type DeadlineClock } from '../../../../shared/domain/tickets/deadlines'
import { ticketKindLabels } from '../../../../shared/domain/tickets/kinds'
import { canRunFromIncident, clockName, conditionsFor, type Language } from './clockChoices'

/** The row's fields by their path under `clocks.<index>`. */
export const clockFieldPaths = {
  labelZh: 'label.zh-CN',
  labelEn: 'label.en',
  amount: 'amount',
  unit: 'unit',
  from: 'from',
  when: 'when',
  pause: 'pauseWhileWaitingOnCustomer',
} as const
export type ClockColumn = keyof typeof clockFieldPaths

export type ClockRowProps = {
  clock: DeadlineClock
  index: number
  language: Language
  errors: Partial<Record<ClockColumn, ReactNode>>
  setField: (path: string, value: unknown) => void
  onRemove: (index: number) => void
}

function ClockRowView({ clock, index, language, errors, setField, onRemove }: ClockRowProps) {
  const { t } = useTranslation()
  const name = clockName(clock, language)
  // Table headers do not label inputs for screen readers: each control names its kind, clock and column.
  const labelOf = (column: ClockColumn) =>
    t('deadlines.clocks.fieldOf', { kind: ticketKindLabels[clock.kind][language], clock: name, field: t(`deadlines.clocks.columns.${column}`) })
  const set = (column: ClockColumn) => (value: unknown) => setField(`clocks.${index}.${clockFieldPaths[column]}`, value)
  // Choices the kind's tickets can never meet are left out, except the one a clock already has.
  const conditions = conditionsFor(clock.kind)
  if (!conditions.includes(clock.when)) conditions.push(clock.when)
  return (
    <Table.Tr>
      <Table.Td>
        <TextInput aria-label={labelOf('labelZh')} value={clock.label['zh-CN']} error={errors.labelZh} onChange={(event) => set('labelZh')(event.currentTarget.value)} />
      </Table.Td>
      <Table.Td>
        <TextInput aria-label={labelOf('labelEn')} value={clock.label.en} error={errors.labelEn} onChange={(event) => set('labelEn')(event.currentTarget.value)} />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={labelOf('amount')}
          min={0}
          max={10_000}
          clampBehavior="none"
          allowDecimal={false}
          allowNegative={false}
          w={100}
          value={clock.amount}
          error={errors.amount}
          onChange={set('amount')}
        />
      </Table.Td>
      <Table.Td>
        <NativeSelect
          aria-label={labelOf('unit')}
          data={clockUnits.map((unit) => ({ value: unit, label: t(`deadlines.units.${unit}`) }))}
          value={clock.unit}
          error={errors.unit}
          onChange={(event) => set('unit')(event.currentTarget.value)}
        />
      </Table.Td>
      <Table.Td>
        <NativeSelect
          aria-label={labelOf('from')}
          data={(['opened', 'incident'] as const).map((from) => ({
            value: from,
            label: t(`deadlines.from.${from}`),
            // Only kinds whose tickets record the incident time can count from it.
            disabled: from === 'incident' && clock.from !== 'incident' && !canRunFromIncident(clock.kind),
          }))}
          value={clock.from}
          error={errors.from}
          onChange={(event) => set('from')(event.currentTarget.value)}
        />
      </Table.Td>
      <Table.Td>
        <NativeSelect
          aria-label={labelOf('when')}
          data={conditions.map((when) => ({ value: when, label: t(`deadlines.conditions.${when}`) }))}
          value={clock.when}
          error={errors.when}
          onChange={(event) => set('when')(event.currentTarget.value)}
        />
      </Table.Td>
      <Table.Td>
        <Switch aria-label={labelOf('pause')} checked={clock.pauseWhileWaitingOnCustomer} onChange={(event) => set('pause')(event.currentTarget.checked)} />
      </Table.Td>
      <Table.Td>
        <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('deadlines.clocks.remove', { clock: name })} onClick={() => onRemove(index)}>
          <IconTrash size={16} />
        </ActionIcon>
      </Table.Td>
    </Table.Tr>
  )
}

// The form copies all its values on every change, so a row compares what it shows rather than object
// identity: typing in one of some twenty rows re-renders that row, not the whole table.
const sameRow = (a: ClockRowProps, b: ClockRowProps) =>
  a.index === b.index &&
  a.language === b.language &&
  a.setField === b.setField &&
  a.onRemove === b.onRemove &&
  JSON.stringify(a.clock) === JSON.stringify(b.clock) &&
  JSON.stringify(a.errors) === JSON.stringify(b.errors)

/** One clock as a table row of Mantine controls. */
export const ClockRow = memo(ClockRowView, sameRow)
