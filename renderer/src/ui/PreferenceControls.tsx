import { ActionIcon, Group, SegmentedControl, Tooltip, useComputedColorScheme, useMantineColorScheme } from '@mantine/core'
import { IconMoon, IconSun } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { changeLanguage, type Language } from '../i18n'

/** 中文 / English, remembered on this machine. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('shell.language')}
      value={i18n.language}
      onChange={(value) => changeLanguage(value as Language)}
      data={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en', label: 'English' },
      ]}
    />
  )
}

/** Light / dark; Mantine remembers the choice. */
export function ColorSchemeToggle() {
  const { t } = useTranslation()
  const { setColorScheme } = useMantineColorScheme()
  const scheme = useComputedColorScheme('light')
  const label = scheme === 'dark' ? t('shell.toLight') : t('shell.toDark')
  return (
    <Tooltip label={label}>
      <ActionIcon variant="default" size="lg" aria-label={label} onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}>
        {scheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
      </ActionIcon>
    </Tooltip>
  )
}

/** The language switch and colour-scheme toggle: in the header, and on the setup and sign-in screens. */
export function PreferenceControls() {
  return (
    <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
      <LanguageSwitch />
      <ColorSchemeToggle />
    </Group>
  )
}
