import { defaultCallSettings } from '../../../shared/domain/callSettings'
import { seedScripts } from '../../../shared/domain/seedScripts'
import { defaultSettings } from '../../../shared/domain/settings'
import type { ChannelName } from '../../../shared/ipc/channels'
import type { RequestOf } from '../../../shared/ipc/contract'
import { confirmedChecklist } from '../demo/demoDesk'

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

const callAndScriptRequests: { [K in CallAndScriptChannel]: RequestOf<K> } = {
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

/** A valid request for every channel: the base the contract's bounds and fuzz tests distort. */
export const sampleRequests: { [K in ChannelName]: RequestOf<K> } = {
  appInfo: {},
  seatStatus: {},
  seatSetup: { companyName: '佳途物流', branchCode: 'SZ02', seatNumber: '02', supervisor: { employeeNo: 'S009', name: '林晓燕', pin: '246810' } },
  signIn: { employeeNo: 'S001', pin: '246810' },
  sessionCurrent: {},
  checklistConfirm: { items: confirmedChecklist, pin: '246810' },
  sessionLock: { reason: 'idle' },
  sessionUnlock: { pin: '246810' },
  signOut: {},
  usersList: {},
  userAdd: { employeeNo: 'A001', name: '张伟', role: 'agent', pin: '200001' },
  userSetActive: { employeeNo: 'A001', active: true },
  userResetPin: { employeeNo: 'A001', pin: '200002' },
  settingsGet: {},
  settingsUpdate: { settings: defaultSettings },
  journalRead: { afterSeq: 0, limit: 10 },
  ...callAndScriptRequests,
}
