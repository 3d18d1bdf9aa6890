import { channelNames } from '../../shared/ipc/channels'
import { expect, test } from './fixtures'

// What a script in the page can reach. In Electron the preload's `window.seatdesk` is the whole
// surface; in the browser preview there is none, and the HTTP bridge refuses calls without the token.

test('the page has no Node and only the contract surface', async ({ page, seatDesk }) => {
  await seatDesk.open()
  await expect(page.getByRole('heading', { name: '首次设置本座席' })).toBeVisible()
  const globals = await page.evaluate(() => {
    const scope = window as unknown as Record<string, unknown>
    const api = scope.seatdesk as object | undefined
    return {
      require: typeof scope.require,
      process: typeof scope.process,
      module: typeof scope.module,
      seatdesk: api === undefined ? null : Object.keys(api).sort(),
      seatdeskTypes: api === undefined ? null : Object.values(api).map((value) => typeof value),
    }
  })
  expect(globals.require).toBe('undefined')
  expect(globals.process).toBe('undefined')
  expect(globals.module).toBe('undefined')
  if (seatDesk.runtime === 'electron') {
    expect(globals.seatdesk).toEqual([...channelNames].sort())
    expect(new Set(globals.seatdeskTypes)).toEqual(new Set(['function']))
  } else {
    expect(globals.seatdesk).toBeNull()
  }
})

test('a bridge call with a wrong or missing token is refused with 403', async ({ page, seatDesk }) => {
  await seatDesk.open()
  await expect(page.getByRole('heading', { name: '首次设置本座席' })).toBeVisible()
  const answers = await page.evaluate(async () => {
    const post = async (token: string | null) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      if (token !== null) headers['x-seatdesk-token'] = token
      try {
        const response = await fetch('/ipc/seatStatus', { method: 'POST', headers, body: '{}' })
        return { status: response.status, body: await response.text() }
      } catch (error) {
        return { status: 0, body: String(error) }
      }
    }
    return [await post('not-the-token'), await post(null)]
  })
  for (const answer of answers) {
    if (seatDesk.runtime === 'browserPreview') {
      expect(answer.status).toBe(403)
      expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'forbiddenSender' } })
    } else {
      // app:// serves files only (GET and HEAD): there is no bridge to call.
      expect(answer.status).toBe(405)
    }
  }
})

test('the contract answers the page as the app, with its validation', async ({ page, seatDesk }) => {
  await seatDesk.open()
  await expect(page.getByRole('heading', { name: '首次设置本座席' })).toBeVisible()
  // Through the preload in Electron, through the bridge with this run's token in the preview.
  const answers = await page.evaluate(async (token) => {
    const api = (window as unknown as { seatdesk?: Record<string, (request: unknown) => Promise<unknown>> }).seatdesk
    const call = async (channel: string, body: unknown) => {
      if (api) return { status: 200, body: await api[channel]?.(body) }
      const response = await fetch(`/ipc/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-seatdesk-token': token ?? '' },
        body: JSON.stringify(body),
      })
      return { status: response.status, body: (await response.json()) as unknown }
    }
    return { appInfo: await call('appInfo', {}), extraKey: await call('appInfo', { extra: 1 }) }
  }, seatDesk.token)
  expect(answers.appInfo).toEqual({
    status: 200,
    body: { ok: true, value: { version: expect.any(String), runtime: seatDesk.runtime } },
  })
  expect(answers.extraKey.body).toMatchObject({ ok: false, error: { code: 'validation' } })
})

test('the bridge knows only the contract channels', async ({ page, seatDesk }) => {
  await seatDesk.open()
  const status = await page.evaluate(async (token) => {
    const response = await fetch('/ipc/deleteEverything', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-seatdesk-token': token ?? '' },
      body: '{}',
    })
    return response.status
  }, seatDesk.token)
  // The preview answers unknownChannel; app:// has no /ipc at all and takes no POST.
  expect(status).toBe(seatDesk.runtime === 'browserPreview' ? 404 : 405)
})

test('the content security policy is sent with the page and blocks injected script', async ({ page, seatDesk }) => {
  await seatDesk.open()
  const response = await page.reload()
  const policy = response?.headers()['content-security-policy'] ?? ''
  expect(policy).toContain("script-src 'self'")
  expect(policy).not.toContain('unsafe-eval')
  expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/)
  await expect(page.getByRole('heading', { name: '首次设置本座席' })).toBeVisible()

  // A script element written into the page (what an injection would do) must not run.
  const outcome = await page.evaluate(async () => {
    const violations: string[] = []
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective))
    const script = document.createElement('script')
    script.textContent = 'window.injectedRan = true'
    document.body.append(script)
    await new Promise((resolve) => setTimeout(resolve, 100))
    return { injectedRan: (window as unknown as { injectedRan?: boolean }).injectedRan === true, violations }
  })
  expect(outcome.injectedRan).toBe(false)
  expect(outcome.violations).toContain('script-src-elem')
})
