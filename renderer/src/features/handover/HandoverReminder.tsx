import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useUsers } from '../tickets/useUsers'
import { AcknowledgeModal } from './actions/AcknowledgeModal'
import { LeadSignatureModal } from './actions/LeadSignatureModal'
import { pageShiftLabel, useAwaitingMe, useShiftSettings } from './data/handoverQueries'

// Nothing falls between shifts: while a signed page addressed to the signed-in agent waits for their
// acknowledgement, it stays in front of every screen (no close button, no Esc). It goes away once
// they acknowledge it, or a lead waives it with a written reason at the seat.

export function HandoverReminder({ employeeNo }: { employeeNo: string }) {
  const { t, i18n } = useTranslation()
  const awaiting = useAwaitingMe(employeeNo)
  const settings = useShiftSettings()
  const { nameOf } = useUsers()
  const [action, setAction] = useState<'acknowledge' | 'waive' | null>(null)
  // The oldest first: shifts are taken over in order.
  const row = [...awaiting].sort((a, b) => (a.signedAt ?? '').localeCompare(b.signedAt ?? ''))[0]
  if (!row) return null
  const subject = t('handover.detail.subject', { date: row.date, shift: pageShiftLabel(settings, row.page, i18n.language), outgoing: nameOf(row.outgoing) })
  if (action === 'acknowledge') return <AcknowledgeModal row={row} subject={subject} onClose={() => setAction(null)} />
  if (action === 'waive') return <LeadSignatureModal action="waive" row={row} subject={subject} onClose={() => setAction(null)} />
  return (
    <Modal opened onClose={() => {}} withCloseButton={false} closeOnEscape={false} closeOnClickOutside={false} title={t('handover.reminder.title')}>
      <Stack gap="sm" data-testid="handover-reminder">
        <Text size="sm">{t('handover.reminder.body', { subject, count: awaiting.length })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setAction('waive')}>
            {t('handover.waive.open')}
          </Button>
          <Button data-autofocus onClick={() => setAction('acknowledge')}>
            {t('handover.acknowledge.open')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
