import 'fake-indexeddb/auto'
import '@testing-library/jest-dom/vitest'
import { afterEach } from 'vitest'
import { cleanup, configure } from '@testing-library/react'

afterEach(() => {
  cleanup()
  // Each test is a fresh tab: what one left in sessionStorage (a call's typed draft, notices seen)
  // must not reach the next.
  window.sessionStorage.clear()
})

// findBy and waitFor give up after this long. Testing Library's default (1 s) fails a screen that
// renders in 1.2 s on a shared two-core machine running other suites; a screen that works shows up in
// milliseconds either way, so a longer limit slows only the tests that are failing anyway.
configure({ asyncUtilTimeout: 5_000 })

// The seats run Chinese systems; jsdom says en-US, which would make the app start in English.
Object.defineProperty(window.navigator, 'language', { value: 'zh-CN', configurable: true })

// Mantine reads these browser APIs, which jsdom does not implement.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
})
class ResizeObserverStandIn {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverStandIn as unknown as typeof ResizeObserver
window.HTMLElement.prototype.scrollIntoView = () => {}
// Mantine's autosize Textarea listens for web fonts loading (document.fonts), which jsdom lacks.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', { value: new EventTarget() })
}
