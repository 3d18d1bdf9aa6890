import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { installApi } from '../../api/client'
import { useAppStore } from '../../app/appStore'
import { db } from '../../db/schema'
import { callView, fakeCallService, projectSeedScripts } from '../../testing/calls'
import { fakeApi, testSeat, testSession } from '../../testing/fakeApi'
import { renderWithProviders } from '../../testing/render'
import CallPage from './CallPage'
import { useCallStore } from './callStore'
import { ScriptPrompt } from './ScriptPrompt'

// The scripts beside the call form are counted as they render: typing in the notes must not redraw
// them (the notes are not in any script), typing the customer's name must (the greeting names them).
vi.mock('./ScriptPrompt', async (original) => {
  const actual = await original<typeof import('./ScriptPrompt')>()
  return { ...actual, ScriptPrompt: vi.fn(actual.ScriptPrompt) }
})

describe('the call details beside the scripts', () => {
  beforeEach(async () => {
    useAppStore.setState({ seat: testSeat, session: testSession({ user: { employeeNo: 'A007', name: '李座席', role: 'agent' } }) })
    useCallStore.setState({ settings: null, view: undefined })
    await projectSeedScripts(db)
  })

  it('redraw the scripts for a key in the customer name, and not for a key in the notes', async () => {
    const service = fakeCallService({ open: callView({ answeredAt: new Date().toISOString() }) })
    installApi(fakeApi(service.api))
    const user = userEvent.setup()
    renderWithProviders(<CallPage />)
    const notes = await screen.findByLabelText('备注（业务簿）')
    await screen.findByText(/我是客服李座席/)
    // The greeting and the closing are reported shown, and main's answers redraw the call once more:
    // counted only after that.
    await waitFor(() => expect(service.channels().filter((channel) => channel === 'callScriptShown')).toHaveLength(2))
    await act(async () => new Promise((resolve) => setTimeout(resolve, 100)))
    const renders = vi.mocked(ScriptPrompt)

    renders.mockClear()
    await user.type(notes, '客户要求回电')
    expect(renders).not.toHaveBeenCalled()

    await user.type(screen.getByLabelText('客户姓名'), '王')
    expect(renders).toHaveBeenCalled()
  })
})
