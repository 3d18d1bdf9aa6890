import { Button, Stack, Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionView } from '../../../../../shared/ipc/contract'
import { db, type ShiftSessionRow } from '../../../db/schema'
import { formatDeadline } from '../../../i18n/format'
import { showAttentionNotice } from '../../../ui/attentionNotices'
import { useNow } from '../../call/useNow'
import { DUE_SOON_MS, pendingTransfersFor } from '../data/ticketQueries'
import { ticketDueState } from '../dueState'
import { showTicket, showTicketsTab } from '../ticketsStore'
import { useUsers } from '../useUsers'
import { seenNoticeStore, ticketNotices, type TicketNotice } from './ticketNotices'

// Re-read the screen's clock on this beat: a deadline is crossed by time alone, and the rows hold the
// instants, so nothing here counts ticks.
const EVALUATE_EVERY_MS = 15_000
// More due notices than this at once (the first look of a shift with a backlog) become one summary.
const SUMMARY_ABOVE = 3

/**
 * Where escalations start to be news: the end of my previous session at this seat, else the start of
 * this one. What happened while I was away is told once at sign-in; what was told before is not.
 */
export function escalationsSince(sessions: readonly ShiftSessionRow[], current: Pick<SessionView, 'sessionId' | 'startedAt'>): string {
  const previous = sessions
    .filter((session) => session.sessionId !== current.sessionId && session.startedAt <= current.startedAt)
    .sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1))[0]
  return previous ? (previous.endedAt ?? previous.startedAt) : current.startedAt
}

type Words = (t: TFunction, language: string) => ReactNode

/** Text worded when drawn, not when shown: a notice on screen follows a change of language. */
function Worded({ words }: { words: Words }) {
  const { t, i18n } = useTranslation()
  return <>{words(t, i18n.language)}</>
}

function OpenButton({ label, onClick }: { label: Words; onClick: () => void }) {
  return (
    <Button size="compact-xs" variant="light" mt={4} onClick={onClick}>
      <Worded words={label} />
    </Button>
  )
}

function noticeBody(text: Words, openLabel: Words, onOpen: () => void): ReactNode {
  return (
    <Stack gap={0}>
      <Text size="sm">
        <Worded words={text} />
      </Text>
      <OpenButton label={openLabel} onClick={onOpen} />
    </Stack>
  )
}

const openTicketLabel: Words = (t) => t('tickets.notify.open')

function show(notice: TicketNotice, nameOf: (employeeNo: string) => string) {
  switch (notice.kind) {
    case 'overdue':
    case 'dueSoon': {
      const { ticket, kind } = notice
      showAttentionNotice({
        id: notice.key,
        color: kind === 'overdue' ? 'red' : 'orange',
        title: <Worded words={(t) => t(`tickets.notify.${kind}Title`, { number: ticket.ticketNo })} />,
        // An overdue ticket stays on screen until the agent closes the note; due soon fades.
        autoClose: kind === 'overdue' ? false : 15_000,
        message: noticeBody(
          (t, language) => t('tickets.notify.dueAt', { at: ticket.nextDueAt ? formatDeadline(ticket.nextDueAt, language) : '', customer: ticket.customerName ?? t('tickets.noCustomerName') }),
          openTicketLabel,
          () => showTicket(ticket.ticketId),
        ),
      })
      return
    }
    case 'escalated': {
      const { ticket, escalation } = notice
      showAttentionNotice({
        id: notice.key,
        color: 'orange',
        autoClose: false,
        title: <Worded words={(t) => t('tickets.notify.escalatedTitle', { number: ticket.ticketNo })} />,
        message: noticeBody(
          (t) => t('tickets.notify.escalated', { by: nameOf(escalation.by), to: t(`tickets.escalate.targets.${escalation.to}`), reason: escalation.reason }),
          openTicketLabel,
          () => showTicket(ticket.ticketId),
        ),
      })
      return
    }
    case 'transferOffered': {
      const { transfer } = notice
      showAttentionNotice({
        id: notice.key,
        color: 'blue',
        autoClose: false,
        title: <Worded words={(t) => t('tickets.notify.transferTitle')} />,
        message: noticeBody(
          (t) => t('tickets.notify.transfer', { from: nameOf(transfer.from), count: transfer.ticketIds.length }),
          (t) => t('tickets.notify.openTransfers'),
          () => showTicketsTab('transfers'),
        ),
      })
    }
  }
}

function showSummary(due: TicketNotice[]) {
  const overdue = due.filter((notice) => notice.kind === 'overdue').length
  showAttentionNotice({
    id: `summary:${due.map((notice) => notice.key).join('|')}`,
    color: overdue > 0 ? 'red' : 'orange',
    autoClose: false,
    title: <Worded words={(t) => t('tickets.notify.summaryTitle')} />,
    message: noticeBody(
      (t) => t('tickets.notify.summary', { overdue, dueSoon: due.length - overdue }),
      (t) => t('tickets.notify.openMine'),
      () => showTicketsTab('mine'),
    ),
  })
}

export interface TicketAttention {
  /** My tickets overdue now. */
  overdue: number
  /** Transfers offered to me, waiting for my answer. */
  transfers: number
}

/**
 * Mounted once in the shell for the signed-in agent: tells them when one of their tickets comes due
 * (into due soon, into overdue), when someone else escalates one, and when a transfer is offered to
 * them — each once per sign-in session, a reload included. Quiet while the screen is locked (the
 * notes would show over the lock screen); what came due meanwhile is told on unlock. Returns the
 * counts the navigation shows.
 */
export function useTicketNotifications(session: Pick<SessionView, 'sessionId' | 'startedAt' | 'user'>, active: boolean): TicketAttention {
  const me = session.user.employeeNo
  const now = useNow(active, EVALUATE_EVERY_MS)
  const { users, nameOf } = useUsers()
  const mine = useLiveQuery(() => db.tickets.where('[owner+open]').equals([me, 1]).toArray(), [me])
  const offers = useLiveQuery(() => pendingTransfersFor(db, me), [me])
  const since = useLiveQuery(async () => escalationsSince(await db.shiftSessions.where('employeeNo').equals(me).toArray(), session), [me, session.sessionId, session.startedAt])

  useEffect(() => {
    // Names are read first so a note never says a bare employee number where a name is known.
    if (!active || mine === undefined || offers === undefined || since === undefined || users === undefined) return
    const store = seenNoticeStore(window.sessionStorage, session.sessionId)
    const seen = store.read()
    const fresh = ticketNotices({ me, tickets: mine, offers, now, dueSoonMs: DUE_SOON_MS, escalationsSince: since }).filter((notice) => !seen.has(notice.key))
    if (fresh.length === 0) return
    // Marked seen before showing: a second run of this effect in the same tick must not show them again.
    store.add(fresh.map((notice) => notice.key))
    const due = fresh.filter((notice) => notice.kind === 'overdue' || notice.kind === 'dueSoon')
    if (due.length > SUMMARY_ABOVE) showSummary(due)
    else due.forEach((notice) => show(notice, nameOf))
    fresh.filter((notice) => notice.kind !== 'overdue' && notice.kind !== 'dueSoon').forEach((notice) => show(notice, nameOf))
  }, [active, mine, offers, since, users, now, me, session.sessionId, nameOf])

  return {
    overdue: mine?.filter((ticket) => ticketDueState(ticket, now, DUE_SOON_MS) === 'overdue').length ?? 0,
    transfers: offers?.length ?? 0,
  }
}
