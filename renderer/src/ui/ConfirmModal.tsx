import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export interface ConfirmModalProps {
  opened: boolean
  title: string
  children: ReactNode
  /** The confirm button's label: the action itself ("签退"), not "OK". */
  confirmLabel: string
  onConfirm: () => Promise<unknown> | void
  onCancel: () => void
  color?: string
  /** The action cannot be done now (the text says why); only Cancel works. */
  confirmDisabled?: boolean
}

/** Asks before an action that cannot simply be undone; Cancel has the focus, so Enter does not confirm by accident. */
export function ConfirmModal({ opened, title, children, confirmLabel, onConfirm, onCancel, color = 'red', confirmDisabled = false }: ConfirmModalProps) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const confirm = async () => {
    setBusy(true)
    try {
      await onConfirm()
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal opened={opened} onClose={onCancel} title={title} centered>
      <Stack>
        <Text size="sm">{children}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color={color} loading={busy} disabled={confirmDisabled} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
