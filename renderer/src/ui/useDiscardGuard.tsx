import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ConfirmModal } from './ConfirmModal'

export interface DiscardGuard {
  /** Cancel, Esc, a click outside: closes an untouched form at once and asks first for one with changes. */
  requestClose: () => void
  /**
   * The question. Render it beside the form's modal, never inside it: a keypress in it would bubble
   * (through the portal) to the form's own Esc handling.
   */
  confirmation: ReactNode
  /** The question is open: Esc is its answer, not the form's (a drawer must not hear it too). */
  asking: boolean
}

/** What the question says; the default is about "what was typed", any form. */
export interface DiscardTexts {
  title?: string
  body?: string
  confirm?: string
}

/** Typed work is not dropped by a stray Esc or click: the agent says so first. */
export function useDiscardGuard(isDirty: () => boolean, close: () => void, texts: DiscardTexts = {}): DiscardGuard {
  const { t } = useTranslation()
  const [asking, setAsking] = useState(false)
  const requestClose = () => (isDirty() ? setAsking(true) : close())
  const confirmation = (
    <ConfirmModal
      opened={asking}
      title={texts.title ?? t('common.discard.title')}
      confirmLabel={texts.confirm ?? t('common.discard.confirm')}
      onConfirm={() => {
        setAsking(false)
        close()
      }}
      onCancel={() => setAsking(false)}
    >
      {texts.body ?? t('common.discard.body')}
    </ConfirmModal>
  )
  return { requestClose, confirmation, asking }
}
