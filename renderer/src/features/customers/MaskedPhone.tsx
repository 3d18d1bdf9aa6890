import { Button, Group, Text } from '@mantine/core'
import { IconEye } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { maskPhone } from '../../../../shared/domain/tickets/lifecycle'
import { call } from '../../api/client'
import { ErrorAlert } from '../../ui/ErrorAlert'

export interface MaskedPhoneProps {
  phone: string
  /** Where the agent looked: the journal's reveal entry says so (001 r3). */
  context: 'ticket' | 'customer'
  ticketId?: string | null
  size?: 'xs' | 'sm' | 'md'
}

/**
 * A customer's phone as 138****5678 until the agent asks to see it: the reveal is journaled first
 * (customerRevealPhone), and only main's answer is shown. It stays revealed while this row is on screen.
 */
export function MaskedPhone({ phone, context, ticketId = null, size = 'sm' }: MaskedPhoneProps) {
  const { t } = useTranslation()
  const [revealed, setRevealed] = useState<{ of: string; full: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  // A row reused for another phone (the list re-sorted) must not keep showing the previous number.
  const full = revealed?.of === phone ? revealed.full : null

  const reveal = async () => {
    setBusy(true)
    setError(null)
    try {
      const answer = await call('customerRevealPhone', { phone, context, ticketId })
      setRevealed({ of: phone, full: answer.phone })
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Group gap={6} wrap="nowrap">
        <Text size={size} ff="monospace" data-testid="phone">
          {full ?? maskPhone(phone)}
        </Text>
        {full === null && (
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconEye size={14} />}
            loading={busy}
            onClick={(event) => {
              // Inside a clickable row: revealing is not opening the row.
              event.stopPropagation()
              void reveal()
            }}
            onKeyDown={(event) => event.stopPropagation()}
            aria-label={t('customers.revealPhone', { phone: maskPhone(phone) })}
          >
            {t('customers.reveal')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={error} />
    </>
  )
}
