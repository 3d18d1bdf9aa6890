import { Button } from '@mantine/core'
import { IconHeadset } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { CallView } from '../../../../shared/domain/calls'
import { formatDuration } from '../../../../shared/domain/callTimer'
import { showScreen } from '../../app/appStore'
import { useCallStore } from './callStore'
import { phaseColor, useCallTimer } from './CallTimer'

/** While a call is open and another screen is shown, the timer stays in the header; a click goes back. */
export function CallHeaderTimer() {
  const view = useCallStore((state) => state.view)
  return view ? <OpenCallBadge view={view} /> : null
}

function OpenCallBadge({ view }: { view: CallView }) {
  const { t } = useTranslation()
  const reading = useCallTimer(view)
  const time = reading.phase === 'overtime' ? t('call.timer.overtime', { time: formatDuration(reading.overtimeMs) }) : formatDuration(reading.elapsedMs)
  return (
    <Button
      size="xs"
      variant="light"
      color={phaseColor[reading.phase]}
      leftSection={<IconHeadset size={16} />}
      onClick={() => showScreen('call')}
      data-phase={reading.phase}
      aria-label={t('call.headerTimer', { state: t(`call.state.${view.state}`), time })}
    >
      {t(`call.state.${view.state}`)} {time}
    </Button>
  )
}
