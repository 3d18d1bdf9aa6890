import { PasswordInput, type PasswordInputProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/**
 * A PIN field: a PasswordInput on the numeric pad whose show/hide button is named in the user's
 * language (Mantine's own label is English).
 */
export function PinInput(props: PasswordInputProps) {
  const { t } = useTranslation()
  return (
    <PasswordInput
      inputMode="numeric"
      {...props}
      visibilityToggleButtonProps={{ 'aria-label': t('common.togglePinVisibility'), ...props.visibilityToggleButtonProps }}
    />
  )
}
