import { Badge, Group, List, Stack, Text, Title } from '@mantine/core'
import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { HandoverPage, RefusedItem } from '../../../../../shared/domain/handover/page'
import { formatDeadline } from '../../../i18n/format'
import { kindLabel } from '../../tickets/ticketLabels'

// A page's content, section by section, as both the book and the acknowledging agent read it. Each
// item carries its reference (`tickets:<id>`…) so the acknowledge form can put a refusal beside it.

type Item = { ref: string; text: string }

function sections(page: HandoverPage, t: TFunction, language: string): { key: string; items: Item[] }[] {
  const due = (at: string | null) => (at ? t('handover.page.due', { at: formatDeadline(at, language) }) : t('handover.page.noDue'))
  return [
    {
      key: 'tickets',
      items: page.tickets.map((item) => ({
        ref: `tickets:${item.ticketId}`,
        text: t('handover.page.ticketLine', { ticketNo: item.ticketNo, kind: kindLabel(item.kind, language), nextStep: item.nextStep, due: due(item.dueAt) }),
      })),
    },
    {
      key: 'callbacks',
      items: page.callbacks.map((item) => ({
        ref: `callbacks:${item.callbackId}`,
        text: t('handover.page.callbackLine', { ticketNo: item.ticketNo, due: due(item.dueAt), note: item.note }),
      })),
    },
    {
      key: 'cases',
      items: page.cases.map((item) => ({
        ref: `cases:${item.ticketId}`,
        text: t('handover.page.caseLine', { ticketNo: item.ticketNo, kind: kindLabel(item.kind, language), summary: item.summary }),
      })),
    },
    {
      key: 'leftoverGoods',
      items: page.leftoverGoods.map((item) => ({
        ref: `leftoverGoods:${item.itemId}`,
        text: t('handover.page.goodsLine', {
          waybillNo: item.waybillNo,
          description: item.description,
          told: item.branchTold ? t('handover.page.branchTold') : t('handover.page.branchNotTold'),
        }),
      })),
    },
    {
      key: 'equipmentFaults',
      items: page.equipmentFaults.map((item) => ({
        ref: `equipmentFaults:${item.itemId}`,
        text: t('handover.page.faultLine', { description: item.description, reported: item.reported ? t('handover.page.reported') : t('handover.page.notReported') }),
      })),
    },
    { key: 'notices', items: page.notices.map((item) => ({ ref: `notices:${item.itemId}`, text: item.text })) },
  ]
}

export function PageView({ page, refused = [], itemExtra }: { page: HandoverPage; refused?: RefusedItem[]; itemExtra?: (ref: string, text: string) => ReactNode }) {
  const { t, i18n } = useTranslation()
  return (
    <Stack gap="sm" data-testid="handover-page-content">
      {sections(page, t, i18n.language).map((section) => (
        <Stack key={section.key} gap={4}>
          <Title order={5}>{t(`handover.sections.${section.key}`)}</Title>
          {section.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('handover.page.none')}
            </Text>
          ) : (
            <List size="sm" spacing={4}>
              {section.items.map((item) => {
                const refusal = refused.find((entry) => entry.item === item.ref)
                return (
                  <List.Item key={item.ref} data-item={item.ref}>
                    <Group gap="xs" wrap="wrap">
                      <Text size="sm">{item.text}</Text>
                      {refusal && (
                        <Badge color="orange" variant="light">
                          {t('handover.page.refused', { reason: refusal.reason })}
                        </Badge>
                      )}
                    </Group>
                    {itemExtra?.(item.ref, item.text)}
                  </List.Item>
                )
              })}
            </List>
          )}
        </Stack>
      ))}
      <Stack gap={4}>
        <Title order={5}>{t('handover.sections.remarks')}</Title>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {page.remarks || t('handover.page.none')}
        </Text>
      </Stack>
    </Stack>
  )
}
