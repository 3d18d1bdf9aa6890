import { Group, Paper, Stack, Text } from '@mantine/core'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { CallView } from '../../../../shared/domain/calls'
import { formatDuration, readCallTimer, type CallTimerReading, type TimerPhase } from '../../../../shared/domain/callTimer'
import { playTimerTone } from './timerSound'
import { useNow } from './useNow'

// Calm below the warning point, a warm colour after it, red past the target (002: 受理时间低于3分钟/次).
export const phaseColor: Record<TimerPhase, string> = { calm: 'teal', warning: 'orange', overtime: 'red' }

/** The open call's handling timer, read from the stored answer time at every draw. */
export function useCallTimer(view: Pick<CallView, 'answeredAt' | 'targetSeconds' | 'warningSeconds'>): CallTimerReading {
  const now = useNow(true)
  return readCallTimer({ answeredAt: view.answeredAt, now, targetSeconds: view.targetSeconds, warningSeconds: view.warningSeconds })
}

/** Remaining time counts down in whole seconds, so elapsed + remaining always reads as the target. */
const remainingLabel = (ms: number) => formatDuration(Math.ceil(ms / 1000) * 1000)

export function CallTimer({ view, sound }: { view: CallView; sound: boolean }) {
  const { t } = useTranslation()
  const reading = useCallTimer(view)
  const color = phaseColor[reading.phase]
  const previous = useRef<TimerPhase | null>(null)

  useEffect(() => {
    // Only a crossing sounds: not the phase a restored call comes back in.
    if (sound && previous.current !== null && previous.current !== reading.phase && reading.phase !== 'calm') playTimerTone(reading.phase)
    previous.current = reading.phase
  }, [reading.phase, sound])

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      role="timer"
      aria-label={t('call.timer.label')}
      data-phase={reading.phase}
      style={{ borderColor: `var(--mantine-color-${color}-6)`, borderWidth: 2 }}
    >
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Stack gap={0}>
          <Text size="sm" c="dimmed">
            {t('call.timer.elapsed')}
          </Text>
          <Text fz={48} fw={700} lh={1.1} c={`${color}.8`} ff="monospace" data-testid="call-elapsed">
            {formatDuration(reading.elapsedMs)}
          </Text>
        </Stack>
        <Stack gap={0} align="flex-end">
          {reading.phase === 'overtime' ? (
            <Text fz={28} fw={700} c="red.8" ff="monospace" data-testid="call-remaining">
              {t('call.timer.overtime', { time: formatDuration(reading.overtimeMs) })}
            </Text>
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {t('call.timer.remaining')}
              </Text>
              <Text fz={28} fw={600} c={`${color}.8`} ff="monospace" data-testid="call-remaining">
                {remainingLabel(reading.remainingMs)}
              </Text>
            </>
          )}
          <Text size="sm" c={reading.phase === 'calm' ? 'dimmed' : `${color}.8`} fw={reading.phase === 'calm' ? 400 : 600}>
            {t(`call.timer.phase.${reading.phase}`, { target: formatDuration(view.targetSeconds * 1000) })}
          </Text>
        </Stack>
      </Group>
    </Paper>
  )
}
