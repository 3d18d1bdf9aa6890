import { ActionIcon, NativeSelect, Table, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { ShiftSettings } from '../../../../../shared/domain/handover/shifts'

export const patternParts = ['morning', 'evening', 'other'] as const

export interface PatternRowProps {
  form: UseFormReturnType<ShiftSettings>
  index: number
  /** The last pattern cannot go: a seat needs at least one shift. */
  removable: boolean
  onRemove: (index: number) => void
}

/**
 * One shift pattern: its names, its hours and which end of the day it is (for the duty rule). Hours
 * are typed as 24-hour text: a browser's time field follows the system locale (AM/PM on an English
 * system), and the schema's hh:mm check then speaks for itself.
 */
export function PatternRow({ form, index, removable, onRemove }: PatternRowProps) {
  const { t } = useTranslation()
  const path = `patterns.${index}`
  // Each field says which row it is in: a screen reader hears "Shift 2: starts", not just "starts".
  const label = (field: string) => t('shifts.patterns.fieldOf', { n: index + 1, field: t(`shifts.patterns.columns.${field}`) })
  return (
    <Table.Tr>
      <Table.Td>
        <TextInput aria-label={label('labelZh')} {...form.getInputProps(`${path}.label.zh-CN`)} />
      </Table.Td>
      <Table.Td>
        <TextInput aria-label={label('labelEn')} {...form.getInputProps(`${path}.label.en`)} />
      </Table.Td>
      <Table.Td>
        <TextInput aria-label={label('start')} placeholder="08:30" maxLength={5} w={90} {...form.getInputProps(`${path}.start`)} />
      </Table.Td>
      <Table.Td>
        <TextInput aria-label={label('end')} placeholder="17:30" maxLength={5} w={90} {...form.getInputProps(`${path}.end`)} />
      </Table.Td>
      <Table.Td>
        <NativeSelect
          aria-label={label('part')}
          data={patternParts.map((part) => ({ value: part, label: t(`shifts.patterns.parts.${part}`) }))}
          {...form.getInputProps(`${path}.part`)}
        />
      </Table.Td>
      <Table.Td>
        <ActionIcon
          variant="subtle"
          color="red"
          disabled={!removable}
          onClick={() => onRemove(index)}
          aria-label={t('shifts.patterns.remove', { n: index + 1 })}
        >
          <IconTrash size={16} />
        </ActionIcon>
      </Table.Td>
    </Table.Tr>
  )
}
