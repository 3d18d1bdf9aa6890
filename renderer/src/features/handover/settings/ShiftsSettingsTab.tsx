import { Divider, Stack } from '@mantine/core'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ShiftSettings } from '../../../../../shared/domain/handover/shifts'
import type { ChinaDate } from '../../../../../shared/domain/tickets/chinaTime'
import { call } from '../../../api/client'
import { LoadedSettingsSection } from '../../settings/LoadedSettingsSection'
import { RosterSection } from './RosterSection'
import { ShiftSettingsForm } from './ShiftSettingsForm'

const readShiftSettings = () => call('shiftSettingsGet', {})

/** The patterns and duty rule main holds, kept current as they are saved, for the roster's hours. */
function ShiftsEditors({ current, initialDate }: { current: ShiftSettings; initialDate?: ChinaDate }) {
  const [settings, setSettings] = useState(current)
  const onSaved = useCallback((saved: ShiftSettings) => setSettings(saved), [])
  return (
    <Stack gap="xl">
      <ShiftSettingsForm current={current} onSaved={onSaved} />
      <Divider />
      <RosterSection settings={settings} initialDate={initialDate} />
    </Stack>
  )
}

/** Supervisors (设置 → 班次): shift patterns, the duty rule (000 r3) and the daily roster. */
export function ShiftsSettingsTab({ initialDate }: { initialDate?: ChinaDate }) {
  const { t } = useTranslation()
  return (
    <LoadedSettingsSection title={t('shifts.title')} intro={t('shifts.intro')} load={readShiftSettings}>
      {(current) => <ShiftsEditors current={current} initialDate={initialDate} />}
    </LoadedSettingsSection>
  )
}
