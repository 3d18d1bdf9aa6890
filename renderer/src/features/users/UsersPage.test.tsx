import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { installApi } from '../../api/client'
import { db } from '../../db/schema'
import { fakeApi, ok } from '../../testing/fakeApi'
import { renderWithProviders } from '../../testing/render'
import UsersPage from './UsersPage'

describe('users', () => {
  beforeEach(async () => {
    await db.users.clear()
    await db.users.put({ employeeNo: 'A007', name: '李座席', role: 'agent', active: 1, addedAt: '', lockedUntil: null, pinResetAt: null })
  })

  it('asks before disabling a user; Cancel changes nothing', async () => {
    const userSetActive = vi.fn(async () => ok(null as never))
    installApi(fakeApi({ userSetActive }))
    const user = userEvent.setup()
    renderWithProviders(<UsersPage />)

    const actions = await screen.findByRole('group', { name: '李座席（A007）' })
    expect(screen.getByRole('cell', { name: '座席员' })).toBeInTheDocument()
    await user.click(within(actions).getByRole('button', { name: '停用' }))
    const confirm = await screen.findByRole('dialog', { name: '停用用户' })
    expect(confirm).toHaveTextContent('李座席（A007）不能再签到')
    await user.click(within(confirm).getByRole('button', { name: '取消' }))
    expect(userSetActive).not.toHaveBeenCalled()

    await user.click(within(actions).getByRole('button', { name: '停用' }))
    await user.click(within(await screen.findByRole('dialog', { name: '停用用户' })).getByRole('button', { name: '停用' }))
    await vi.waitFor(() => expect(userSetActive).toHaveBeenCalledWith({ employeeNo: 'A007', active: false }))
  })

  it('add-user form: format hints, "required" for empty fields, the translated PIN visibility buttons', async () => {
    const { useUsersScreen } = await import('./usersStore')
    installApi(fakeApi())
    const user = userEvent.setup()
    renderWithProviders(<UsersPage />)
    await user.click(await screen.findByRole('button', { name: '添加用户' }))
    const dialog = await screen.findByRole('dialog', { name: '添加用户' })
    expect(within(dialog).getByText('字母、数字或连字符，最多 16 位')).toBeInTheDocument()
    expect(within(dialog).getByText('4–8 位数字')).toBeInTheDocument()
    expect(within(dialog).getAllByRole('button', { name: '显示或隐藏 PIN' })).toHaveLength(2)
    await user.click(within(dialog).getByRole('button', { name: '添加' }))
    // Employee number, name, PIN and repeat-PIN.
    expect(await within(dialog).findAllByText('必填')).toHaveLength(4)
    useUsersScreen.setState({ adding: false })
  })
})
