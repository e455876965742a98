import type { ReactNode } from 'react'
import type { ExportTable, Published } from '../../../shared/schemas/statistics'
import { exportUrl } from '../../features/statistics/api'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { Count } from './count'
import { useStatisticsView } from './statistics-view'

/** A cell: a published count, or a text already written (a median, a name). */
export type Cell = Published | { text: string }
export type TableRow = { key: string; label: ReactNode; cells: readonly Cell[] }

type Props = {
  caption: string
  /** Shown, or only read out when a heading above already says it. */
  captionHidden?: boolean
  rowHeader: string
  columns: readonly string[]
  rows: readonly TableRow[]
  k: number
  exportTable?: ExportTable | undefined
}

/** More columns than this may not fit a phone: the table then scrolls sideways on its own. */
const WIDE = 3

/**
 * A wide table that scrolls sideways inside the page rather than widening it; it takes the focus so
 * that it can be scrolled from the keyboard, and is named after its table.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  const t = useT()
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
    <section className="stat-scroll" tabIndex={0} aria-label={t('statistics.tableRegion', { title: label })}>
      {children}
    </section>
  )
}

/** Figures as a table (row and column headers, a caption), with the same table as a CSV file. */
export function StatTable({
  caption,
  captionHidden = true,
  rowHeader,
  columns,
  rows,
  k,
  exportTable,
}: Props) {
  const t = useT()
  const table = (
    <table className="table stat-table__table">
      <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          {columns.map((column) => (
            <th key={column} scope="col" className="num">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={columns.length + 1} className="muted">
              {t('statistics.noRows')}
            </td>
          </tr>
        )}
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            {row.cells.map((cell, index) => (
              <td key={columns[index] ?? index} className="num">
                {typeof cell === 'object' ? cell.text : <Count value={cell} k={k} />}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
  return (
    <div className="stat-table">
      {columns.length > WIDE ? <ScrollRegion label={caption}>{table}</ScrollRegion> : table}
      {exportTable && <ExportLink table={exportTable} what={caption} />}
    </div>
  )
}

/** The CSV file of one table, for the filters on screen. */
export function ExportLink({ table, what }: { table: ExportTable; what: string }) {
  const t = useT()
  const { locale } = useLocale()
  const { slug, filters, isReport } = useStatisticsView()
  if (isReport) return null
  return (
    <p className="stat-export no-print">
      <a
        href={exportUrl(slug, table, filters, locale)}
        download
        aria-label={t('statistics.exportNamed', { what })}
      >
        {t('statistics.export')}
      </a>
    </p>
  )
}
