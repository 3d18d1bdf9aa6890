import { Alert, Button, Group, List, Text } from '@mantine/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { canExportBook } from '../../../../../shared/domain/handover/leads'
import type { BookVerification } from '../../../../../shared/ipc/contract'
import { call } from '../../../api/client'
import { useAppStore } from '../../../app/appStore'
import { ErrorAlert } from '../../../ui/ErrorAlert'
import { printHash } from '../print/printRoute'

// The book's tools: verify every signature and checkpoint, export the dates for HQ, print them.
// Each says its outcome in plain words under the buttons. The export carries the journal, with the
// customers' phones and addresses: an agent sees why it is not theirs to press (main refuses it too).

type Outcome = { kind: 'verified'; result: BookVerification } | { kind: 'exported'; path: string; entries: number } | { kind: 'printed'; path: string } | null

const PRINT_READY_WAIT_MS = 10_000

/**
 * The print view (features/handover/print) marks the body once its pages are laid out; printing
 * before that would print a loading screen. Resolves false if it never gets there (the view keeps
 * its own Print button for that case).
 */
function printViewReady(): Promise<boolean> {
  return new Promise((resolve) => {
    const started = Date.now()
    const check = () => {
      if (document.body.dataset.printReady === '1') resolve(true)
      else if (Date.now() - started >= PRINT_READY_WAIT_MS) resolve(false)
      else setTimeout(check, 100)
    }
    check()
  })
}

export function BookTools({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState<'verify' | 'export' | 'print' | null>(null)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [error, setError] = useState<unknown>(null)
  const mayExport = useAppStore((state) => (state.session ? canExportBook(state.session.user.role) : false))
  const exportNoteId = useId()

  const run = async (kind: 'verify' | 'export' | 'print', work: () => Promise<Outcome>) => {
    setBusy(kind)
    setError(null)
    setOutcome(null)
    try {
      setOutcome(await work())
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(null)
    }
  }

  const verify = () => run('verify', async () => ({ kind: 'verified', result: await call('handoverVerify', {}) }))
  const exportBook = () => run('export', async () => ({ kind: 'exported', ...(await call('handoverExport', { from, to })) }))
  const print = () =>
    run('print', async () => {
      const info = await call('appInfo', {})
      if (info.runtime === 'electron') return { kind: 'printed', path: (await call('handoverPrintPdf', { from, to })).path }
      // The browser preview prints the print view itself, in this window.
      window.location.hash = printHash({ from, to })
      if (await printViewReady()) window.print()
      return null
    })

  return (
    <>
      <Group gap="xs">
        <Button variant="default" loading={busy === 'verify'} disabled={busy !== null} onClick={() => void verify()}>
          {t('handover.tools.verify')}
        </Button>
        <Button
          variant="default"
          loading={busy === 'export'}
          disabled={busy !== null || from > to || !mayExport}
          aria-describedby={mayExport ? undefined : exportNoteId}
          onClick={() => void exportBook()}
        >
          {t('handover.tools.export')}
        </Button>
        <Button variant="default" loading={busy === 'print'} disabled={busy !== null || from > to} onClick={() => void print()}>
          {t('handover.tools.print')}
        </Button>
      </Group>
      {!mayExport && (
        <Text size="xs" c="dimmed" id={exportNoteId}>
          {t('handover.tools.exportLeadsOnly')}
        </Text>
      )}
      <ErrorAlert error={error} />
      {outcome?.kind === 'verified' && <Verification result={outcome.result} />}
      {outcome?.kind === 'exported' && (
        <Alert color="teal" role="status">
          {t('handover.tools.exported', { path: outcome.path, count: outcome.entries })}
        </Alert>
      )}
      {outcome?.kind === 'printed' && (
        <Alert color="teal" role="status">
          {t('handover.tools.printed', { path: outcome.path })}
        </Alert>
      )}
    </>
  )
}

function Verification({ result }: { result: BookVerification }) {
  const { t } = useTranslation()
  const summary = { entries: result.entries, pages: result.pages, checkpoints: result.checkpoints }
  if (result.ok) {
    return (
      <Alert color="teal" role="status" title={t('handover.verify.okTitle')}>
        {t('handover.verify.ok', summary)}
      </Alert>
    )
  }
  return (
    <Alert color="red" role="alert" title={t('handover.verify.failedTitle', { count: result.problems.length })}>
      <Text size="sm">{t('handover.verify.summary', summary)}</Text>
      <List size="sm">
        {result.problems.map((problem, index) => (
          <List.Item key={index}>
            {t(`handover.verify.problems.${problem.code}`)}
            {problem.seq !== null && ` ${t('handover.verify.atSeq', { seq: problem.seq })}`}
            {problem.detail && ` — ${problem.detail}`}
          </List.Item>
        ))}
      </List>
    </Alert>
  )
}
