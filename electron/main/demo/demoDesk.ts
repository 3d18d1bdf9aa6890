import { checklistItems, type ChecklistItems } from '../../../shared/domain/checklist'
import type { ChannelName } from '../../../shared/ipc/channels'
import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract'
import type { ErrorCode } from '../../../shared/ipc/errors'
import type { manualClock } from '../clock'
import type { SeatDeskServices } from '../services'

/** 003 岗前准备 with every item ticked. */
export const confirmedChecklist = Object.fromEntries(checklistItems.map((item) => [item, true])) as ChecklistItems

// The demo's hands on the seat: every action is a real IPC call through `dispatch` (validation,
// access rules, PIN checks), made at a time the demo chooses on its manual clock.
export class DemoDesk {
  constructor(
    private readonly services: SeatDeskServices,
    private readonly clock: ReturnType<typeof manualClock>,
  ) {}

  now(): number {
    return this.clock.now().getTime()
  }

  /** Moves the clock to `time`, never backwards: journal times only grow. */
  at(time: number): void {
    this.clock.set(new Date(Math.max(time, this.now() + 1_000)))
  }

  wait(ms: number): void {
    this.clock.advance(ms)
  }

  entries(): number {
    const journal = this.services.journalState()
    return journal.state === 'ok' ? journal.headSeq : 0
  }

  async call<K extends ChannelName>(channel: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
    const result = await this.services.dispatch(channel, request)
    if (!result.ok) throw new Error(`demo: ${channel} was refused: ${JSON.stringify(result.error)}`)
    return result.value as ResponseOf<K>
  }

  /** An action the demo means to fail (a mistyped PIN): anything else is a bug in the script. */
  async refused<K extends ChannelName>(channel: K, request: RequestOf<K>, code: ErrorCode): Promise<void> {
    const result = await this.services.dispatch(channel, request)
    if (result.ok || result.error.code !== code) {
      throw new Error(`demo: ${channel} should answer ${code}, got ${JSON.stringify(result)}`)
    }
  }
}
