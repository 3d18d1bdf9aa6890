import type { Page } from '@playwright/test'
import { addCalendarDays, chinaDateOf } from '../../../shared/domain/tickets/chinaTime'
import { median, type BenchFigure } from '../figure'
import { bookFloorUrl, fillBookFloor, serveBookFloorPage, type BookRows } from './bookFloorPage'
import type { LedgerViewSeat } from './ledgerView'

// book_open_ms: from the click on 交接班 in the navigation to the painted frame that shows the book's
// rows — every line of the default range (the last seven days) with the people's names, as the
// handover screen shows them on opening — on the preview holding a year of one seat's journal,
// its view built. The floor: the same click and rows on a page that reads them from IndexedDB
// without app code (browser/bookFloorPage.ts), measured alternately in the same run.
//
// Per open: the click event's timeStamp (so a click queued behind other work counts) to a message
// posted from the requestAnimationFrame that runs once the rows are in the DOM, i.e. after the frame
// that shows them has been handed to the compositor. Both sides are opened again and again from
// another screen (the first opens pay for lazy code and are not counted).

const OPENS = 20
const WARMUP_OPENS = 3
const OPEN_TIMEOUT_MS = 30_000
const SETTLE_MS = 300

const probe = `(() => {
  window.__bookOpen = (expectedRows) => new Promise((resolve, reject) => {
    let start = null
    let switched = null
    let done = false
    const onClick = (event) => {
      if (start !== null || !(event.target instanceof Element) || event.target.closest('nav') === null || !event.target.closest('button')?.textContent.includes('交接班')) return
      start = event.timeStamp
      removeEventListener('click', onClick, true)
      check()
    }
    addEventListener('click', onClick, true)
    // All the rows, each naming its people (the names come from the users, which may load after the pages).
    const ready = () => {
      const rows = document.querySelectorAll('table[aria-label="交接本"] tbody tr')
      if (rows.length !== expectedRows) return false
      for (const row of rows) if (/^[A-Z]\\d{3}$/.test((row.children[2]?.textContent ?? '').trim())) return false
      return true
    }
    const observer = new MutationObserver(() => {
      // The first change after the click: the screen switch React does inside the click's own task.
      if (start !== null && switched === null) switched = performance.now() - start
      check()
    })
    const timer = setTimeout(() => {
      observer.disconnect()
      const shown = document.querySelectorAll('table[aria-label="交接本"] tbody tr').length
      reject(new Error('the book did not show ' + expectedRows + ' rows (it shows ' + shown + ')'))
    }, ${OPEN_TIMEOUT_MS})
    function check() {
      if (done || start === null || !ready()) return
      done = true
      observer.disconnect()
      clearTimeout(timer)
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => resolve({ total: performance.now() - start, switched })
        channel.port2.postMessage(null)
      })
    }
    observer.observe(document.body, { childList: true, subtree: true, characterData: true })
  })
})()`

interface Open {
  /** Click to the painted rows. */
  total: number
  /** Click to the first change of the page (the screen switch in the click's task). */
  switched: number
}

/** One open: the probe armed, the click, the time it answers; then back to the other screen. */
async function openBook(page: Page, expectedRows: number): Promise<Open> {
  const menu = page.getByRole('navigation', { name: '功能菜单' })
  const measured = page.evaluate((rows) => (globalThis as unknown as { __bookOpen(rows: number): Promise<Open> }).__bookOpen(rows), expectedRows)
  await menu.getByRole('button', { name: '交接班' }).click()
  const open = await measured
  await menu.getByRole('button', { name: '来电接待' }).click()
  await page.locator('table[aria-label="交接本"]').waitFor({ state: 'detached' })
  await page.waitForTimeout(SETTLE_MS)
  return open
}

/** The view's rows the book reads (raw IndexedDB, the app's database): all pages, the roster, the users. */
function appRows(page: Page): Promise<BookRows> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const request = indexedDB.open('seatdesk')
    request.onerror = () => reject(request.error)
    request.onsuccess = () => {
      const database = request.result
      const tx = database.transaction(['handoverPages', 'roster', 'users'], 'readonly')
      const rows = {}
      for (const store of ['handoverPages', 'roster', 'users']) {
        const read = tx.objectStore(store).getAll()
        read.onsuccess = () => (rows[store] = read.result)
      }
      tx.oncomplete = () => {
        database.close()
        resolve(rows)
      }
      tx.onerror = () => reject(tx.error)
    }
  })`) as Promise<BookRows>
}

/** Lines of the book for from..to: its pages, and each rostered shift of those dates without one. */
function bookLineCount(rows: BookRows, from: string, to: string): number {
  const inRange = (date: string) => date >= from && date <= to
  const pages = (rows.handoverPages as { date: string; patternId: string }[]).filter((row) => inRange(row.date))
  const missing = (rows.roster as { date: string; shifts: { patternId: string }[] }[])
    .filter((day) => inRange(day.date))
    .flatMap((day) => day.shifts.filter((shift) => !pages.some((row) => row.date === day.date && row.patternId === shift.patternId)))
  return pages.length + missing.length
}

export interface BookOpenResult {
  figure: BenchFigure
  /** The first open, with the screen's lazy code. */
  coldMs: number
  rows: number
  /** Median click-to-first-change (the screen switch) in the app and on the floor page. */
  switchedMs: { app: number; floor: number }
}

export async function bookOpenFigure(seat: LedgerViewSeat, today: number): Promise<BookOpenResult> {
  const to = chinaDateOf(today)
  const from = addCalendarDays(to, -6)
  const app = seat.page
  const rows = await appRows(app)
  const expectedRows = bookLineCount(rows, from, to)
  if (expectedRows === 0) throw new Error(`bench: the year's book has no lines from ${from} to ${to}`)

  const floor = await seat.context.newPage()
  await serveBookFloorPage(floor, { from, to })
  await floor.goto(bookFloorUrl)
  await fillBookFloor(floor, rows)

  await app.evaluate(probe)
  await floor.evaluate(probe)
  const appOpens: Open[] = []
  const floorOpens: Open[] = []
  for (let open = 0; open < WARMUP_OPENS + OPENS; open++) {
    await app.bringToFront()
    appOpens.push(await openBook(app, expectedRows))
    await floor.bringToFront()
    floorOpens.push(await openBook(floor, expectedRows))
  }
  await floor.close()
  const counted = (opens: Open[], part: keyof Open) => median(opens.slice(WARMUP_OPENS).map((open) => open[part]))
  return {
    figure: { name: 'book_open_ms', value: counted(appOpens, 'total'), unit: 'ms', floor: counted(floorOpens, 'total') },
    coldMs: (appOpens[0] as Open).total,
    rows: expectedRows,
    switchedMs: { app: counted(appOpens, 'switched'), floor: counted(floorOpens, 'switched') },
  }
}
