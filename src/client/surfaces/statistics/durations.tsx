import { type ExportTable, minuteBands, type VisitStatistics } from '../../../shared/schemas/statistics'
import { useStatisticsFormat } from '../../features/statistics/format'
import { useStatisticsLabels } from '../../features/statistics/labels'
import { useT } from '../../i18n/i18n-provider'
import { Breakdown } from './breakdown'
import { useStatisticsView } from './statistics-view'

type Durations = VisitStatistics['waiting']

/** How long people waited (or were served) in each area: stacked bands of minutes, and the median. */
export function DurationsBlock({
  title,
  durations,
  k,
  exportTable,
}: {
  title: string
  durations: Durations
  k: number
  exportTable: ExportTable
}) {
  const t = useT()
  const format = useStatisticsFormat()
  const labels = useStatisticsLabels()
  const { text } = useStatisticsView()
  const areaName = (area: Durations[number]) => (area.id ? text(area.name) : t('statistics.noArea'))
  const median = (minutes: number | null) => (minutes === null ? '–' : format.minutes(minutes))
  if (durations.length === 0) return null
  const medians = durations.map((area) => `${areaName(area)} ${median(area.medianMinutes)}`).join(', ')
  return (
    <Breakdown
      title={title}
      rowHeader={t('statistics.area')}
      categories={durations.map((area) => ({ key: area.id ?? 'none', label: areaName(area) }))}
      series={minuteBands.map((band) => ({
        key: band,
        label: labels.band(band),
        values: durations.map((area) => area.bands.find((b) => b.band === band)?.count ?? 0),
      }))}
      extraColumns={[
        { label: t('statistics.total'), cells: durations.map((area) => area.total) },
        {
          label: t('statistics.median'),
          cells: durations.map((area) => ({ text: median(area.medianMinutes) })),
        },
      ]}
      k={k}
      exportTable={exportTable}
      summary={t('statistics.durationsSummary', { title, medians })}
      layout="stack"
      chart={{ horizontal: true, stacked: true, ordered: true }}
    >
      <p className="muted">{t('statistics.medianNote', { k })}</p>
    </Breakdown>
  )
}
