import type { HandoverPage } from '../../../../../shared/domain/handover/page'
import type { UserRow } from '../../../db/schema'
import type { HandoverPageRow } from '../../../db/schema'

// Handover pages as the projection holds them, for the print view's tests.

const user = (employeeNo: string, name: string, role: UserRow['role']): UserRow => ({
  employeeNo,
  name,
  role,
  active: 1,
  addedAt: '2026-11-01T00:00:00.000Z',
  lockedUntil: null,
  pinResetAt: null,
})

export const printUsers = [user('E001', '王主管', 'supervisor'), user('E002', '张伟', 'agent'), user('E003', '李娜', 'agent'), user('E004', '赵班长', 'shiftLead')]

export function handoverPage(overrides: Partial<HandoverPage> = {}): HandoverPage {
  return {
    pageId: 'page-1',
    date: '2026-11-24',
    patternId: 'morning',
    outgoing: 'E002',
    incoming: 'E003',
    lead: 'E004',
    tickets: [
      { ticketId: 't-1', ticketNo: 'BJ01-20261124-3', kind: 'trackingInquiry', nextStep: '明早致电分公司查件', dueAt: '2026-11-25T16:00:00.000Z' },
      { ticketId: 't-2', ticketNo: 'BJ01-20261123-1', kind: 'overcharge', nextStep: '等财务退款', dueAt: '2026-11-25T06:30:00.000Z' },
    ],
    callbacks: [{ callbackId: 'cb-1', ticketId: 't-1', ticketNo: 'BJ01-20261124-3', dueAt: '2026-11-25T02:00:00.000Z', note: '告知客户查件结果' }],
    leftoverGoods: [
      { itemId: 'g-1', waybillNo: 'JT1234567890', description: '纸箱两件', branchTold: true },
      { itemId: 'g-2', waybillNo: 'JT5555555555', description: '冷链一件', branchTold: false },
    ],
    cases: [{ ticketId: 't-9', ticketNo: 'BJ01-20261120-2', kind: 'damageShortage', summary: '等分公司照片' }],
    equipmentFaults: [{ itemId: 'f-1', description: '2 号耳机有杂音', reported: true }],
    notices: [{ itemId: 'n-1', text: '12 月起华北线路调价' }],
    remarks: '交接顺利',
    ...overrides,
  }
}

export function countersignedRow(overrides: Partial<HandoverPageRow> = {}): HandoverPageRow {
  const page = handoverPage()
  return {
    pageId: page.pageId,
    date: page.date,
    patternId: page.patternId,
    outgoing: page.outgoing,
    incoming: page.incoming,
    lead: page.lead,
    state: 'countersigned',
    page,
    pageHash: 'ab'.repeat(32),
    draftedAt: '2026-11-24T09:20:00.000Z',
    signedAt: '2026-11-24T09:30:00.000Z',
    acknowledgedAt: '2026-11-24T09:35:00.000Z',
    waived: null,
    countersignedAt: '2026-11-24T09:40:00.000Z',
    countersignedBy: 'E004',
    checkpoint: { seq: 412, hash: 'cd'.repeat(32) },
    refused: [{ item: 'leftoverGoods:g-2', reason: '冷链货物不归本班处理' }],
    ackRemarks: '',
    corrections: [{ correctionId: 'c-1', by: 'E004', text: '冷链货物实为三件', at: '2026-11-24T11:00:00.000Z' }],
    ...overrides,
  }
}
