import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { checklistItems } from '../../../../shared/domain/checklist'
import { installApi } from '../../api/client'
import { useAppStore } from '../../app/appStore'
import { fail, fakeApi, ok, testSession } from '../../testing/fakeApi'
import { renderWithProviders } from '../../testing/render'
import ChecklistPage from './ChecklistPage'

describe('pre-shift checklist', () => {
  it('can be confirmed only with all seven items checked, signed with the PIN', async () => {
    const pending = testSession({ checklistConfirmedAt: null })
    const confirmed = testSession()
    const checklistConfirm = vi.fn(async () => ok(confirmed))
    installApi(fakeApi({ checklistConfirm }))
    const user = userEvent.setup()
    renderWithProviders(<ChecklistPage session={pending} />)

    const confirm = screen.getByRole('button', { name: '确认岗前准备' })
    const boxes = screen.getAllByRole('checkbox')
    expect(boxes).toHaveLength(7)
    expect(screen.getByRole('checkbox', { name: '已登录物流管理系统、客户关系管理系统、通讯软件' })).toBeInTheDocument()
    for (const box of boxes.slice(0, 6)) await user.click(box)
    expect(confirm).toBeDisabled()
    expect(screen.getByText('已确认 6 / 7 项')).toBeInTheDocument()

    await user.click(boxes[6]!)
    expect(confirm).toBeEnabled()
    await user.type(screen.getByLabelText('PIN（本人签名）'), '2580')
    await user.click(confirm)

    await vi.waitFor(() => expect(useAppStore.getState().session).toEqual(confirmed))
    expect(checklistConfirm).toHaveBeenCalledWith({
      items: Object.fromEntries(checklistItems.map((item) => [item, true])),
      pin: '2580',
    })
  })

  it('says "wrong PIN" for a wrong signature PIN, with the tries left', async () => {
    installApi(fakeApi({ checklistConfirm: async () => fail('badCredentials', { remainingAttempts: 3 }) }))
    const user = userEvent.setup()
    renderWithProviders(<ChecklistPage session={testSession({ checklistConfirmedAt: null })} />)
    for (const box of screen.getAllByRole('checkbox')) await user.click(box)
    await user.type(screen.getByLabelText('PIN（本人签名）'), '1111{Enter}')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('PIN 不正确，还可再试 3 次')
    expect(alert).not.toHaveTextContent('工号或 PIN')
  })

  it('does not show the seed number to agents', () => {
    installApi(fakeApi())
    renderWithProviders(<ChecklistPage session={testSession({ checklistConfirmedAt: null })} />)
    expect(screen.queryByText(/003/)).toBeNull()
  })
})
