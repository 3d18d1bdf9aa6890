// The handling timer (呼叫中心工作标准: 受理时间低于3分钟/次) is computed from the stored answer
// timestamp every time it is drawn, never by counting ticks, so a hidden window, a reload or a restart
// cannot make it drift. Handling time runs from answer until wrap-up is done.
export type TimerPhase = 'calm' | 'warning' | 'overtime'

export interface CallTimerInput {
  answeredAt: string
  /** When wrap-up was finished; the timer stops there. */
  completedAt?: string | null
  now: number
  targetSeconds: number
  warningSeconds: number
}

export interface CallTimerReading {
  elapsedMs: number
  /** Time left to the target; 0 once over. */
  remainingMs: number
  /** Time past the target; 0 while under. */
  overtimeMs: number
  phase: TimerPhase
}

export function readCallTimer({ answeredAt, completedAt, now, targetSeconds, warningSeconds }: CallTimerInput): CallTimerReading {
  const start = Date.parse(answeredAt)
  const end = completedAt ? Date.parse(completedAt) : now
  // A wall clock set back (NTP correction) must not show negative time.
  const elapsedMs = Math.max(0, end - start)
  const targetMs = targetSeconds * 1000
  const phase: TimerPhase = elapsedMs >= targetMs ? 'overtime' : elapsedMs >= warningSeconds * 1000 ? 'warning' : 'calm'
  return {
    elapsedMs,
    remainingMs: Math.max(0, targetMs - elapsedMs),
    overtimeMs: Math.max(0, elapsedMs - targetMs),
    phase,
  }
}

/** m:ss (or h:mm:ss past an hour), whole seconds rounded down. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.floor(Math.max(0, ms) / 1000)
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = String(totalSeconds % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}
