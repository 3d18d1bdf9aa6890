import { parseCallerNumber } from '../../../shared/domain/phone'
import type { ScriptRef } from '../../../shared/domain/scripts'
import type { DemoDesk } from './demoDesk'
import type { DemoRandom } from './random'

// Believable calls for the demo seat, taken through the same channels the call screen uses. The mix
// follows the standard the seat is measured by (002: 受理时间低于3分钟/次): most calls well under
// three minutes, some in the warning band (2:30–3:00), a few over with a reason; greeting and closing
// mostly marked, now and then forgotten.

const SECOND = 1_000

/** About how many journal entries one demo call writes (answer … completed). */
export const ENTRIES_PER_CALL = 9

const mobilePrefixes = ['130', '131', '132', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '158', '159', '180', '182', '186', '187', '188', '189']
const surnames = ['陈', '李', '王', '刘', '黄', '周', '吴', '郑', '林', '何', '杨', '赵', '徐', '谢']
const honorifics = ['先生', '女士', '小姐', '经理', '老板']
const cities = ['深圳', '广州', '东莞', '佛山', '惠州', '长沙', '武汉', '成都', '上海', '杭州']
const districts = ['宝安', '龙华', '龙岗', '南山', '福田', '光明']
const overReasons = ['complex-request', 'waiting-branch', 'customer-chat', 'system-slow']

export interface CallScripts {
  greeting: ScriptRef
  closing: ScriptRef
  /** Scenario scripts an agent brings up mid-call (please wait, apology, tracking callback). */
  scenarios: ScriptRef[]
}

/** A call about something the demo scripts elsewhere (a ticket): who calls, the notes, the work on the call. */
export interface CallPlan {
  callerNumber: string | null
  customerName: string | null
  notes: string
  /** Done while the call is open, after the caller's details are typed (so it carries the callId). */
  duringCall(): Promise<void>
}

export class DemoCaller {
  constructor(
    private readonly desk: DemoDesk,
    private readonly random: DemoRandom,
  ) {}

  /** The current versions, read the way the call screen reads them. */
  async scripts(): Promise<CallScripts> {
    const listed = await this.desk.call('scriptsList', {})
    const ref = (category: string) => listed.filter((script) => script.category === category).map(({ scriptId, version }) => ({ scriptId, version }))
    const [greeting] = ref('greeting')
    const [closing] = ref('closing')
    if (!greeting || !closing) throw new Error('demo: the seat has no greeting or closing script')
    return { greeting, closing, scenarios: ref('scenario') }
  }

  async takeCall(scripts: CallScripts, plan: CallPlan | null = null): Promise<void> {
    const { desk, random } = this
    const handlingMs = this.handlingTime()
    const wrapUpMs = random.int(8, 35) * SECOND
    const started = desk.now()
    await desk.call('callAnswer', {})
    desk.wait(random.int(1, 3) * SECOND)
    await desk.call('callScriptShown', { script: scripts.greeting })
    if (random.chance(0.93)) await desk.call('callMark', { mark: 'greeting' })
    desk.wait(random.int(10, 40) * SECOND)
    await this.details(plan)
    await plan?.duringCall()
    if (scripts.scenarios.length && random.chance(0.35)) {
      desk.wait(random.int(5, 20) * SECOND)
      await desk.call('callScriptShown', { script: random.pick(scripts.scenarios) })
    }
    desk.at(started + handlingMs - wrapUpMs - random.int(3, 8) * SECOND)
    await desk.call('callScriptShown', { script: scripts.closing })
    if (random.chance(0.9)) await desk.call('callMark', { mark: 'closing' })
    desk.wait(random.int(2, 5) * SECOND)
    await desk.call('callHangUp', {})
    desk.at(started + handlingMs)
    const over = desk.now() - started > 180 * SECOND
    await desk.call('callComplete', { overTargetReason: over && random.chance(0.85) ? random.pick(overReasons) : null })
  }

  /** 70% well under target, 15% in the warning band (2:30–3:00), 15% over. */
  private handlingTime(): number {
    const roll = this.random.next()
    const seconds = roll < 0.7 ? this.random.int(75, 145) : roll < 0.85 ? this.random.int(151, 178) : this.random.int(185, 420)
    return seconds * SECOND
  }

  private async details(plan: CallPlan | null): Promise<void> {
    const { desk, random } = this
    const callerNumber = plan ? plan.callerNumber : random.chance(0.92) ? this.callerNumber() : null
    const customerName = plan ? plan.customerName : random.chance(0.75) ? `${random.pick(surnames)}${random.pick(honorifics)}` : null
    const notes = plan ? plan.notes : this.notes()
    // Now and then a fixed line typed without its area code first; the name and notes are kept.
    if (callerNumber && random.chance(0.04)) {
      await desk.refused('callUpdate', { callerNumber: `8${this.digits(7)}`, customerName, notes }, 'invalidCallerNumber')
      desk.wait(random.int(4, 12) * SECOND)
    }
    await desk.call('callUpdate', { callerNumber, customerName, notes })
  }

  /** Mostly mobiles, some Shenzhen/Guangzhou fixed lines, the odd 400 business line. */
  private callerNumber(): string {
    for (;;) {
      const roll = this.random.next()
      const typed =
        roll < 0.75
          ? `${this.random.pick(mobilePrefixes)}${this.digits(8)}`
          : roll < 0.95
            ? this.random.chance(0.7)
              ? `0755-8${this.digits(7)}`
              : `020-3${this.digits(7)}`
            : `400-${this.random.int(600, 899)}-${this.digits(4)}`
      if (parseCallerNumber(typed).ok) return typed
    }
  }

  private notes(): string {
    const { random } = this
    const waybill = `SF${this.digits(12)}`
    const from = random.pick(cities)
    const to = random.pick(cities.filter((city) => city !== from))
    const notes = [
      `查询运单 ${waybill} 到站情况`,
      `查询运单 ${waybill} 到站情况，已告知客户预计明天到达`,
      `下单：${from}发往${to}，${random.int(1, 20)}件，明天上午上门取件，已建议保价`,
      `咨询${from}到${to}运价及时效`,
      `运单 ${waybill} 要求改为电话控货`,
      `多收运费 ${random.int(5, 80)} 元，已致歉，2小时内处理`,
      `运单 ${waybill} 外包装破损，已联系分公司拍照核实`,
      `业务电话：${random.pick(districts)}区域，已告知分理处联系电话`,
    ]
    return random.pick(notes)
  }

  private digits(count: number): string {
    let text = ''
    for (let index = 0; index < count; index++) text += String(this.random.int(0, 9))
    return text
  }
}
