import { createTheme } from '@mantine/core'

// System CJK faces first, so Chinese renders with the platform's own font on Windows, macOS and Linux.
const cjkStack = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", system-ui, sans-serif'

export const theme = createTheme({
  fontFamily: cjkStack,
  headings: { fontFamily: cjkStack },
  primaryColor: 'teal',
  defaultRadius: 'sm',
  // Agents work by keyboard: focus must always be visible, not only for keyboard-detected focus.
  focusRing: 'always',
})
