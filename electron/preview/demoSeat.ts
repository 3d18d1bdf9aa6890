import { mkdir, readdir } from 'node:fs/promises'
import { createDemoSeat } from '../main/demo/createDemoSeat'
import type { DemoAccount } from '../main/demo/demoAccounts'

// `--demo`: a seat with history to click through. Only ever written into an empty folder, so an
// existing seat (a real one, or yesterday's demo) is never mixed with generated entries.

export type { DemoAccount }

/** The demo accounts when a demo seat was created, or null when the folder already holds data. */
export async function ensureDemoSeat(dataDir: string): Promise<DemoAccount[] | null> {
  await mkdir(dataDir, { recursive: true })
  if ((await readdir(dataDir)).length > 0) return null
  const demo = await createDemoSeat({ dataDir })
  return demo.users.map(({ employeeNo, name, role, pin }) => ({ employeeNo, name, role, pin }))
}
