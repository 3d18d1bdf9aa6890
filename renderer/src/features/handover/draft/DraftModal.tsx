import { ActionIcon, Button, Checkbox, Group, Modal, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useCallback, useContext, useEffect, useRef, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { handoverPageSchema, type HandoverPage } from '../../../../../shared/domain/handover/page'
import type { ShiftSettings } from '../../../../../shared/domain/handover/shifts'
import { chinaDateOf } from '../../../../../shared/domain/tickets/chinaTime'
import { pinSchema } from '../../../../../shared/domain/identity'
import { call } from '../../../api/client'
import { ProjectionSyncContext } from '../../../app/ProjectionSyncContext'
import { db, type HandoverPageRow, type RosterRow } from '../../../db/schema'
import { formatDeadline } from '../../../i18n/format'
import { ErrorAlert } from '../../../ui/ErrorAlert'
import { Loading } from '../../../ui/Loading'
import { useDiscardGuard } from '../../../ui/useDiscardGuard'
import { PinInput } from '../../../ui/PinInput'
import { translateIssue, zodValidator } from '../../../ui/zodForm'
import { kindLabel } from '../../tickets/ticketLabels'
import { useUsers } from '../../tickets/useUsers'
import { patternLabel, useShiftSettings, useTicketsInTransfer } from '../data/handoverQueries'
import { prefilledPage, resumedPage, type PrefillChoice } from './draftPrefill'

// "Start handover": the outgoing agent chooses the shift, the date and who takes over, the page is
// filled from the view (their open tickets, callbacks and cases), they write the next step of each
// ticket and the shift's goods, faults and notices, then save a draft or sign with their PIN.

const newId = () => crypto.randomUUID()

/** Who the roster says takes over after `patternId` on `date` (the next shift's first other agent) and who leads it. */
export function rosterChoice(day: RosterRow | undefined, settings: ShiftSettings, patternId: string, me: string): { incoming: string | null; lead: string | null } {
  const shift = day?.shifts.find((candidate) => candidate.patternId === patternId)
  const order = settings.patterns.map((pattern) => pattern.id)
  const next = day?.shifts
    .filter((candidate) => order.indexOf(candidate.patternId) > order.indexOf(patternId))
    .sort((a, b) => order.indexOf(a.patternId) - order.indexOf(b.patternId))[0]
  return { incoming: next?.agents.find((agent) => agent !== me) ?? null, lead: shift?.lead ?? null }
}

type Choice = { patternId: string; date: string; incoming: string | null; lead: string | null }

/**
 * The page is filled from the view once it has caught up with the journal: a ticket opened a moment
 * ago must be on it (main refuses a page that leaves one out). A catch-up that fails leaves the view
 * as it is (the journal screen says why) and main still checks the page when it is signed. Outside
 * the app (tests) there is no sync.
 */
function useCaughtUp(): () => Promise<void> {
  const sync = useContext(ProjectionSyncContext)
  return useCallback(() => (sync ? sync.requestCatchUp().catch(() => undefined) : Promise.resolve()), [sync])
}

function ChooseStep({ me, onChosen, onCancel }: { me: string; onChosen: (page: HandoverPage) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation()
  const caughtUp = useCaughtUp()
  const settings = useShiftSettings()
  const { users, nameOf } = useUsers()
  const [choice, setChoice] = useState<Choice>({ patternId: settings.patterns[0]?.id ?? '', date: chinaDateOf(Date.now()), incoming: null, lead: null })
  const [loading, setLoading] = useState(false)
  const active = (users ?? []).filter((user) => user.active === 1)
  const options = (exclude: string | null) =>
    active.filter((user) => user.employeeNo !== exclude).map((user) => ({ value: user.employeeNo, label: nameOf(user.employeeNo) }))

  // The roster, if the supervisor set one for the day, pre-selects who takes over and who leads.
  const choose = async (next: Pick<Choice, 'patternId' | 'date'>) => {
    const day = await db.roster.get(next.date)
    const fromRoster = rosterChoice(day, settings, next.patternId, me)
    setChoice((current) => ({ ...current, ...next, incoming: fromRoster.incoming ?? current.incoming, lead: fromRoster.lead ?? current.lead }))
  }
  // Today's roster applies from the start too: it fills whoever is not chosen yet (never overrides a choice).
  const [opening] = useState(() => ({ patternId: choice.patternId, date: choice.date }))
  useEffect(() => {
    let live = true
    void db.roster.get(opening.date).then((day) => {
      if (!live) return
      const fromRoster = rosterChoice(day, settings, opening.patternId, me)
      setChoice((current) => ({ ...current, incoming: current.incoming ?? fromRoster.incoming, lead: current.lead ?? fromRoster.lead }))
    })
    return () => {
      live = false
    }
  }, [opening, settings, me])
  const ready = choice.patternId !== '' && choice.incoming !== null && choice.lead !== null && choice.incoming !== me

  const start = async () => {
    if (!ready) return
    setLoading(true)
    try {
      await caughtUp()
      // My draft of this shift, if I saved one: carry on with it rather than start again, its tickets
      // brought up to date with the view.
      const saved = await db.handoverPages.where('[date+patternId]').equals([choice.date, choice.patternId]).filter((row) => row.outgoing === me && row.state === 'draft').first()
      const addressing: PrefillChoice = { pageId: saved?.pageId ?? newId(), date: choice.date, patternId: choice.patternId, outgoing: me, incoming: choice.incoming!, lead: choice.lead! }
      const fresh = await prefilledPage(db, addressing)
      onChosen(saved ? resumedPage(saved.page, fresh) : fresh)
    } finally {
      setLoading(false)
    }
  }

  return (
    <Stack gap="sm">
      <Select
        label={t('handover.draft.shift')}
        data={settings.patterns.map((pattern) => ({ value: pattern.id, label: patternLabel(settings, pattern.id, i18n.language) }))}
        value={choice.patternId}
        allowDeselect={false}
        onChange={(value) => value && void choose({ patternId: value, date: choice.date })}
        withAsterisk
      />
      <TextInput label={t('handover.draft.date')} type="date" value={choice.date} onChange={(event) => void choose({ patternId: choice.patternId, date: event.currentTarget.value })} withAsterisk />
      {/* Both are required: picking the one already chosen (say, the roster's) keeps it rather than clearing it. */}
      <Select
        label={t('handover.draft.incoming')}
        data={options(me)}
        value={choice.incoming}
        onChange={(value) => setChoice((current) => ({ ...current, incoming: value }))}
        allowDeselect={false}
        searchable
        withAsterisk
      />
      <Select
        label={t('handover.draft.lead')}
        data={options(null)}
        value={choice.lead}
        onChange={(value) => setChoice((current) => ({ ...current, lead: value }))}
        allowDeselect={false}
        searchable
        withAsterisk
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button disabled={!ready} loading={loading} onClick={() => void start()}>
          {t('handover.draft.continue')}
        </Button>
      </Group>
    </Stack>
  )
}

type Values = HandoverPage & { pin: string }
const pageOf = ({ pin: _pin, ...page }: Values): HandoverPage => page

function EditStep({ initial, onDone, onCancel, dirty }: { initial: HandoverPage; onDone: () => void; onCancel: () => void; dirty: RefObject<() => boolean> }) {
  const { t, i18n } = useTranslation()
  const { nameOf } = useUsers()
  const settings = useShiftSettings()
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState<'save' | 'sign' | null>(null)
  const translate = (issue: Parameters<typeof translateIssue>[1], field?: { value: unknown }) =>
    issue.message === 'incomingIsOutgoing' ? t('handover.validation.incomingIsOutgoing') : translateIssue(t, issue, field)
  const form = useForm<Values>({ initialValues: { ...initial, pin: '' }, validate: zodValidator(handoverPageSchema, t, pageOf, undefined, translate) })
  // The modal asks before closing over unsaved changes; it reads them from here.
  useEffect(() => {
    dirty.current = () => form.isDirty()
  })

  const send = async (kind: 'save' | 'sign') => {
    setError(null)
    if (form.validate().hasErrors) return
    if (kind === 'sign' && !pinSchema.safeParse(form.values.pin).success) {
      form.setFieldError('pin', form.values.pin === '' ? t('validation.required') : t('validation.pinLength'))
      return
    }
    setBusy(kind)
    try {
      const page = handoverPageSchema.parse(pageOf(form.values))
      if (kind === 'save') await call('handoverSaveDraft', { page })
      else await call('handoverSign', { page, pin: form.values.pin })
      notifications.show({ color: 'teal', message: t(kind === 'save' ? 'handover.draft.saved' : 'handover.draft.signed') })
      if (kind === 'sign') onDone()
      else form.resetDirty()
    } catch (caught) {
      form.setFieldValue('pin', '')
      setError(caught)
    } finally {
      setBusy(null)
    }
  }

  const values = form.values
  const inTransfer = useTicketsInTransfer(values.outgoing, values.tickets.map((item) => item.ticketId))
  const offeredTo = (ticketId: string) => inTransfer.find((ticket) => ticket.ticketId === ticketId)?.offeredTo
  return (
    <Stack gap="sm">
      <Text size="sm">
        {t('handover.draft.heading', { date: values.date, shift: patternLabel(settings, values.patternId, i18n.language), incoming: nameOf(values.incoming), lead: nameOf(values.lead) })}
      </Text>
      <Title order={5}>{t('handover.sections.tickets')}</Title>
      {values.tickets.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('handover.page.none')}
        </Text>
      )}
      {values.tickets.map((item, index) => (
        <TextInput
          key={item.ticketId}
          data-ticket={item.ticketNo}
          label={t('handover.draft.ticketLabel', {
            ticketNo: item.ticketNo,
            kind: kindLabel(item.kind, i18n.language),
            due: item.dueAt ? t('handover.page.due', { at: formatDeadline(item.dueAt, i18n.language) }) : t('handover.page.noDue'),
          })}
          placeholder={t('handover.draft.nextStep')}
          // Offered to a colleague and not yet answered: the page lists it, but it will not move with it.
          description={offeredTo(item.ticketId) !== undefined ? t('handover.draft.inTransfer', { to: nameOf(offeredTo(item.ticketId) ?? '') }) : undefined}
          withAsterisk
          {...form.getInputProps(`tickets.${index}.nextStep`)}
        />
      ))}
      <Title order={5}>{t('handover.sections.callbacks')}</Title>
      {values.callbacks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('handover.page.none')}
        </Text>
      ) : (
        values.callbacks.map((item) => (
          <Text key={item.callbackId} size="sm">
            {t('handover.page.callbackLine', { ticketNo: item.ticketNo, due: t('handover.page.due', { at: formatDeadline(item.dueAt, i18n.language) }), note: item.note })}
          </Text>
        ))
      )}
      <Title order={5}>{t('handover.sections.cases')}</Title>
      {values.cases.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('handover.page.none')}
        </Text>
      )}
      {values.cases.map((item, index) => (
        <TextInput key={item.ticketId} label={t('handover.draft.caseLabel', { ticketNo: item.ticketNo, kind: kindLabel(item.kind, i18n.language) })} withAsterisk {...form.getInputProps(`cases.${index}.summary`)} />
      ))}
      <ListSection
        title={t('handover.sections.leftoverGoods')}
        addLabel={t('handover.draft.addGoods')}
        onAdd={() => form.insertListItem('leftoverGoods', { itemId: newId(), waybillNo: '', description: '', branchTold: false })}
      >
        {values.leftoverGoods.map((item, index) => (
          <Group key={item.itemId} align="flex-end" wrap="nowrap">
            <TextInput label={t('handover.draft.waybillNo')} withAsterisk {...form.getInputProps(`leftoverGoods.${index}.waybillNo`)} />
            <TextInput style={{ flex: 1 }} label={t('handover.draft.goodsDescription')} withAsterisk {...form.getInputProps(`leftoverGoods.${index}.description`)} />
            <Checkbox label={t('handover.draft.branchTold')} {...form.getInputProps(`leftoverGoods.${index}.branchTold`, { type: 'checkbox' })} />
            <RemoveButton label={t('handover.draft.remove')} onClick={() => form.removeListItem('leftoverGoods', index)} />
          </Group>
        ))}
      </ListSection>
      <ListSection
        title={t('handover.sections.equipmentFaults')}
        addLabel={t('handover.draft.addFault')}
        onAdd={() => form.insertListItem('equipmentFaults', { itemId: newId(), description: '', reported: false })}
      >
        {values.equipmentFaults.map((item, index) => (
          <Group key={item.itemId} align="flex-end" wrap="nowrap">
            <TextInput style={{ flex: 1 }} label={t('handover.draft.faultDescription')} withAsterisk {...form.getInputProps(`equipmentFaults.${index}.description`)} />
            <Checkbox label={t('handover.draft.reported')} {...form.getInputProps(`equipmentFaults.${index}.reported`, { type: 'checkbox' })} />
            <RemoveButton label={t('handover.draft.remove')} onClick={() => form.removeListItem('equipmentFaults', index)} />
          </Group>
        ))}
      </ListSection>
      <ListSection title={t('handover.sections.notices')} addLabel={t('handover.draft.addNotice')} onAdd={() => form.insertListItem('notices', { itemId: newId(), text: '' })}>
        {values.notices.map((item, index) => (
          <Group key={item.itemId} align="flex-end" wrap="nowrap">
            <TextInput style={{ flex: 1 }} label={t('handover.draft.noticeText')} withAsterisk {...form.getInputProps(`notices.${index}.text`)} />
            <RemoveButton label={t('handover.draft.remove')} onClick={() => form.removeListItem('notices', index)} />
          </Group>
        ))}
      </ListSection>
      <Textarea label={t('handover.sections.remarks')} autosize minRows={2} {...form.getInputProps('remarks')} />
      {form.errors.incoming && <Text c="red" size="sm">{form.errors.incoming}</Text>}
      <PinInput label={t('handover.draft.pin')} autoComplete="off" {...form.getInputProps('pin')} />
      <ErrorAlert error={error} pinOnly />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button variant="light" loading={busy === 'save'} disabled={busy !== null} onClick={() => void send('save')}>
          {t('handover.draft.save')}
        </Button>
        <Button loading={busy === 'sign'} disabled={busy !== null} onClick={() => void send('sign')}>
          {t('handover.draft.sign')}
        </Button>
      </Group>
    </Stack>
  )
}

function ListSection({ title, addLabel, onAdd, children }: { title: string; addLabel: string; onAdd: () => void; children: React.ReactNode }) {
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Title order={5}>{title}</Title>
        <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={onAdd}>
          {addLabel}
        </Button>
      </Group>
      {children}
    </Stack>
  )
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onClick} mb={4}>
      <IconTrash size={16} />
    </ActionIcon>
  )
}

/** My saved draft, its tickets brought up to date with the view; null while it is read. */
function useResumedDraft(existing: HandoverPageRow | undefined): HandoverPage | null {
  // The draft as it was when opened: the view's later updates do not restart the editing.
  const [draft] = useState(existing?.page)
  const [page, setPage] = useState<HandoverPage | null>(null)
  const caughtUp = useCaughtUp()
  useEffect(() => {
    if (!draft) return
    let live = true
    const { pageId, date, patternId, outgoing, incoming, lead } = draft
    void caughtUp()
      .then(() => prefilledPage(db, { pageId, date, patternId, outgoing, incoming, lead }))
      .then((fresh) => live && setPage(resumedPage(draft, fresh)))
    return () => {
      live = false
    }
  }, [draft, caughtUp])
  return page
}

/** A new page (choose, then edit), or my saved draft (edit straight away). */
export function DraftModal({ me, existing, onClose }: { me: string; existing?: HandoverPageRow; onClose: () => void }) {
  const { t } = useTranslation()
  const [chosen, setChosen] = useState<HandoverPage | null>(null)
  const resumed = useResumedDraft(existing)
  const page = existing ? resumed : chosen
  const dirty = useRef<() => boolean>(() => false)
  const { requestClose, confirmation } = useDiscardGuard(() => dirty.current(), onClose)
  return (
    <>
      <Modal opened onClose={requestClose} title={t('handover.draft.title')} size="xl" closeOnClickOutside={false}>
        {page ? (
          <EditStep initial={page} onDone={onClose} onCancel={requestClose} dirty={dirty} />
        ) : existing ? (
          <Loading />
        ) : (
          <ChooseStep me={me} onChosen={setChosen} onCancel={onClose} />
        )}
      </Modal>
      {confirmation}
    </>
  )
}
