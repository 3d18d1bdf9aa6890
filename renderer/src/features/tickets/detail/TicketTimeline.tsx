import { Text, Timeline } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { TicketKind } from '../../../../../shared/domain/tickets/kinds'
import type { TicketEventRow } from '../../../db/schema'
import { formatDateTime } from '../../../i18n/format'
import { statusLabel } from '../ticketLabels'
import { fieldLabel } from '../form/ticketFormErrors'

// Every change to a ticket, oldest first, each with who and when (issue 4 §4). The projection keeps
// what each line shows in `data`; a field it lacks is left out rather than guessed.

const text = (data: Record<string, unknown>, key: string): string | null => {
  const value = data[key]
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

type Describe = { t: TFunction; language: string; kind: TicketKind; nameOf: (employeeNo: string) => string; clockLabel: (clockId: string) => string }

function what(event: TicketEventRow, { t, language, kind, nameOf, clockLabel }: Describe): { title: string; body: string | null } {
  const data = event.data
  switch (event.kind) {
    case 'opened':
      return { title: t('tickets.timeline.opened'), body: null }
    case 'detailsUpdated': {
      // Which fields changed, not their values: a phone in the timeline would bypass the masking.
      const changes = Array.isArray(data.changes) ? (data.changes as { field?: unknown }[]) : []
      const fields = changes.flatMap((change) => (typeof change.field === 'string' ? [fieldLabel(t, kind, change.field)] : []))
      return { title: t('tickets.timeline.detailsUpdated'), body: fields.length > 0 ? t('tickets.timeline.changedFields', { fields: fields.join('、') }) : null }
    }
    case 'statusChanged': {
      const status = text(data, 'status')
      const waitingOn = text(data, 'waitingOn')
      const label = status ? statusLabel(t, status as never, (waitingOn as never) ?? null) : ''
      return { title: t('tickets.timeline.statusChanged', { status: label }), body: text(data, 'note') }
    }
    case 'noteAdded':
      return { title: t('tickets.timeline.noteAdded'), body: text(data, 'text') }
    case 'stepDone': {
      const clockId = text(data, 'clockId')
      const step = clockId ? clockLabel(clockId) : ''
      return { title: t('tickets.timeline.stepDone', { step }), body: text(data, 'note') }
    }
    case 'callbackScheduled': {
      const due = text(data, 'dueAt')
      return { title: t('tickets.timeline.callbackScheduled', { due: due ? formatDateTime(due, language) : '' }), body: text(data, 'note') }
    }
    case 'callbackDone': {
      const outcome = text(data, 'outcome')
      return { title: t('tickets.timeline.callbackDone', { outcome: outcome ? t(`tickets.callbacks.outcomes.${outcome}`) : '' }), body: text(data, 'note') }
    }
    case 'escalated': {
      const to = text(data, 'to')
      return { title: t('tickets.timeline.escalated', { to: to ? t(`tickets.escalate.targets.${to}`) : '' }), body: text(data, 'reason') }
    }
    case 'transferOffered': {
      const to = text(data, 'to')
      return { title: t('tickets.timeline.transferOffered', { to: to ? nameOf(to) : '' }), body: text(data, 'reason') }
    }
    case 'transferAccepted': {
      const to = text(data, 'to') ?? event.actor
      return { title: t('tickets.timeline.transferAccepted', { to: nameOf(to) }), body: null }
    }
    case 'transferDeclined':
      return { title: t('tickets.timeline.transferDeclined'), body: text(data, 'reason') }
    case 'transferCancelled':
      return { title: t('tickets.timeline.transferCancelled'), body: null }
    // Issue 5: accepted on a handover page; the words live with the handover book.
    case 'handedOver': {
      const to = text(data, 'to') ?? event.actor
      return { title: t('handover.timeline.handedOver', { to: nameOf(to) }), body: null }
    }
  }
}

export interface TicketTimelineProps {
  kind: TicketKind
  events: readonly TicketEventRow[]
  nameOf: (employeeNo: string) => string
  clockLabel: (clockId: string) => string
}

export function TicketTimeline({ kind, events, nameOf, clockLabel }: TicketTimelineProps) {
  const { t, i18n } = useTranslation()
  return (
    <Timeline bulletSize={14} lineWidth={2} active={events.length - 1} aria-label={t('tickets.timeline.title')}>
      {events.map((event) => {
        const line = what(event, { t, language: i18n.language, kind, nameOf, clockLabel })
        return (
          <Timeline.Item key={event.seq} title={line.title} data-event={event.kind}>
            {line.body && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {line.body}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t('tickets.timeline.byAt', { who: nameOf(event.actor), at: formatDateTime(event.at, i18n.language) })}
              {event.callId ? ` · ${t('tickets.timeline.duringCall')}` : ''}
            </Text>
          </Timeline.Item>
        )
      })}
    </Timeline>
  )
}
