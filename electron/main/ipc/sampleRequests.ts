import { defaultCallSettings } from '../../../shared/domain/callSettings'
import { seedScripts } from '../../../shared/domain/seedScripts'
import type { RequestOf } from '../../../shared/ipc/contract'

type CallAndScriptChannel =
  | 'callCurrent'
  | 'callAnswer'
  | 'callUpdate'
  | 'callMark'
  | 'callScriptShown'
  | 'callHangUp'
  | 'callComplete'
  | 'callSettingsGet'
  | 'callSettingsUpdate'
  | 'scriptsList'
  | 'scriptSave'
  | 'scriptRetire'
  | 'scriptsExport'
  | 'scriptsImport'

const [greeting] = seedScripts
if (!greeting) throw new Error('no seed scripts')

/** A valid request for each call and script channel, for the contract's bounds and fuzz tests. */
export const callAndScriptRequests: { [K in CallAndScriptChannel]: RequestOf<K> } = {
  callCurrent: {},
  callAnswer: {},
  callUpdate: { callerNumber: '138 1234 5678', customerName: '陈先生', notes: '查询运单 SF1234567890 到站情况' },
  callMark: { mark: 'greeting' },
  callScriptShown: { script: { scriptId: 'greeting.standard', version: 1 } },
  callHangUp: {},
  callComplete: { overTargetReason: 'complex-request' },
  callSettingsGet: {},
  callSettingsUpdate: { settings: defaultCallSettings },
  scriptsList: {},
  scriptSave: { script: greeting },
  scriptRetire: { scriptId: 'scenario.apology' },
  scriptsExport: {},
  scriptsImport: { json: JSON.stringify({ format: 'seatdesk-scripts/v1', scripts: [greeting] }) },
}
