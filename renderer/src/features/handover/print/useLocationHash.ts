import { useSyncExternalStore } from 'react'

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

/** The location hash, followed as it changes (the print view's "Back" clears it). */
export function useLocationHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash)
}
