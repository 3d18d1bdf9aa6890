import { Badge, Button, Code, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HandoverPageRow } from '../../../db/schema'
import { formatDateTime } from '../../../i18n/format'
import { useUsers } from '../../tickets/useUsers'
import { AcknowledgeModal } from '../actions/AcknowledgeModal'
import { LeadSignatureModal, type LeadAction } from '../actions/LeadSignatureModal'
import { canCountersign } from '../data/bookState'
import { pageShiftLabel, useShiftSettings } from '../data/handoverQueries'
import { DraftModal } from '../draft/DraftModal'
import { PageView } from './PageView'
import { stateColor } from './stateColor'

// One page of the book: its content, its three signatures with names and times, the checkpoint its
// countersignature vouches for, and the corrections that cite it. The actions offered follow the
// page's state and who is signed in; main checks both again.

function Signature({ label, name, at }: { label: string; name: string; at: string | null }) {
  const { t, i18n } = useTranslation()
  return (
    <Paper withBorder p="xs" data-signature={label}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{name}</Text>
      <Text size="xs">{at ? formatDateTime(at, i18n.language) : t('handover.detail.notYet')}</Text>
    </Paper>
  )
}

export function PageDetail({ row, me, onClose }: { row: HandoverPageRow; me: string; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const { nameOf } = useUsers()
  const settings = useShiftSettings()
  const [action, setAction] = useState<LeadAction | 'acknowledge' | 'edit' | null>(null)
  const subject = t('handover.detail.subject', { date: row.date, shift: pageShiftLabel(settings, row.page, i18n.language), outgoing: nameOf(row.outgoing) })
  const closed = row.state === 'countersigned'

  if (action === 'acknowledge') return <AcknowledgeModal row={row} subject={subject} onClose={() => setAction(null)} />
  if (action === 'edit') return <DraftModal me={me} existing={row} onClose={() => setAction(null)} />
  if (action) return <LeadSignatureModal action={action} row={row} subject={subject} onClose={() => setAction(null)} />

  return (
    <Modal opened onClose={onClose} title={t('handover.detail.title')} size="xl">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text size="sm">{subject}</Text>
          <Badge color={stateColor[row.state]}>{t(`handover.state.${row.state}`)}</Badge>
        </Group>
        <SimpleGrid cols={3}>
          <Signature label={t('handover.detail.outgoing')} name={nameOf(row.outgoing)} at={row.signedAt} />
          <Signature label={t('handover.detail.incoming')} name={nameOf(row.incoming)} at={row.acknowledgedAt} />
          <Signature label={t('handover.detail.lead')} name={nameOf(row.countersignedBy ?? row.lead)} at={row.countersignedAt} />
        </SimpleGrid>
        {row.waived && (
          <Text size="sm" c="orange">
            {t('handover.detail.waived', { by: nameOf(row.waived.by), at: formatDateTime(row.waived.at, i18n.language), reason: row.waived.reason })}
          </Text>
        )}
        {row.checkpoint && (
          <Text size="sm" data-testid="checkpoint">
            {t('handover.detail.checkpoint', { seq: row.checkpoint.seq })} <Code>{row.checkpoint.hash.slice(0, 16)}</Code>
          </Text>
        )}
        <Group align="flex-start" grow wrap="nowrap">
          <PageView page={row.page} refused={row.refused} />
          {(closed || row.corrections.length > 0) && (
            <Stack gap={4} maw={280} data-testid="corrections">
              <Title order={5}>{t('handover.detail.corrections')}</Title>
              {row.corrections.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('handover.page.none')}
                </Text>
              ) : (
                row.corrections.map((correction) => (
                  <Paper key={correction.correctionId} withBorder p="xs">
                    <Text size="xs" c="dimmed">
                      {t('handover.detail.correctionBy', { by: nameOf(correction.by), at: formatDateTime(correction.at, i18n.language) })}
                    </Text>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {correction.text}
                    </Text>
                  </Paper>
                ))
              )}
            </Stack>
          )}
        </Group>
        {row.ackRemarks && <Text size="sm">{t('handover.detail.ackRemarks', { remarks: row.ackRemarks })}</Text>}
        <Group justify="flex-end">
          {row.state === 'draft' && row.outgoing === me && <Button onClick={() => setAction('edit')}>{t('handover.detail.editDraft')}</Button>}
          {row.state === 'signed' && row.incoming === me && <Button onClick={() => setAction('acknowledge')}>{t('handover.acknowledge.open')}</Button>}
          {row.state === 'signed' && row.waived === null && (
            <Button variant="default" onClick={() => setAction('waive')}>
              {t('handover.waive.open')}
            </Button>
          )}
          {!closed && row.state !== 'draft' && (
            <Button disabled={!canCountersign(row)} title={canCountersign(row) ? undefined : t('handover.countersign.notYet')} onClick={() => setAction('countersign')}>
              {t('handover.countersign.open')}
            </Button>
          )}
          {closed && (
            <Button variant="default" onClick={() => setAction('correct')}>
              {t('handover.correct.open')}
            </Button>
          )}
          <Button variant="subtle" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
