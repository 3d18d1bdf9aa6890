import { useTranslation } from 'react-i18next'
import type { HandoverPage } from '../../../../../shared/domain/handover/page'
import { ticketKindLabels } from '../../../../../shared/domain/tickets/kinds'
import { PrintedTable } from './PrintedTable'
import { printedDeadline, printedTime } from './printFormat'

type Language = 'zh-CN' | 'en'

/** ✓ / ✗ with words beside them: a photocopy may lose a tick, not the word. */
function YesNo({ value }: { value: boolean }) {
  const { t } = useTranslation()
  return <>{value ? `✓ ${t('handoverPrint.yes')}` : `✗ ${t('handoverPrint.no')}`}</>
}

/** What the next shift carries on, section by section, as the outgoing agent signed it. */
export function PrintedItems({ page, language }: { page: HandoverPage; language: Language }) {
  const { t } = useTranslation()
  const column = (name: string) => t(`handoverPrint.columns.${name}`)
  return (
    <>
      <PrintedTable
        title={t('handoverPrint.sections.tickets')}
        columns={['ticketNo', 'kind', 'nextStep', 'dueAt'].map(column)}
        rows={page.tickets.map((item) => ({
          key: item.ticketId,
          cells: [item.ticketNo, ticketKindLabels[item.kind][language], item.nextStep, item.dueAt ? printedDeadline(item.dueAt, language) : t('handoverPrint.noDeadline')],
        }))}
      />
      <PrintedTable
        title={t('handoverPrint.sections.callbacks')}
        columns={['ticketNo', 'callbackAt', 'note'].map(column)}
        rows={page.callbacks.map((item) => ({ key: item.callbackId, cells: [item.ticketNo, printedTime(item.dueAt, language), item.note] }))}
      />
      <PrintedTable
        title={t('handoverPrint.sections.leftoverGoods')}
        columns={['waybillNo', 'description', 'branchTold'].map(column)}
        rows={page.leftoverGoods.map((item) => ({ key: item.itemId, cells: [item.waybillNo, item.description, <YesNo key="told" value={item.branchTold} />] }))}
      />
      <PrintedTable
        title={t('handoverPrint.sections.cases')}
        columns={['ticketNo', 'kind', 'summary'].map(column)}
        rows={page.cases.map((item) => ({ key: item.ticketId, cells: [item.ticketNo, ticketKindLabels[item.kind][language], item.summary] }))}
      />
      <PrintedTable
        title={t('handoverPrint.sections.equipmentFaults')}
        columns={['description', 'reported'].map(column)}
        rows={page.equipmentFaults.map((item) => ({ key: item.itemId, cells: [item.description, <YesNo key="reported" value={item.reported} />] }))}
      />
      <PrintedTable
        title={t('handoverPrint.sections.notices')}
        columns={[column('notice')]}
        rows={page.notices.map((item) => ({ key: item.itemId, cells: [item.text] }))}
      />
      <section className="handover-print-section">
        <h2>{t('handoverPrint.sections.remarks')}</h2>
        <p className="handover-print-text">{page.remarks || t('handoverPrint.none')}</p>
      </section>
    </>
  )
}
