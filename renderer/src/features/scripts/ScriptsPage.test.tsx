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

  it('translates schema problems in an import, never showing zod codes', async () => {
    const details = JSON.stringify([
      { index: 0, scriptId: 'Bad Id', problems: ['scriptId invalid_format', 'category invalid_value', 'title invalid_type', 'body.en too_small'] },
      { index: 1, scriptId: null, problems: ['script invalid_type', 'script unrecognized_keys'] },
    ])
    installApi(fakeApi({ scriptsImport: async () => fail('scriptsImportInvalid', { count: 2, first: 'index 0', details, listed: 2 }) }))
    const user = userEvent.setup()
    renderWithProviders(<ScriptsPage />)
    await user.click(await screen.findByRole('button', { name: '导入 JSON' }))
    const dialog = await screen.findByRole('dialog', { name: '导入话术' })
    await user.click(within(dialog).getByLabelText('或粘贴 JSON 内容'))
    await user.paste('{}')
    await user.click(within(dialog).getByRole('button', { name: '检查并导入' }))
    const problems = await within(dialog).findByRole('list', { name: '有问题的条目' })
    const texts = within(problems).getAllByRole('listitem').map((item) => item.textContent ?? '')
    expect(texts[0]).toBe('第 1 条（Bad Id）： 话术编号：格式不符合要求；类别：不是允许的取值；标题：缺少此项或类型不对；内容（英文）：为空或太短')
    expect(texts[1]).toContain('整条记录：缺少此项或类型不对')
    expect(texts.join()).not.toMatch(/invalid_|too_small|unrecognized/)
  })

  it('says "no changes" when re-publishing an unchanged script, and names publishers', async () => {
    await db.users.put({ employeeNo: 'S001', name: '张主管', role: 'supervisor', active: 1, addedAt: new Date().toISOString(), lockedUntil: null, pinResetAt: null })
    await db.scripts.update('scenario.apology', { publishedBy: 'S001', version: 2 })
    const scriptSave = vi.fn(async () => ok({ scriptId: 'greeting.standard', category: 'greeting' as const, phraseKind: null, title: { 'zh-CN': '标准问候', en: 'Standard greeting' }, body: { 'zh-CN': 'x', en: 'x' }, version: 1 }))
    installApi(fakeApi({ scriptSave }))
    const user = userEvent.setup()
    renderWithProviders(<ScriptsPage />)
    const greetings = await screen.findByRole('table', { name: '问候语' })
    expect(within(greetings).getByText('系统')).toBeInTheDocument()
    expect(within(greetings).queryByText('seat')).not.toBeInTheDocument()
    expect(await within(screen.getByRole('table', { name: '场景话术' })).findByText('张主管（S001）')).toBeInTheDocument()

    await user.click(within(greetings).getByRole('button', { name: '编辑 标准问候' }))
    const dialog = await screen.findByRole('dialog', { name: /编辑话术/ })
    await user.click(within(dialog).getByRole('button', { name: '发布' }))
    expect(await screen.findByText('greeting.standard 没有改动，仍为第 1 版。')).toBeInTheDocument()
    expect(screen.queryByText(/已发布 greeting.standard/)).not.toBeInTheDocument()
  })
})
