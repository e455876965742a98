import type { ReactNode } from 'react'
import type { ExportTable } from '../../../shared/schemas/statistics'
import { useT } from '../../i18n/i18n-provider'
import { type Category, type Series, StatChart } from './stat-chart'
import { type Cell, ExportLink, StatTable } from './stat-table'
import { useChartSummary } from './use-chart-summary'

type Props = {
  title: string
  /** The heading level of the title inside its section. */
  level?: 3 | 4
  /** The first column's header: what a category is (day, area, outcome…). */
  rowHeader: string
  categories: readonly Category[]
  series: readonly Series[]
  k: number
  exportTable?: ExportTable | undefined
  /** Columns only the table shows (a median beside bands, for instance). */
  extraColumns?: readonly { label: string; cells: readonly Cell[] }[]
  /**
   * Where the table goes: beside the chart (`pair`), under it (`stack`, a wide table), or folded away
   * under it (`fold`, a long table: a row a day).
   */
  layout?: 'pair' | 'stack' | 'fold'
  /** What the chart says, when more telling than its highest bar (medians of waits, for instance). */
  summary?: string
  chart?: Pick<Parameters<typeof StatChart>[0], 'kind' | 'horizontal' | 'stacked' | 'ordered' | 'tick'>
  children?: ReactNode
}

/** One breakdown of a figure: its chart, then the same figures as a table (the chart's alternative). */
export function Breakdown({
  title,
  level = 3,
  rowHeader,
  categories,
  series,
  k,
  exportTable,
  extraColumns = [],
  layout = 'pair',
  summary,
  chart = {},
  children,
}: Props) {
  const t = useT()
  const summarise = useChartSummary()
  const Heading = level === 3 ? 'h3' : 'h4'
  const rows = categories.map((category, index) => ({
    key: category.key,
    label: category.label,
    cells: [...series.map((s) => s.values[index] ?? 0), ...extraColumns.map((c) => c.cells[index] ?? 0)],
  }))
  const table = (
    <StatTable
      caption={title}
      rowHeader={rowHeader}
      columns={[...series.map((s) => s.label), ...extraColumns.map((c) => c.label)]}
      rows={rows}
      k={k}
      exportTable={layout === 'fold' ? undefined : exportTable}
    />
  )
  return (
    <div className="stat-block">
      <Heading>{title}</Heading>
      {children}
      <div className={layout === 'pair' ? 'stat-pair' : 'stat-long'}>
        <StatChart
          summary={summary ?? summarise(title, categories, series)}
          categories={categories}
          series={series}
          {...chart}
        />
        {layout === 'fold' ? (
          <div>
            <details className="stat-details">
              <summary>{t('statistics.showTable')}</summary>
              {table}
            </details>
            {exportTable && <ExportLink table={exportTable} what={title} />}
          </div>
        ) : (
          table
        )}
      </div>
    </div>
  )
}
