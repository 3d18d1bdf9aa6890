import { Alert } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { describeError } from '../i18n/format'

/**
 * A refused call, said in the user's language, read out by screen readers (role="alert").
 * `pinOnly`: the form asked for a PIN alone, so a wrong one is said as "wrong PIN".
 */
export function ErrorAlert({ error, pinOnly = false }: { error: unknown; pinOnly?: boolean }) {
  const { t, i18n } = useTranslation()
  if (!error) return null
  return (
    <Alert role="alert" color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
      {describeError(t, error, i18n.language, Date.now(), { pinOnly })}
    </Alert>
  )
}
