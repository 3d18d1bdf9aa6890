import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { defaultCallSettings } from '../../../../shared/domain/callSettings'
import { installApi } from '../../api/client'
import { fakeApi, ok } from '../../testing/fakeApi'
import { renderWithProviders } from '../../testing/render'
import { CallSettingsSection } from './CallSettingsSection'

describe('call settings hotkeys', () => {
  it('records a pressed combination and refuses reserved, duplicate and bare keys with a message per field', async () => {
    const callSettingsUpdate = vi.fn(async () => ok(defaultCallSettings))
    installApi(fakeApi({ callSettingsGet: async () => ok(defaultCallSettings), callSettingsUpdate }))
    const user = userEvent.setup()
    renderWithProviders(<CallSettingsSection />)

    expect(await screen.findByText(/例如 F2、Ctrl\+K、Alt\+Enter/)).toBeInTheDocument()
    expect(screen.queryByText(/mod 为/)).not.toBeInTheDocument()

    const hangUp = screen.getByLabelText('挂机')
    await user.click(hangUp)
    await user.keyboard('{Control>}k{/Control}')
    // Recorded in the hotkey form, and the same key as the phrase palette (mod+K).
    expect(hangUp).toHaveValue('ctrl+K')

    const closing = screen.getByLabelText('结束语已说')
    await user.clear(closing)
    await user.type(closing, 'x')
    const answer = screen.getByLabelText('接听')
    await user.click(answer)
    await user.keyboard('{Alt>}1{/Alt}')
    expect(answer).toHaveValue('alt+1')

    await user.click(screen.getByRole('button', { name: '保存来电处理设置' }))
    expect(await screen.findAllByText('与另一个操作的快捷键相同')).toHaveLength(2)
    expect(screen.getByText('单个字母或数字需配合 Ctrl 或 Alt（否则输入时会误触发）')).toBeInTheDocument()
    expect(screen.getByText('该组合键已被浏览器或场景话术占用，请换一个')).toBeInTheDocument()
    expect(callSettingsUpdate).not.toHaveBeenCalled()

    // Still editable as text: a valid key is saved.
    await user.clear(hangUp)
    await user.type(hangUp, 'F4')
    await user.clear(closing)
    await user.type(closing, 'F6')
    await user.click(answer)
    await user.keyboard('{F2}')
    expect(answer).toHaveValue('F2')
    await user.click(screen.getByRole('button', { name: '保存来电处理设置' }))
    await waitFor(() => expect(callSettingsUpdate).toHaveBeenCalledWith({ settings: defaultCallSettings }))
  })
})
