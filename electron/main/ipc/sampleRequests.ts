import { defaultCallSettings } from '../../../shared/domain/callSettings'
import { seedScripts } from '../../../shared/domain/seedScripts'
import { defaultSettings } from '../../../shared/domain/settings'
import { defaultShiftSettings } from '../../../shared/domain/handover/shifts'
import { defaultDeadlineSettings } from '../../../shared/domain/tickets/deadlines'
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

type TicketChannel =
  | 'ticketOpen'
  | 'ticketUpdate'
  | 'ticketSetStatus'
  | 'ticketAddNote'
  | 'ticketStepDone'
  | 'ticketScheduleCallback'
  | 'ticketRecordCallback'
  | 'ticketEscalate'
  | 'ticketTransferOffer'
  | 'ticketTransferAccept'
  | 'ticketTransferDecline'
  | 'ticketTransferCancel'
  | 'customerSave'
  | 'customerRevealPhone'
  | 'deadlineSettingsGet'
  | 'deadlineSettingsUpdate'
  | 'workingCalendarGet'
  | 'workingCalendarUpdate'

const ticketId = '4f9c2b1e-5d7a-4e36-9a0b-2c8d1f6e7a55'
const transferId = '0b7e3c9a-1f24-4d8e-b6a5-93c2e1d0f4a7'
const trackingInquiry = {
  kind: 'trackingInquiry',
  callerPhone: '138 1234 5678',
  customerName: '陈先生',
  callerRole: 'consignee',
  waybillNo: 'SF1234567890',
  goodsCheck: 'goodsFound',
  note: '客户询问货物是否到站',
} as const

const ticketRequests: { [K in TicketChannel]: RequestOf<K> } = {
  ticketOpen: { details: trackingInquiry },
  ticketUpdate: { ticketId, details: { ...trackingInquiry, goodsCheck: 'short' } },
  ticketSetStatus: { ticketId, to: 'waiting', waitingOn: 'branch', note: '已联系到站分公司核实' },
  ticketAddNote: { ticketId, text: '客户再次来电催问' },
  ticketStepDone: { ticketId, clockId: 'trackingInquiry.answer', note: '已回复客户' },
  ticketScheduleCallback: { ticketId, dueAt: '2026-03-02T15:30:00+08:00', note: '下午回电告知到站情况' },
  ticketRecordCallback: { ticketId, callbackId: '9d1e5f3a-7b2c-4a60-8e4f-1c3b5a7d9e20', outcome: 'reached', note: '客户已知悉' },
  ticketEscalate: { ticketId, to: 'complaintHandling', reason: '客户要求投诉送货员' },
  ticketTransferOffer: { ticketIds: [ticketId], to: 'A002', reason: '交接班移交' },
  ticketTransferAccept: { transferId, pin: '200002' },
  ticketTransferDecline: { transferId, reason: '非本人负责区域' },
  ticketTransferCancel: { transferId },
  customerSave: { customer: { phone: '138 1234 5678', name: '陈先生', role: 'consignee', company: '深圳市宏达电子有限公司', address: '深圳市南山区科技园南区' } },
  customerRevealPhone: { phone: '+8613812345678', context: 'ticket', ticketId },
  deadlineSettingsGet: {},
  deadlineSettingsUpdate: { settings: defaultDeadlineSettings },
  workingCalendarGet: {},
  workingCalendarUpdate: { settings: { overrides: [{ date: '2026-05-20', kind: 'holiday', note: '司庆日' }], coveredYears: [2027] } },
}

type HandoverChannel =
  | 'shiftSettingsGet'
  | 'shiftSettingsUpdate'
  | 'rosterSet'
  | 'handoverSaveDraft'
  | 'handoverSign'
  | 'handoverAcknowledge'
  | 'handoverWaive'
  | 'handoverCountersign'
  | 'handoverCorrect'
  | 'handoverVerify'
  | 'handoverExport'
  | 'handoverPrintPdf'

const pageId = '7c1d9e2a-3b4f-4a58-9c6d-0e1f2a3b4c5d'
const handoverPage = {
  pageId,
  date: '2026-03-02',
  patternId: 'morning',
  outgoing: 'A001',
  incoming: 'A002',
  lead: 'L001',
  tickets: [{ ticketId, ticketNo: 'SZ01-20260302-1', kind: 'trackingInquiry', nextStep: '联系到站分公司核实到货', dueAt: '2026-03-02T18:00:00+08:00' }],
  callbacks: [{ callbackId: '9d1e5f3a-7b2c-4a60-8e4f-1c3b5a7d9e20', ticketId, ticketNo: 'SZ01-20260302-1', dueAt: '2026-03-02T15:30:00+08:00', note: '下午回电告知到站情况' }],
  leftoverGoods: [{ itemId: 'lg-1', waybillNo: 'SF1234567890', description: '两箱电子配件滞留中转场', branchTold: true }],
  cases: [{ ticketId, ticketNo: 'SZ01-20260302-1', kind: 'damageShortage', summary: '外箱破损,待分公司拍照确认' }],
  equipmentFaults: [{ itemId: 'eq-1', description: '2号耳机麦克风有杂音', reported: true }],
  notices: [{ itemId: 'nt-1', text: '3月起华东线路报价调整' }],
  remarks: '晚班注意跟进破损件',
} satisfies RequestOf<'handoverSaveDraft'>['page']

const handoverRequests: { [K in HandoverChannel]: RequestOf<K> } = {
  shiftSettingsGet: {},
  shiftSettingsUpdate: { settings: defaultShiftSettings },
  rosterSet: { day: { date: '2026-03-02', shifts: [{ patternId: 'morning', agents: ['A001', 'A002'], lead: 'L001' }], duty: 'A001' } },
  handoverSaveDraft: { page: handoverPage },
  handoverSign: { page: handoverPage, pin: '200001' },
  handoverAcknowledge: { pageId, refused: [{ item: 'leftoverGoods:lg-1', reason: '未见实物,请先核对' }], remarks: '已接收其余事项', pin: '200002' },
  handoverWaive: { pageId, employeeNo: 'L001', pin: '300001', reason: '接班人员临时请假' },
  handoverCountersign: { pageId, employeeNo: 'L001', pin: '300001' },
  handoverCorrect: { pageId, employeeNo: 'L001', pin: '300001', text: '剩货件数应为三箱' },
  handoverVerify: {},
  handoverExport: { from: '2026-03-01', to: '2026-03-02' },
  handoverPrintPdf: { from: '2026-03-01', to: '2026-03-02' },
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
  ...ticketRequests,
  ...handoverRequests,
}
