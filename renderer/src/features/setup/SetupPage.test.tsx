import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { installApi } from '../../api/client'
import { useAppStore } from '../../app/appStore'
import { fakeApi, ok, testSeat } from '../../testing/fakeApi'
import { renderWithProviders } from '../../testing/render'
import SetupPage from './SetupPage'

describe('first-run setup', () => {
  it('shows translated field errors from the shared schema and calls nothing', async () => {
    const seatSetup = vi.fn(async () => ok(testSeat))
    installApi(fakeApi({ seatSetup }))
    const user = userEvent.setup()
    renderWithProviders(<SetupPage />)

    expect(screen.getByLabelText(/公司名称/)).toHaveFocus()
    await user.type(screen.getByLabelText(/分公司代码/), 'b')
    await user.type(screen.getByLabelText(/^座席号/), '07')
    await user.type(screen.getByLabelText(/主管工号/), 'E 1')
    await user.type(screen.getByLabelText(/主管 PIN/), '12ab')
    await user.type(screen.getByLabelText(/再次输入 PIN/), '9999{Enter}')

    expect(await screen.findAllByText('必填')).toHaveLength(2) // company name, supervisor name
    expect(screen.getByText('至少 2 个字符')).toBeInTheDocument()
    expect(screen.getByText('工号只能包含字母、数字和连字符')).toBeInTheDocument()
    expect(screen.getByText('PIN 只能是数字')).toBeInTheDocument()
    expect(screen.getByText('两次输入的 PIN 不一致')).toBeInTheDocument()
    expect(screen.getByLabelText(/分公司代码/)).toHaveValue('B')
    expect(seatSetup).not.toHaveBeenCalled()
  })

  it('flags empty fields as required (the repeat-PIN too), PIN length in digits, and shows format hints', async () => {
    const seatSetup = vi.fn(async () => ok(testSeat))
    installApi(fakeApi({ seatSetup }))
    const user = userEvent.setup()
    renderWithProviders(<SetupPage />)

    expect(screen.getByText('字母、数字或连字符，最多 16 位')).toBeInTheDocument() // employee number
    expect(screen.getByText('字母、数字或连字符，最多 8 位')).toBeInTheDocument() // seat number
    expect(screen.getByText(/4–8 位数字/)).toBeInTheDocument() // PIN

    await user.click(screen.getByRole('button', { name: '完成设置' }))
    // Company, branch, seat, employee number, name, PIN, repeat-PIN: all empty, all "required".
    expect(await screen.findAllByText('必填')).toHaveLength(7)
    expect(screen.queryByText(/至少/)).toBeNull()

    await user.type(screen.getByLabelText(/主管 PIN/), '12{Enter}')
    expect(await screen.findByText('PIN 为 4–8 位数字')).toBeInTheDocument()
    expect(seatSetup).not.toHaveBeenCalled()
  })

  it('offers the language switch before setup', async () => {
    installApi(fakeApi())
    renderWithProviders(<SetupPage />)
    expect(screen.getByRole('radiogroup', { name: '界面语言' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '切换到深色模式' })).toBeInTheDocument()
  })

  it('sends the seat and the supervisor (without the repeated PIN) when Enter is pressed', async () => {
    const seatSetup = vi.fn(async () => ok(testSeat))
    installApi(fakeApi({ seatSetup }))
    const user = userEvent.setup()
    renderWithProviders(<SetupPage />)

    await user.type(screen.getByLabelText(/公司名称/), '佳途物流')
    await user.type(screen.getByLabelText(/分公司代码/), 'bj01')
    await user.type(screen.getByLabelText(/^座席号/), '07')
    await user.type(screen.getByLabelText(/主管工号/), 'E001')
    await user.type(screen.getByLabelText(/主管姓名/), '王主管')
    await user.type(screen.getByLabelText(/主管 PIN/), '2580')
    await user.type(screen.getByLabelText(/再次输入 PIN/), '2580{Enter}')

    await vi.waitFor(() => expect(useAppStore.getState().seat).toEqual(testSeat))
    expect(seatSetup).toHaveBeenCalledWith({
      companyName: '佳途物流',
      branchCode: 'BJ01',
      seatNumber: '07',
      supervisor: { employeeNo: 'E001', name: '王主管', pin: '2580' },
    })
  })
})
