import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export interface PrintedTableProps {
  title: string
  columns: string[]
  rows: { key: string; cells: ReactNode[] }[]
}

/** One section of a page as a ruled table; an empty section says "none" rather than vanishing. */
export function PrintedTable({ title, columns, rows }: PrintedTableProps) {
  const { t } = useTranslation()
  return (
    <section className="handover-print-section">
      <h2>{title}</h2>
      <table aria-label={title}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{t('handoverPrint.none')}</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, index) => (
                  <td key={index}>{cell}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  )
}
