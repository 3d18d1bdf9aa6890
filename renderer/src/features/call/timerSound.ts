// A short tone when the handling timer crosses the warning point or the target (callSettings.sound).
// WebAudio needs no sound file; a seat without an audio device simply stays silent.
let context: AudioContext | null = null

export function playTimerTone(kind: 'warning' | 'overtime'): void {
  try {
    context ??= new AudioContext()
    const oscillator = context.createOscillator()
    const gain = context.createGain()
    oscillator.frequency.value = kind === 'warning' ? 660 : 880
    gain.gain.setValueAtTime(0.15, context.currentTime)
    gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + 0.35)
    oscillator.connect(gain).connect(context.destination)
    oscillator.start()
    oscillator.stop(context.currentTime + 0.35)
  } catch {
    // No audio output (or no AudioContext, as in tests): the colour change still says it.
  }
}
