import { Button, Group, Modal, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

const SEEN_KEY = 'seatdesk.recoveryNoticeSeen'

/** Told once per quarantine file: a reload after "Got it" does not repeat it. */
export function RecoveredNotice({ recovered }: { recovered: { quarantineFile: string; bytes: number } }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(() => window.localStorage.getItem(SEEN_KEY) !== recovered.quarantineFile)
  const acknowledge = () => {
    window.localStorage.setItem(SEEN_KEY, recovered.quarantineFile)
    setOpen(false)
  }
  return (
    <Modal opened={open} onClose={acknowledge} title={t('journal.recovered.title')} centered>
      <Text>{t('journal.recovered.body', { file: recovered.quarantineFile, bytes: recovered.bytes })}</Text>
      <Group justify="flex-end" mt="md">
        <Button onClick={acknowledge} data-autofocus>
          {t('journal.recovered.ok')}
        </Button>
      </Group>
    </Modal>
  )
}
