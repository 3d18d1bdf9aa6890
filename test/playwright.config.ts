import { resolve } from 'node:path'
import { defineConfig } from '@playwright/test'

// End-to-end specs against the built renderer, served by the browser preview (and, where an Electron
// binary exists and SEATDESK_E2E_ELECTRON=1, against the real app: see e2e/fixtures.ts).
const root = resolve(import.meta.dirname, '..')

export default defineConfig({
  testDir: resolve(import.meta.dirname, 'e2e'),
  outputDir: resolve(root, 'test/artifacts'),
  fullyParallel: false,
  // Two cores: a second worker only makes both slower.
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // A ceiling, not a speed check: the demo-seat specs sign three people in on a month of history
  // (each first sign-in replays it into a fresh view), which on a loaded two-core machine took over a
  // minute. A test that works finishes as fast as before; one that hangs still fails.
  timeout: 150_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { outputFolder: resolve(root, 'playwright-report'), open: 'never' }]],
  use: {
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
})
