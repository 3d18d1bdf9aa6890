import { ActionIcon, Button, Fieldset, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { ContactFields } from './ContactFields'
import { changedFields, changedFieldValue, type ChangedFieldName } from './ticketFieldSpecs'
import { blankChange, nextUnusedChangedField, type ChangeDraft } from './ticketDraft'
import { MoneyInput, SegmentedField, type TicketFormApi } from './TicketFields'

// 数据变更 (000 r7): each change names what changed — COD, freight, delivery surcharge, phone hold,
// address, contact — with its old and new value, as the branch needs it for the change record.

export function DataChangeList({ form }: { form: TicketFormApi }) {
  const { t } = useTranslation()
  const changes = form.getValues().changes as ChangeDraft[]
  const nextField = nextUnusedChangedField(changes)
  const listError = form.errors.changes
  // The remove button goes with its row: the focus moves to "add", still inside the form (Ctrl+Enter).
  const addButton = useRef<HTMLButtonElement>(null)
  const remove = (index: number) => {
    form.removeListItem('changes', index)
    addButton.current?.focus()
  }
  return (
    <Fieldset legend={t('ticketForm.fields.changes')} data-path="changes">
      <Stack gap="sm">
        {changes.map((change, index) => (
          <ChangeRow
            key={change.key}
            form={form}
            change={change}
            index={index}
            taken={changes.filter((other) => other !== change).map((other) => other.field)}
            onRemove={() => remove(index)}
          />
        ))}
        {changes.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('ticketForm.changes.empty')}
          </Text>
        )}
        {listError && (
          <Text size="sm" c="red" id="ticket-changes-error">
            {listError}
          </Text>
        )}
        <Group>
          <Button
            ref={addButton}
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            disabled={nextField === null}
            onClick={() => nextField && form.insertListItem('changes', blankChange(nextField))}
          >
            {t('ticketForm.changes.add')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  )
}

function ChangeRow({
  form,
  change,
  index,
  taken,
  onRemove,
}: {
  form: TicketFormApi
  change: ChangeDraft
  index: number
  taken: ChangedFieldName[]
  onRemove: () => void
}) {
  const { t } = useTranslation()
  const path = `changes.${index}`
  const item = t('ticketForm.changes.item', { n: index + 1 })
  return (
    <Fieldset legend={item} variant="filled" p="sm">
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} style={{ flex: 1 }}>
          <Select
            label={t('ticketForm.changes.field')}
            withAsterisk
            allowDeselect={false}
            data={changedFields.map((field) => ({ value: field, label: t(`ticketForm.choices.changedField.${field}`), disabled: taken.includes(field) }))}
            {...form.getInputProps(`${path}.field`)}
            // Another field holds another kind of value: its old and new value start blank.
            onChange={(field) => field && field !== change.field && form.replaceListItem('changes', index, { ...blankChange(field as ChangedFieldName), key: change.key })}
          />
          {/* Keyed by the changed field: another field's values start blank, not with what the control last held. */}
          <ChangeValue key={`${change.field}-old`} form={form} change={change} path={`${path}.oldValue`} label={t('ticketForm.changes.oldValue')} />
          <ChangeValue key={`${change.field}-new`} form={form} change={change} path={`${path}.newValue`} label={t('ticketForm.changes.newValue')} />
        </SimpleGrid>
        <ActionIcon
          mt={26}
          variant="subtle"
          color="red"
          aria-label={t('ticketForm.changes.remove', { n: index + 1 })}
          onClick={onRemove}
        >
          <IconTrash size={16} />
        </ActionIcon>
      </Group>
    </Fieldset>
  )
}

/** The input for one side of a change, by what the changed field holds. */
function ChangeValue({ form, change, path, label }: { form: TicketFormApi; change: ChangeDraft; path: string; label: string }) {
  const { t } = useTranslation()
  switch (changedFieldValue[change.field]) {
    case 'money':
      return <MoneyInput label={label} withAsterisk {...form.getInputProps(path)} />
    case 'onOff': {
      const props = form.getInputProps(path)
      return (
        <SegmentedField
          label={label}
          data={[
            { value: 'on', label: t('ticketForm.changes.phoneHold.on') },
            { value: 'off', label: t('ticketForm.changes.phoneHold.off') },
          ]}
          error={props.error}
          data-path={path}
          defaultValue={props.defaultValue ? 'on' : 'off'}
          onChange={(value) => form.setFieldValue(path, value === 'on', { forceUpdate: false })}
        />
      )
    }
    case 'address':
      return <TextInput label={label} withAsterisk maxLength={200} autoComplete="off" {...form.getInputProps(path)} />
    case 'contact':
      return (
        <Stack gap={4}>
          <ContactFields path={path} who={label} form={form} />
          {/* "New value equals the old" is said of the contact as a whole. */}
          {form.errors[path] && (
            <Text size="sm" c="red">
              {form.errors[path]}
            </Text>
          )}
        </Stack>
      )
  }
}
