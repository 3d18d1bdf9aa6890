import { NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import type { ShiftSettings } from '../../../../../shared/domain/handover/shifts'

const ruleFields = ['earlyStartMinutes', 'eveningStayMinutes', 'nextMorningLateMinutes'] as const

/** The duty rule (000 r3) in minutes, and the rule said in words with the numbers as typed. */
export function DutyRuleFields({ form }: { form: UseFormReturnType<ShiftSettings> }) {
  const { t } = useTranslation()
  const rule = form.values.dutyRule
  const minutes = (value: unknown) => (typeof value === 'number' ? value : '—')
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('shifts.duty.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} maw={720}>
        {ruleFields.map((field) => (
          <NumberInput
            key={field}
            label={t(`shifts.duty.${field}`)}
            suffix={t('shifts.duty.minutesSuffix')}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            {...form.getInputProps(`dutyRule.${field}`)}
          />
        ))}
      </SimpleGrid>
      <Text size="sm">
        {t('shifts.duty.explained', {
          early: minutes(rule.earlyStartMinutes),
          stay: minutes(rule.eveningStayMinutes),
          late: minutes(rule.nextMorningLateMinutes),
        })}
      </Text>
    </Stack>
  )
}
