import { NumberInput, Paper, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useId } from 'react'
import { regulatorRuleSchema, type DeadlineSettings } from '../../../../shared/domain/tickets/deadlines'

// The inputs' bounds come from the schema main validates with.
const dayFields = (['replyBeforeAppealDays', 'forwardedAppealAnswerDays'] as const).map((name) => {
  const bounds = regulatorRuleSchema.shape[name]
  return { name, min: bounds.minValue ?? 1, max: bounds.maxValue ?? Number.MAX_SAFE_INTEGER }
})

/** A day count as the explanation should read it: the number typed, or a dash while it is not one. */
const shown = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? value : '—')

/**
 * The postal regulator's complaint limits (DOMAIN.md: outside the seeds, a configurable rule). When on,
 * every complaint gets two more calendar-day clocks; the text says what the numbers mean.
 */
export function RegulatorRuleFields({ form }: { form: UseFormReturnType<DeadlineSettings> }) {
  const { t } = useTranslation()
  const titleId = useId()
  const rule = form.values.regulatorRule
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={3} size="h5" id={titleId}>
          {t('deadlines.regulator.title')}
        </Title>
        <Text size="sm">{t('deadlines.regulator.explain', { appealDays: shown(rule.replyBeforeAppealDays), answerDays: shown(rule.forwardedAppealAnswerDays) })}</Text>
        <Text size="sm" c="dimmed">
          {t('deadlines.regulator.checkCurrent')}
        </Text>
        <Switch label={t('deadlines.regulator.enabled')} {...form.getInputProps('regulatorRule.enabled', { type: 'checkbox' })} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {dayFields.map(({ name, min, max }) => (
            <NumberInput
              key={name}
              label={t(`deadlines.regulator.${name}`)}
              description={t('deadlines.regulator.range', { min, max })}
              min={min}
              max={max}
              clampBehavior="none"
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps(`regulatorRule.${name}`)}
            />
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  )
}
