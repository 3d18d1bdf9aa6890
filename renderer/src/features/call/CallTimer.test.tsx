import { act, screen } from '@testing-library/react'
import { callView } from '../../testing/calls'
import { renderWithProviders } from '../../testing/render'
import { CallTimer } from './CallTimer'
import { playTimerTone } from './timerSound'

vi.mock('./timerSound', () => ({ playTimerTone: vi.fn() }))

const answeredAt = '2026-11-23T02:00:00.000Z'
const at = (seconds: number) => Date.parse(answeredAt) + seconds * 1000

describe('the handling timer', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.mocked(playTimerTone).mockClear()
  })
  afterEach(() => vi.useRealTimers())

  it('goes calm → warning → overtime from the stored answer time, also across a clock jump', () => {
    vi.setSystemTime(at(10))
    renderWithProviders(<CallTimer view={callView({ answeredAt })} sound />)
    const timer = screen.getByRole('timer', { name: '处理时长' })
    expect(timer).toHaveAttribute('data-phase', 'calm')
    expect(screen.getByTestId('call-elapsed')).toHaveTextContent('0:10')
    expect(screen.getByTestId('call-remaining')).toHaveTextContent('2:50')
    expect(playTimerTone).not.toHaveBeenCalled()

    act(() => vi.advanceTimersByTime(140_000)) // 2:30: the warning point
    expect(timer).toHaveAttribute('data-phase', 'warning')
    expect(screen.getByTestId('call-elapsed')).toHaveTextContent('2:30')
    expect(screen.getByTestId('call-remaining')).toHaveTextContent('0:30')
    expect(playTimerTone).toHaveBeenCalledWith('warning')

    // The window was hidden and no interval ran: the next draw still reads the right time.
    vi.setSystemTime(at(192))
    act(() => vi.advanceTimersByTime(250))
    expect(timer).toHaveAttribute('data-phase', 'overtime')
    expect(screen.getByTestId('call-elapsed')).toHaveTextContent('3:12')
    expect(screen.getByTestId('call-remaining')).toHaveTextContent('超时 +0:12')
    expect(playTimerTone).toHaveBeenLastCalledWith('overtime')
  })

  it('does not sound for the phase a restored call comes back in, nor when sound is off', () => {
    vi.setSystemTime(at(170))
    renderWithProviders(<CallTimer view={callView({ answeredAt })} sound={false} />)
    expect(screen.getByRole('timer')).toHaveAttribute('data-phase', 'warning')
    act(() => vi.advanceTimersByTime(15_000))
    expect(screen.getByRole('timer')).toHaveAttribute('data-phase', 'overtime')
    expect(playTimerTone).not.toHaveBeenCalled()
  })
})
