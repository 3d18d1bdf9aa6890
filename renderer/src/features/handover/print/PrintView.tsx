import { Alert, Button, Group, Text } from '@mantine/core'
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react'
import { useContext, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Seat } from '../../../../../shared/domain/identity'
import { ProjectionSyncContext } from '../../../app/ProjectionSyncContext'
import { db } from '../../../db/schema'
import { ErrorAlert } from '../../../ui/ErrorAlert'
import { Loading } from '../../../ui/Loading'
import { HandoverPrintPage } from './HandoverPrintPage'
import { readPrintBook, type PrintBookData } from './printBookData'
import { printRangeOf, type PrintRange } from './printRoute'
import './handoverPrint.css'

export interface PrintViewProps {
  seat: Pick<Seat, 'companyName' | 'branchCode' | 'seatNumber'>
  /** The location hash, `#print?from=…&to=…`. */
  hash: string
}

/** The book once the view has caught up with the journal: a print must not miss the last signature. */
function usePrintBook(range: PrintRange | null): { book: PrintBookData | null; error: unknown } {
  const sync = useContext(ProjectionSyncContext)
  const [state, setState] = useState<{ book: PrintBookData | null; error: unknown }>({ book: null, error: null })
  const from = range?.from
  const to = range?.to
  useEffect(() => {
    if (!from || !to) return
    let current = true
    const caughtUp = sync ? sync.requestCatchUp() : Promise.resolve()
    caughtUp
      .then(() => readPrintBook(db, { from, to }))
      .then(
        (book) => current && setState({ book, error: null }),
        (error: unknown) => current && setState({ book: null, error }),
      )
    return () => {
      current = false
    }
  }, [sync, from, to])
  return state
}

/** Main's printToPDF waits for this mark before it prints; it is cleared when the view goes. */
function useReadyForPrint(ready: boolean) {
  useEffect(() => {
    if (!ready) return
    let current = true
    // Fonts first: a page measured in a fallback font may break differently from the one printed.
    void (document.fonts?.ready ?? Promise.resolve()).then(() => {
      if (current) document.body.dataset.printReady = '1'
    })
    return () => {
      current = false
      delete document.body.dataset.printReady
    }
  }, [ready])
}

/** The PDF and the print dialog take their name from the document title. */
function useBookTitle(title: string) {
  useEffect(() => {
    const before = document.title
    document.title = title
    return () => {
      document.title = before
    }
  }, [title])
}

/**
 * The handover book's pages for a range of China dates, laid out for A4 with no app chrome: what main
 * prints to PDF, and what a supervisor prints from the browser preview. Only the toolbar is on screen.
 */
export default function PrintView({ seat, hash }: PrintViewProps) {
  const { t } = useTranslation()
  const range = printRangeOf(hash)
  const { book, error } = usePrintBook(range)
  useReadyForPrint(book !== null)
  useBookTitle(range ? `${t('handoverPrint.title')} ${t('handoverPrint.range', range)}` : t('handoverPrint.title'))

  return (
    <div className="handover-print">
      <Group className="handover-print-toolbar" p="sm" gap="sm" role="toolbar" aria-label={t('handoverPrint.toolbar')}>
        <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()} disabled={book === null} autoFocus>
          {t('handoverPrint.print')}
        </Button>
        <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => (window.location.hash = '')}>
          {t('handoverPrint.back')}
        </Button>
        {range ? <Text size="sm">{t('handoverPrint.range', range)}</Text> : null}
      </Group>
      {!range ? (
        <Alert color="red" m="sm" role="alert">
          {t('handoverPrint.badRange')}
        </Alert>
      ) : error ? (
        <ErrorAlert error={error} />
      ) : !book ? (
        <Loading />
      ) : book.pages.length === 0 ? (
        <p className="handover-print-page">{t('handoverPrint.noPages', range)}</p>
      ) : (
        book.pages.map((row) => <HandoverPrintPage key={row.pageId} row={row} seat={seat} users={book.users} patterns={book.patterns} />)
      )}
    </div>
  )
}
