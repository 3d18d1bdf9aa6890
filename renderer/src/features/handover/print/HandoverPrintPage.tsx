import { useTranslation } from 'react-i18next'
import type { ShiftPattern } from '../../../../../shared/domain/handover/shifts'
import type { Seat } from '../../../../../shared/domain/identity'
import type { UserRow } from '../../../db/schema'
import type { HandoverPageRow } from '../../../db/schema'
import { describeItemRef } from './pageItems'
import { PrintedItems } from './PrintedItems'
import { PrintedSignatures } from './PrintedSignatures'
import { PrintedTable } from './PrintedTable'
import { printedTime } from './printFormat'

export interface HandoverPrintPageProps {
  row: HandoverPageRow
  seat: Pick<Seat, 'companyName' | 'branchCode' | 'seatNumber'>
  users: Map<string, UserRow>
  patterns: Map<string, ShiftPattern>
}

/** One page of the handover book as it goes on paper: header, items, refusals, signatures, seals. */
export function HandoverPrintPage({ row, seat, users, patterns }: HandoverPrintPageProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'zh-CN'
  // The shift's name as it was when the page was signed (a supervisor may rename a pattern later).
  // A page signed before the name was recorded on it has only the settings' name; a pattern removed
  // from the settings since keeps its id.
  const shift = row.page.patternLabel?.[language] ?? patterns.get(row.patternId)?.label[language] ?? row.patternId
  // Someone the view does not know (yet) is still named by their number.
  const person = (employeeNo: string) => {
    const name = users.get(employeeNo)?.name
    return name ? t('handoverPrint.person', { name, employeeNo }) : employeeNo
  }
  const title = t('handoverPrint.title')

  return (
    <article className="handover-print-page" aria-label={t('handoverPrint.pageLabel', { date: row.date, shift })}>
      <header className="handover-print-header">
        <h1>{title}</h1>
        <p>{t('handoverPrint.seatLine', seat)}</p>
        <dl>
          <dt>{t('handoverPrint.date')}</dt>
          <dd>{row.date}</dd>
          <dt>{t('handoverPrint.shift')}</dt>
          <dd>{shift}</dd>
          <dt>{t('handoverPrint.outgoing')}</dt>
          <dd>{person(row.outgoing)}</dd>
          <dt>{t('handoverPrint.incoming')}</dt>
          <dd>{person(row.incoming)}</dd>
          <dt>{t('handoverPrint.lead')}</dt>
          <dd>{person(row.lead)}</dd>
        </dl>
      </header>
      <PrintedItems page={row.page} language={language} />
      <PrintedTable
        title={t('handoverPrint.sections.refused')}
        columns={[t('handoverPrint.columns.item'), t('handoverPrint.columns.reason')]}
        rows={row.refused.map((refusal) => {
          const item = describeItemRef(row.page, refusal.item)
          return {
            key: refusal.item,
            cells: [item.section ? `${t(`handoverPrint.sections.${item.section}`)}：${item.text}` : item.text, refusal.reason],
          }
        })}
      />
      {row.ackRemarks ? (
        <section className="handover-print-section">
          <h2>{t('handoverPrint.sections.ackRemarks')}</h2>
          <p className="handover-print-text">{row.ackRemarks}</p>
        </section>
      ) : null}
      <PrintedSignatures row={row} users={users} language={language} />
      <footer className="handover-print-seal">
        <div>
          {t('handoverPrint.pageHash')}: <code>{row.pageHash ?? t('handoverPrint.notSigned')}</code>
        </div>
        <div>
          {t('handoverPrint.checkpoint')}:{' '}
          <code>{row.checkpoint ? t('handoverPrint.checkpointValue', row.checkpoint) : t('handoverPrint.notCountersigned')}</code>
        </div>
      </footer>
      {row.corrections.length > 0 ? (
        <section className="handover-print-section handover-print-corrections">
          <h2>{t('handoverPrint.sections.corrections')}</h2>
          <ol>
            {row.corrections.map((correction) => (
              <li key={correction.correctionId}>
                <p className="handover-print-text">{correction.text}</p>
                <p>
                  {t('handoverPrint.correctedBy', { person: person(correction.by), at: printedTime(correction.at, language) })}
                </p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  )
}
