import type { Page } from '@playwright/test'
import { serveBundledPage } from './bundledPage'

// The book_open_ms floor: the least any screen must do to show the same book — read the same rows
// of the same dates from IndexedDB (one raw transaction: the pages' [date, pattern] index, the
// roster and the users) and render them as a Mantine table with the same seven columns, badges and
// buttons — with the same React, Mantine and production build, and no app code (no Dexie, no live
// queries, no store, no shell, no translations). Served by bundledPage.ts; its own origin holds its
// own copy of the rows (`fillBook`).

export const bookFloorUrl = 'http://book-floor.bench.invalid/'

const entry = `
import '@mantine/core/styles.css'
import { Badge, Button, Group, MantineProvider, Stack, Table, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'

const stores = ['handoverPages', 'roster', 'users']
const opened = new Promise((resolve, reject) => {
  const request = indexedDB.open('bookfloor', 1)
  request.onupgradeneeded = () => {
    const database = request.result
    database.createObjectStore('handoverPages', { keyPath: 'pageId' }).createIndex('datePattern', ['date', 'patternId'])
    database.createObjectStore('roster', { keyPath: 'date' })
    database.createObjectStore('users', { keyPath: 'employeeNo' })
  }
  request.onsuccess = () => resolve(request.result)
  request.onerror = () => reject(request.error)
})

window.fillBook = async (rows) => {
  const database = await opened
  await new Promise((resolve, reject) => {
    const tx = database.transaction(stores, 'readwrite')
    for (const store of stores) for (const row of rows[store]) tx.objectStore(store).put(row)
    tx.oncomplete = resolve
    tx.onerror = () => reject(tx.error)
  })
}

async function readBook(from, to) {
  const database = await opened
  return new Promise((resolve, reject) => {
    const tx = database.transaction(stores, 'readonly')
    const result = {}
    const get = (name, request) => (request.onsuccess = () => (result[name] = request.result))
    get('pages', tx.objectStore('handoverPages').index('datePattern').getAll(IDBKeyRange.bound([from, ''], [to, '\\uffff'])))
    get('roster', tx.objectStore('roster').getAll(IDBKeyRange.bound(from, to)))
    get('users', tx.objectStore('users').getAll())
    tx.oncomplete = () => resolve(result)
    tx.onerror = () => reject(tx.error)
  })
}

const patterns = ['morning', 'evening']
const shiftLabel = { morning: '早班', evening: '晚班' }
const stateLabel = { draft: '草稿', signed: '已签字', acknowledged: '已接收', countersigned: '已复核' }
const stateColor = { draft: 'gray', signed: 'blue', acknowledged: 'cyan', countersigned: 'teal' }
const time = (iso) => new Date(iso).toLocaleString('zh-CN', { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Shanghai' })

function Book({ from, to }) {
  const [book, setBook] = useState(null)
  useEffect(() => void readBook(from, to).then(setBook), [from, to])
  if (!book) return <Text>…</Text>
  const names = new Map(book.users.map((user) => [user.employeeNo, user.name]))
  const nameOf = (employeeNo) => (names.has(employeeNo) ? names.get(employeeNo) + '（' + employeeNo + '）' : employeeNo)
  const lines = book.pages.map((row) => ({ date: row.date, patternId: row.patternId, row }))
  for (const day of book.roster) {
    for (const shift of day.shifts) {
      if (!book.pages.some((row) => row.date === day.date && row.patternId === shift.patternId)) lines.push({ date: day.date, patternId: shift.patternId, shift })
    }
  }
  lines.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : patterns.indexOf(a.patternId) - patterns.indexOf(b.patternId)))
  return (
    <Table striped highlightOnHover aria-label="交接本">
      <Table.Thead>
        <Table.Tr>
          {['日期', '班次', '交班人', '接班人', '状态', '最后签字'].map((title) => <Table.Th key={title}>{title}</Table.Th>)}
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line) =>
          line.row ? (
            <Table.Tr key={line.row.pageId}>
              <Table.Td>{line.date}</Table.Td>
              <Table.Td>{shiftLabel[line.patternId] ?? line.patternId}</Table.Td>
              <Table.Td>{nameOf(line.row.outgoing)}</Table.Td>
              <Table.Td>{nameOf(line.row.incoming)}</Table.Td>
              <Table.Td>
                <Badge color={stateColor[line.row.state]}>{stateLabel[line.row.state]}</Badge>
                {line.row.waived && <Badge color="orange" variant="light" ml="xs">已豁免</Badge>}
              </Table.Td>
              <Table.Td>{time(line.row.countersignedAt ?? line.row.acknowledgedAt ?? line.row.signedAt)}</Table.Td>
              <Table.Td><Button size="xs" variant="subtle">打开</Button></Table.Td>
            </Table.Tr>
          ) : (
            <Table.Tr key={'missing:' + line.date + ':' + line.patternId}>
              <Table.Td>{line.date}</Table.Td>
              <Table.Td>{shiftLabel[line.patternId] ?? line.patternId}</Table.Td>
              <Table.Td>{line.shift.agents.map(nameOf).join('、')}</Table.Td>
              <Table.Td />
              <Table.Td><Badge color="gray" variant="outline">无交接页</Badge></Table.Td>
              <Table.Td />
              <Table.Td />
            </Table.Tr>
          ),
        )}
      </Table.Tbody>
    </Table>
  )
}

function Floor() {
  const [screen, setScreen] = useState('call')
  return (
    <MantineProvider>
      <Group align="flex-start" p="md">
        <Stack component="nav" aria-label="功能菜单" w={200}>
          <Button variant="subtle" onClick={() => setScreen('call')}>来电接待</Button>
          <Button variant="subtle" onClick={() => setScreen('handover')}>交接班</Button>
        </Stack>
        <main style={{ flex: 1 }}>{screen === 'handover' ? <Book from={window.bookRange.from} to={window.bookRange.to} /> : <Text>来电接待</Text>}</main>
      </Group>
    </MantineProvider>
  )
}
createRoot(document.getElementById('root')).render(<Floor />)
`

export interface BookRows {
  handoverPages: unknown[]
  roster: unknown[]
  users: unknown[]
}

/** Serves the floor page on `page` (call before `goto(bookFloorUrl)`), for the book of `from`..`to`. */
export async function serveBookFloorPage(page: Page, range: { from: string; to: string }): Promise<void> {
  const head = `<script>window.bookRange = ${JSON.stringify(range)}</script>`
  await serveBundledPage(page, { url: bookFloorUrl, entry, lang: 'zh-CN', head })
}

/** Puts the rows into the floor page's own IndexedDB (its origin cannot read the app's). */
export async function fillBookFloor(page: Page, rows: BookRows): Promise<void> {
  await page.evaluate((filled) => (globalThis as unknown as { fillBook(rows: BookRows): Promise<void> }).fillBook(filled), rows)
}
