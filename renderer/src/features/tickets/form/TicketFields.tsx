import { Checkbox, Fieldset, Group, Input, NumberInput, SegmentedControl, Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { ContactFields } from './ContactFields'
import { DataChangeList } from './DataChangeList'
import { choiceSets, type ChoiceSet, type FieldSpec } from './ticketFieldSpecs'
import type { ContactDraft, TicketDraft } from './ticketDraft'

// One control per field kind; every field takes its starting value, change and error from the form by
// path (`getInputProps`), which also marks the input with `data-path` for focusing the first error. The
// form is uncontrolled (TicketForm): the controls keep what is typed, and a value the form sets in
// code reaches a control through its key (`form.key`), never by re-rendering every field per keystroke.

export type TicketFormApi = UseFormReturnType<TicketDraft>

export function TicketField({ spec, form }: { spec: FieldSpec; form: TicketFormApi }) {
  const { t } = useTranslation()
  const label = t(`ticketForm.fields.${spec.name}`)
  const hint = t(`ticketForm.hints.${spec.name}`, { defaultValue: '' }) || undefined
  switch (spec.type) {
    case 'text': {
      const props = {
        label,
        description: hint,
        withAsterisk: spec.presence === 'required',
        maxLength: spec.max,
        autoComplete: 'off',
        ...form.getInputProps(spec.name),
      }
      return spec.multiline ? <Textarea autosize minRows={2} maxRows={6} {...props} /> : <TextInput {...props} />
    }
    case 'waybill':
      return (
        <WaybillInput
          label={label}
          description={hint ?? t('ticketForm.hints.waybillNo')}
          withAsterisk={!spec.nullable}
          {...form.getInputProps(spec.name)}
        />
      )
    case 'phone':
      return (
        <TextInput
          label={label}
          description={hint ?? t('ticketForm.hints.phone')}
          withAsterisk={!spec.nullable}
          inputMode="tel"
          maxLength={32}
          autoComplete="off"
          {...form.getInputProps(spec.name)}
        />
      )
    case 'money':
      return <MoneyInput label={label} description={hint} withAsterisk={!spec.nullable} {...form.getInputProps(spec.name)} />
    case 'integer':
      return (
        <NumberInput
          label={label}
          description={hint}
          withAsterisk
          min={spec.min}
          max={spec.max}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          {...form.getInputProps(spec.name)}
        />
      )
    case 'yesNo':
      return <Checkbox mt="xs" label={label} description={hint} {...form.getInputProps(spec.name, { type: 'checkbox' })} />
    case 'yesNoLater': {
      const { defaultValue, ...props } = form.getInputProps(spec.name)
      return (
        <SegmentedField
          label={label}
          description={hint}
          data={[
            { value: 'unknown', label: t('ticketForm.notYet') },
            { value: 'yes', label: t('common.yes') },
            { value: 'no', label: t('common.no') },
          ]}
          {...props}
          defaultValue={defaultValue as string}
        />
      )
    }
    case 'choice': {
      const data = choiceOptions(t, spec.set)
      const { defaultValue, ...props } = form.getInputProps(spec.name)
      if (spec.control === 'select') {
        return (
          <Select
            label={label}
            description={hint}
            withAsterisk={!spec.nullable}
            data={data}
            clearable={spec.nullable}
            allowDeselect={spec.nullable}
            placeholder={spec.nullable ? t('ticketForm.notYet') : t('ticketForm.choose')}
            comboboxProps={{ withinPortal: true }}
            {...props}
            defaultValue={defaultValue as string | null}
          />
        )
      }
      return (
        <SegmentedField
          label={label}
          description={hint}
          withAsterisk={!spec.nullable}
          // A field that may stay open offers "not yet" (null); a required one starts with nothing picked.
          data={spec.nullable ? [{ value: '', label: t(`ticketForm.none.${spec.name}`, { defaultValue: t('ticketForm.notYet') }) }, ...data] : data}
          {...props}
          defaultValue={(defaultValue as string | null) ?? ''}
          // The control shows the pick itself: the form only records it (no new key, no remount).
          onChange={(value: string) => form.setFieldValue(spec.name, value === '' ? null : value, { forceUpdate: false })}
        />
      )
    }
    case 'multiChoice':
      return (
        <Checkbox.Group label={label} description={hint} {...form.getInputProps(spec.name)}>
          <Group gap="md" mt={6}>
            {choiceOptions(t, spec.set).map((option) => (
              <Checkbox key={option.value} value={option.value} label={option.label} />
            ))}
          </Group>
        </Checkbox.Group>
      )
    case 'contact':
      return <ContactFieldset name={spec.name} label={label} withAddress={spec.withAddress} form={form} />
    case 'chinaTime':
      return <TextInput type="datetime-local" label={label} description={hint ?? t('ticketForm.hints.chinaTime')} {...form.getInputProps(spec.name)} />
    case 'chinaDate':
      return <TextInput type="date" label={label} description={hint} {...form.getInputProps(spec.name)} />
    case 'changes':
      return <DataChangeList form={form} />
  }
}

export function choiceOptions(t: (key: string) => string, set: ChoiceSet): { value: string; label: string }[] {
  return choiceSets[set].map((value) => ({ value, label: t(`ticketForm.choices.${set}.${value}`) }))
}

/** Waybill numbers are read out over the phone in any case; shown upper-case as they are stored. */
export function WaybillInput(props: React.ComponentProps<typeof TextInput>) {
  const { onChange, ...rest } = props
  return (
    <TextInput
      maxLength={30}
      autoComplete="off"
      {...rest}
      onChange={(event) => {
        event.currentTarget.value = event.currentTarget.value.toUpperCase()
        onChange?.(event)
      }}
    />
  )
}

/** An amount typed in 元 (two decimals at most); the form saves it in fen. */
export function MoneyInput(props: React.ComponentProps<typeof TextInput>) {
  const { t } = useTranslation()
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      maxLength={20}
      rightSection={
        <Text size="sm" c="dimmed" aria-hidden>
          {t('ticketForm.yuan')}
        </Text>
      }
      {...props}
      description={props.description ?? t('ticketForm.hints.money')}
    />
  )
}

/**
 * A few short options side by side, one keypress each (arrow keys move between them): a labelled radio
 * group whose error is read out with it. With no value matching, nothing is picked. It keeps its own
 * pick from `defaultValue` on, as the form's other controls do.
 */
export function SegmentedField({
  label,
  description,
  error,
  withAsterisk,
  data,
  defaultValue,
  onChange,
  ...rest
}: {
  label: string
  description?: string
  error?: React.ReactNode
  withAsterisk?: boolean
  data: { value: string; label: string }[]
  defaultValue: string
  onChange: (value: string) => void
  'data-path'?: string
  onFocus?: () => void
  onBlur?: () => void
}) {
  const id = useId()
  const { onFocus: _onFocus, onBlur: _onBlur, ...root } = rest
  return (
    <Input.Wrapper
      label={label}
      description={description}
      error={error}
      withAsterisk={withAsterisk}
      labelElement="div"
      labelProps={{ id: `${id}-label` }}
      errorProps={{ id: `${id}-error` }}
      descriptionProps={{ id: `${id}-description` }}
    >
      <div>
        <SegmentedControl
          mt={4}
          data={data}
          defaultValue={defaultValue}
          onChange={onChange}
          aria-labelledby={`${id}-label`}
          aria-describedby={[description && `${id}-description`, error && `${id}-error`].filter(Boolean).join(' ') || undefined}
          aria-invalid={error ? true : undefined}
          {...root}
        />
      </div>
    </Input.Wrapper>
  )
}

function ContactFieldset({ name, label, withAddress, form }: { name: string; label: string; withAddress: boolean; form: TicketFormApi }) {
  const contact = form.getValues()[name] as ContactDraft
  return (
    <Fieldset legend={label} variant="unstyled">
      <SimpleGrid cols={{ base: 1, sm: withAddress ? 3 : 2 }}>
        <ContactFields path={name} who={label} withAddress={withAddress && contact.address !== undefined} form={form} />
      </SimpleGrid>
    </Fieldset>
  )
}
