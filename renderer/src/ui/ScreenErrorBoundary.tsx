import { Alert, Button, Stack, Text } from '@mantine/core'
import { Component, type ErrorInfo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

// A screen that fails to load (a lazy chunk missing after an update) or throws while rendering must
// not leave the agent looking at a blank window: say so and offer a reload. Nothing saved is lost —
// everything saved is in the journal, and the session lives in the main process.
function ScreenFailed({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation()
  return (
    <Alert color="red" title={t('app.screenError.title')} role="alert" m="md">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('app.screenError.body')}</Text>
        <Button variant="light" color="red" onClick={onReload}>
          {t('app.screenError.reload')}
        </Button>
      </Stack>
    </Alert>
  )
}

export class ScreenErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Screen failed to render', error, info.componentStack)
  }

  override render() {
    return this.state.failed ? <ScreenFailed onReload={() => window.location.reload()} /> : this.props.children
  }
}
