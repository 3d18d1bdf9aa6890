import { useTranslation } from 'react-i18next'
import type { UserRow } from '../../../db/schema'
import type { HandoverPageRow } from '../../../db/schema'
import { printedTime } from './printFormat'

type Signature = { role: 'outgoing' | 'incoming' | 'lead'; employeeNo: string | null; at: string | null }

/**
 * The three signatures: the outgoing agent's, the incoming agent's acknowledgement (or, when a lead
 * excused it, their waiver and its reason) and the lead's countersignature. The countersigner may be a
 * supervisor rather than the rostered lead: the row names who actually signed.
 */
export function PrintedSignatures({ row, users, language }: { row: HandoverPageRow; users: Map<string, UserRow>; language: string }) {
  const { t } = useTranslation()
  const signatures: Signature[] = [
    { role: 'outgoing', employeeNo: row.outgoing, at: row.signedAt },
    { role: 'incoming', employeeNo: row.incoming, at: row.acknowledgedAt },
    { role: 'lead', employeeNo: row.countersignedBy ?? row.lead, at: row.countersignedAt },
  ]
  const title = t('handoverPrint.sections.signatures')
  return (
    <section className="handover-print-section">
      <h2>{title}</h2>
      <table aria-label={title}>
        <thead>
          <tr>
            {['role', 'name', 'employeeNo', 'signedAt'].map((column) => (
              <th key={column} scope="col">
                {t(`handoverPrint.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {signatures.map((signature) => (
            <tr key={signature.role}>
              <th scope="row">{t(`handoverPrint.signatureRoles.${signature.role}`)}</th>
              <td>{signature.employeeNo ? (users.get(signature.employeeNo)?.name ?? '') : ''}</td>
              <td>{signature.employeeNo ?? ''}</td>
              <td>
                {signature.at
                  ? printedTime(signature.at, language)
                  : signature.role === 'incoming' && row.waived
                    ? t('handoverPrint.waivedInstead')
                    : t('handoverPrint.notSigned')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {row.waived ? (
        <p className="handover-print-waiver">
          {t('handoverPrint.waiver', {
            name: users.get(row.waived.by)?.name ?? '',
            employeeNo: row.waived.by,
            at: printedTime(row.waived.at, language),
            reason: row.waived.reason,
          })}
        </p>
      ) : null}
    </section>
  )
}
