import { screen } from '@testing-library/react'
import { vi } from 'vitest'
import { renderWithProviders } from '../testing/render'
import { ScreenErrorBoundary } from './ScreenErrorBoundary'

function BrokenScreen(): never {
  throw new Error('chunk failed to load')
}

describe('ScreenErrorBoundary', () => {
  it('replaces a screen that throws with a translated explanation and a reload button', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
    renderWithProviders(
      <ScreenErrorBoundary>
        <BrokenScreen />
      </ScreenErrorBoundary>,
    )
    expect(screen.getByRole('alert')).toHaveTextContent('此页面未能打开')
    expect(screen.getByRole('button', { name: '重新加载' })).toBeInTheDocument()
    quiet.mockRestore()
  })

  it('renders a healthy screen untouched', () => {
    renderWithProviders(
      <ScreenErrorBoundary>
        <p>我的班次</p>
      </ScreenErrorBoundary>,
    )
    expect(screen.getByText('我的班次')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
