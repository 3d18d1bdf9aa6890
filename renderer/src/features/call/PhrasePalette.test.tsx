import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { installApi } from '../../api/client'
import { useAppStore } from '../../app/appStore'
import { db } from '../../db/schema'
import { fakeCallService, projectSeedScripts } from '../../testing/calls'
import { fakeApi, testSeat, testSession } from '../../testing/fakeApi'
import { renderWithProviders } from '../../testing/render'
import CallPage from './CallPage'
import { useCallStore } from './callStore'

describe('the standard-phrase palette', () => {
  beforeEach(async () => {
    useAppStore.setState({ seat: testSeat, session: testSession() })
    useCallStore.setState({ settings: null, view: undefined })
    await projectSeedScripts(db)
  })

  it('opens with mod+K, groups the phrases by kind, searches, and copies the chosen one with Enter', async () => {
    installApi(fakeApi(fakeCallService().api))
    const user = userEvent.setup()
    renderWithProviders(<CallPage />)
    await screen.findByRole('button', { name: '接听' })

    await user.keyboard('{Control>}k{/Control}')
    const dialog = await screen.findByRole('dialog', { name: '标准用语' })
    const list = within(dialog).getByRole('listbox', { name: '标准用语列表' })
    expect((await within(list).findAllByRole('group')).map((group) => group.getAttribute('aria-label'))).toEqual([
      '问候',
      '祝贺',
      '欢迎',
      '致歉',
      '祈请',
      '致谢',
      '辞别',
    ])

    const search = within(dialog).getByRole('combobox', { name: '搜索用语' })
    await waitFor(() => expect(search).toHaveFocus())
    await user.type(search, '请')
    // 请原谅 (致歉), 请谅解 (致歉), 请稍候 (祈请), 请关照 (祈请)
    expect(within(list).getAllByRole('option').map((option) => option.textContent)).toEqual([
      '对不起！请原谅！',
      '请谅解！',
      '请稍候！请稍等！',
      '请关照！',
    ])
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(within(list).getByRole('option', { name: '请稍候！请稍等！' })).toHaveAttribute('aria-selected', 'true')
    await user.keyboard('{Enter}')
    expect(await within(dialog).findByText('已复制：请稍候！请稍等！')).toBeInTheDocument()
    expect(await navigator.clipboard.readText()).toBe('请稍候！请稍等！')

    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  })
})
