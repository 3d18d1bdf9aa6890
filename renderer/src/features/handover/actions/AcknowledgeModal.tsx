import { Alert, Badge, Checkbox, List, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { contract } from '../../../../../shared/ipc/contract'
import { call } from '../../../api/client'
import type { HandoverPageRow } from '../../../db/schema'
import { PinInput } from '../../../ui/PinInput'
import { zodValidator } from '../../../ui/zodForm'
import { ActionModal } from '../../tickets/ActionModal'
import { useUsers } from '../../tickets/useUsers'
import { PageView } from '../book/PageView'
import { usePageTicketsInTransfer, type PageTicketInTransfer } from '../data/handoverQueries'

// The incoming agent reads the page and accepts it with their own PIN. An item they will not carry on
// is refused with a reason, per item: it stays with the outgoing agent (a refused ticket does not move).
// A ticket the outgoing agent has offered to someone, the offer still open, does not move either:
// it stays theirs until the offer is settled. The form says so before the PIN, and the result after.

type Values = { refusing: Record<string, boolean>; reasons: Record<string, string>; remarks: string; pin: string }

export function toAcknowledgeRequest(pageId: string, values: Values) {
  const refused = Object.keys(values.refusing)
    .filter((item) => values.refusing[item])
    .map((item) => ({ item, reason: (values.reasons[item] ?? '').trim() }))
  return { pageId, refused, remarks: values.remarks.trim(), pin: values.pin }
}

/** Before signing: which tickets will stay with the outgoing agent because their transfer offer is open. */
function InTransferNotice({ tickets, outgoing }: { tickets: PageTicketInTransfer[]; outgoing: string }) {
  const { t } = useTranslation()
  const { nameOf } = useUsers()
  if (tickets.length === 0) return null
  return (
    <Alert color="orange" title={t('handover.acknowledge.inTransfer.title')} data-testid="tickets-in-transfer">
      <Text size="sm">{t('handover.acknowledge.inTransfer.body', { outgoing: nameOf(outgoing) })}</Text>
      <List size="sm" mt={4}>
        {tickets.map((ticket) => (
          <List.Item key={ticket.ticketId}>{t('handover.acknowledge.inTransfer.item', { ticketNo: ticket.ticketNo, to: nameOf(ticket.offeredTo) })}</List.Item>
        ))}
      </List>
    </Alert>
  )
}

export function AcknowledgeModal({ row, subject, onClose }: { row: HandoverPageRow; subject: string; onClose: () => void }) {
  const { t } = useTranslation()
  const { nameOf } = useUsers()
  const inTransfer = usePageTicketsInTransfer(row)
  const form = useForm<Values>({
    initialValues: { refusing: {}, reasons: {}, remarks: '', pin: '' },
    validate: zodValidator(contract.handoverAcknowledge.request, t, (values) => toAcknowledgeRequest(row.pageId, values), (values) => {
      // Each refusal needs its reason, shown beside its item.
      const errors: Record<string, string> = {}
      for (const [item, refusing] of Object.entries(values.refusing)) {
        if (refusing && (values.reasons[item] ?? '').trim() === '') errors[`reasons.${item}`] = t('validation.required')
      }
      return errors
    }),
  })
  const refusedCount = Object.values(form.values.refusing).filter(Boolean).length
  return (
    <ActionModal
      title={t('handover.acknowledge.title')}
      subject={subject}
      submitLabel={t('handover.acknowledge.submit')}
      form={form}
      action={async (values) => {
        const result = await call('handoverAcknowledge', toAcknowledgeRequest(row.pageId, values))
        // Main's answer is the fact (an offer may have been settled since the form opened): said until dismissed.
        if (result.inTransfer.length > 0) {
          notifications.show({
            color: 'orange',
            autoClose: false,
            title: t('handover.acknowledge.keptInTransfer.title'),
            message: t('handover.acknowledge.keptInTransfer.message', {
              count: result.inTransfer.length,
              ticketNos: result.inTransfer.map((ticket) => ticket.ticketNo).join('、'),
              outgoing: nameOf(row.outgoing),
            }),
          })
        }
        return result
      }}
      savedMessage={t('handover.acknowledge.done', { count: refusedCount })}
      onClose={onClose}
      pinOnly
      onRefused={() => form.setFieldValue('pin', '')}
    >
      <Text size="sm">{t('handover.acknowledge.intro')}</Text>
      <InTransferNotice tickets={inTransfer} outgoing={row.outgoing} />
      <PageView
        page={row.page}
        itemExtra={(ref, text) => (
          <Stack gap={4} mt={4} mb="xs">
            {inTransfer.some((ticket) => ref === `tickets:${ticket.ticketId}`) && (
              <Badge color="orange" variant="light" style={{ alignSelf: 'flex-start' }}>
                {t('handover.acknowledge.inTransfer.badge')}
              </Badge>
            )}
            <Checkbox
              label={t('handover.acknowledge.refuse')}
              aria-label={t('handover.acknowledge.refuseItem', { item: text })}
              checked={form.values.refusing[ref] ?? false}
              onChange={(event) => {
                const refusing = event.currentTarget.checked
                form.setFieldValue(`refusing.${ref}`, refusing)
                // The reason field appears with a value, so it is controlled from its first render.
                if (refusing && form.values.reasons[ref] === undefined) form.setFieldValue(`reasons.${ref}`, '')
              }}
            />
            {form.values.refusing[ref] && (
              <TextInput
                label={t('handover.acknowledge.reason')}
                aria-label={t('handover.acknowledge.reasonFor', { item: text })}
                withAsterisk
                {...form.getInputProps(`reasons.${ref}`)}
              />
            )}
          </Stack>
        )}
      />
      <Textarea label={t('handover.acknowledge.remarks')} autosize minRows={2} {...form.getInputProps('remarks')} />
      <PinInput label={t('handover.acknowledge.pin')} autoComplete="off" withAsterisk data-autofocus {...form.getInputProps('pin')} />
    </ActionModal>
  )
}
