import type { Published } from '../../../shared/schemas/statistics'
import { useStatisticsFormat } from '../../features/statistics/format'
import { isWithheld } from '../../features/statistics/published'
import { useT } from '../../i18n/i18n-provider'
import type { Category, Series } from './stat-chart'

/**
 * A chart said in one sentence for its role="img": the highest bar and how many values are withheld;
 * the exact figures are in the table that follows.
 */
export function useChartSummary() {
  const t = useT()
  const format = useStatisticsFormat()
  return (title: string, categories: readonly Category[], series: readonly Series[]) => {
    const values: Published[] = series.flatMap((s) => s.values)
    const withheld = values.filter(isWithheld).length
    if (series.length > 1)
      return t('statistics.chart.summarySeries', {
        title,
        series: series.map((s) => s.label).join(', '),
        count: categories.length,
        withheld,
      })
    const only = series[0]?.values ?? []
    let top = -1
    only.forEach((value, index) => {
      const best = only[top]
      if (typeof value === 'number' && value > 0 && (typeof best !== 'number' || value > best)) top = index
    })
    const highest = only[top]
    if (typeof highest !== 'number') return t('statistics.chart.summaryNone', { title, withheld })
    return t('statistics.chart.summary', {
      title,
      count: categories.length,
      label: categories[top]?.label ?? '',
      value: format.number(highest),
      withheld,
    })
  }
}
