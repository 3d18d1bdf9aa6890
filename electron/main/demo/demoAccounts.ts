import type { Role } from '../../../shared/domain/roles'

// The demo seat's people. Their PINs are published (README, the preview's console), so a demo seat is
// for trying the app only.
export interface DemoAccount {
  employeeNo: string
  name: string
  role: Role
  pin: string
}

export const demoCompany = { companyName: '佳途物流', branchCode: 'SZ01', seatNumber: '01' } as const

export const demoSupervisor: DemoAccount = { employeeNo: 'S001', name: '林晓燕', role: 'supervisor', pin: '246810' }

/** Added by the supervisor at setup. */
export const demoStaff: readonly DemoAccount[] = [
  { employeeNo: 'L001', name: '王建国', role: 'shiftLead', pin: '135790' },
  { employeeNo: 'L002', name: '陈丽华', role: 'shiftLead', pin: '112233' },
  { employeeNo: 'A001', name: '张伟', role: 'agent', pin: '200001' },
  { employeeNo: 'A002', name: '李娜', role: 'agent', pin: '200002' },
  { employeeNo: 'A003', name: '刘洋', role: 'agent', pin: '200003' },
  { employeeNo: 'A004', name: '赵敏', role: 'agent', pin: '200004' },
  { employeeNo: 'A005', name: '黄志强', role: 'agent', pin: '200005' },
]

/** Joins a third of the way through the history. */
export const demoNewcomer: DemoAccount = { employeeNo: 'A006', name: '孙悦', role: 'agent', pin: '200006' }

export const demoAccounts: readonly DemoAccount[] = [demoSupervisor, ...demoStaff, demoNewcomer]
