import { Box, Center, Paper } from '@mantine/core'
import type { ReactNode } from 'react'
import { PreferenceControls } from './PreferenceControls'

/**
 * The frame of the screens shown before the app shell exists (setup, sign-in): a centred card, with
 * the language and colour-scheme switches in the corner so nobody has to get through them in a
 * language they cannot read.
 */
export function StandaloneScreen({ width, children }: { width: number; children: ReactNode }) {
  return (
    <Center mih="100vh" p="md" pos="relative">
      <Box pos="absolute" top="var(--mantine-spacing-md)" right="var(--mantine-spacing-md)">
        <PreferenceControls />
      </Box>
      <Paper withBorder p="xl" w="100%" maw={width}>
        {children}
      </Paper>
    </Center>
  )
}
