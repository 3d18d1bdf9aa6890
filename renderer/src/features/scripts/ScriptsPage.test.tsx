import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { installApi } from '../../api/client'
import { db } from '../../db/schema'
import { projectSeedScripts } from '../../testing/calls'
import { fail, fakeApi, ok } from '../../testing/fakeApi'
import { renderWithProviders } from '../../testing/render'
import ScriptsPage from './ScriptsPage'

describe('the script library', () => {
  beforeEach(() => projectSeedScripts(db))

  it('lists the scripts by category with their version', async () => {
    installApi(fakeApi())
    renderWithProviders(<ScriptsPage />)
    const greetings = await screen.findByRole('table', { name: '问候语' })
    expect(within(greetings).getByText('标准问候')).toBeInTheDocument()
    expect(within(greetings).getByText('v1')).toBeInTheDocument()
    expect(within(screen.getByRole('table', { name: '场景话术' })).getAllByRole('row')).toHaveLength(6) // header + 5
  })

  it('refuses to publish a script with an unknown variable, naming it on the field', async () => {
    const scriptSave = vi.fn(async () => fail('internal'))
    installApi(fakeApi({ scriptSave }))
    const user = userEvent.setup()
    renderWithProviders(<ScriptsPage />)
    await user.click(await screen.findByRole('button', { name: '新建话术' }))
    const dialog = await screen.findByRole('dialog', { name: '新建话术' })
    await user.type(within(dialog).getByLabelText('话术编号'), 'scenario.refund')
    await user.type(within(dialog).getByLabelText('标题（中文）'), '退款')
    await user.type(within(dialog).getByLabelText('标题（英文）'), 'Refund')
    await user.type(within(dialog).getByLabelText('内容（中文）'), '您的退款{{foo}已办理')
    await user.type(within(dialog).getByLabelText('内容（英文）'), 'Your refund is done')
    await user.click(within(dialog).getByRole('button', { name: '发布' }))

    expect(await within(dialog).findByText('未知变量 {foo}')).toBeInTheDocument()
    expect(within(dialog).getByText('{waybillNo}')).toBeInTheDocument() // the known variables as hints
    expect(scriptSave).not.toHaveBeenCalled()
  })

  it('lists each bad entry of a refused import', async () => {
    const details = JSON.stringify([
      { index: 2, scriptId: 'scenario.x', problems: ['body.zh-CN unknownVariable foo'] },
      { index: 5, scriptId: 'greeting.standard', problems: ['scriptId duplicate'] },
    ])
    const scriptsImport = vi.fn(async () => fail('scriptsImportInvalid', { count: 3, first: 'index 2', details, listed: 2 }))
    installApi(fakeApi({ scriptsImport, scriptsExport: async () => ok({ json: '{}' }) }))
    const user = userEvent.setup()
    renderWithProviders(<ScriptsPage />)
    await user.click(await screen.findByRole('button', { name: '导入 JSON' }))
    const dialog = await screen.findByRole('dialog', { name: '导入话术' })
    await user.click(within(dialog).getByLabelText('或粘贴 JSON 内容'))
    await user.paste('{"format":"seatdesk-scripts/v1","scripts":[]}')
    await user.click(within(dialog).getByRole('button', { name: '检查并导入' }))

    const problems = await within(dialog).findByRole('list', { name: '有问题的条目' })
    expect(within(problems).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '第 3 条（scenario.x）： 内容（中文）：未知变量 {foo}',
      '第 6 条（greeting.standard）： 与前面的条目话术编号重复',
    ])
    expect(within(dialog).getByText('另有 1 条有问题，未逐条列出。')).toBeInTheDocument()
  })
})
