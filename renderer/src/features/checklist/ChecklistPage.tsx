import { Button, Checkbox, Container, Fieldset, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { checklistItems, type ChecklistItem } from '../../../../shared/domain/checklist'
import { pinSchema } from '../../../../shared/domain/identity'
import type { SessionView } from '../../../../shared/ipc/contract'
import { resyncSessionAfter, setSession } from '../../app/appStore'
import { call } from '../../api/client'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { PinInput } from '../../ui/PinInput'
import { zodValidator } from '../../ui/zodForm'

// The pre-shift checklist (seed 003, 岗前准备) in its three steps; the seed's number is not shown to agents.
const groups: { name: 'environment' | 'information' | 'systems'; items: ChecklistItem[] }[] = [
  { name: 'environment', items: ['phoneChecked', 'networkChecked', 'equipmentChecked'] },
  { name: 'information', items: ['noticesRead', 'priceChangesRead', 'routeChangesRead'] },
  { name: 'systems', items: ['systemsLoggedIn'] },
]

type Values = { items: Record<ChecklistItem, boolean>; pin: string }
const pinOnly = z.object({ pin: pinSchema })

/** Before the first call of a shift: every item confirmed, signed with the agent's own PIN. */
export default function ChecklistPage({ session }: { session: SessionView }) {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>(null)
  const form = useForm<Values>({
    initialValues: {
      items: Object.fromEntries(checklistItems.map((item) => [item, false])) as Record<ChecklistItem, boolean>,
      pin: '',
    },
    validate: zodValidator(pinOnly, t),
  })
  const done = checklistItems.filter((item) => form.values.items[item]).length
  const allChecked = done === checklistItems.length

  const submit = form.onSubmit(async ({ pin }) => {
    if (!allChecked) return
    setError(null)
    try {
      const items = Object.fromEntries(checklistItems.map((item) => [item, true] as const)) as Record<ChecklistItem, true>
      setSession(await call('checklistConfirm', { items, pin }))
    } catch (caught) {
      form.setFieldValue('pin', '')
      setError(caught)
      await resyncSessionAfter(caught)
    }
  })

  return (
    <Container size="sm" px={0}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('checklist.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('checklist.intro', { name: session.user.name })}
          </Text>
          {groups.map((group, groupIndex) => (
            <Fieldset key={group.name} legend={t(`checklist.groups.${group.name}`)}>
              <Stack gap="sm">
                {group.items.map((item, itemIndex) => (
                  <Checkbox
                    key={item}
                    label={t(`checklist.items.${item}`)}
                    autoFocus={groupIndex === 0 && itemIndex === 0}
                    {...form.getInputProps(`items.${item}`, { type: 'checkbox' })}
                  />
                ))}
              </Stack>
            </Fieldset>
          ))}
          <Text size="sm" aria-live="polite">
            {t('checklist.progress', { done, total: checklistItems.length })}
          </Text>
          <PinInput label={t('checklist.pin')} autoComplete="off" maw={280} {...form.getInputProps('pin')} />
          <ErrorAlert error={error} pinOnly />
          <Button type="submit" disabled={!allChecked} loading={form.submitting} w="fit-content">
            {t('checklist.confirm')}
          </Button>
        </Stack>
      </form>
    </Container>
  )
}
