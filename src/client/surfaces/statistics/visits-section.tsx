import type { VisitStatistics } from '../../../shared/schemas/statistics'
import { useVisitStatistics } from '../../features/statistics/api'
import { useStatisticsFormat } from '../../features/statistics/format'
import { useStatisticsLabels } from '../../features/statistics/labels'
import { isNothing } from '../../features/statistics/published'
import { useT } from '../../i18n/i18n-provider'
import { Breakdown } from './breakdown'
import { DurationsBlock } from './durations'
import { HeatMap } from './heat-map'
import { Figures, KeyFigures, StatSection } from './stat-section'
import { useStatisticsView } from './statistics-view'

/** Walk-in visits: tickets by day, weekday and hour, area, outcome, channel and language; waits. */
export function VisitsSection() {
  const t = useT()
  const { slug, filters } = useStatisticsView()
  const visits = useVisitStatistics(slug, filters)
  return (
    <StatSection id="visits" title={t('statistics.visits.title')}>
      <Figures query={visits} isEmpty={(data) => isNothing(data.total)}>
        {(data) => <VisitFigures data={data} />}
      </Figures>
    </StatSection>
  )
}

function VisitFigures({ data }: { data: VisitStatistics }) {
  const t = useT()
  const format = useStatisticsFormat()
  const labels = useStatisticsLabels()
  const { text } = useStatisticsView()
  const { k } = data
  const served = data.byOutcome.find((row) => row.outcome === 'done')?.count ?? 0
  return (
    <>
      <KeyFigures
        k={k}
        figures={[
          { label: t('statistics.visits.total'), value: data.total },
          { label: t('statistics.visits.served'), value: served },
        ]}
      />
      <Breakdown
        title={t('statistics.visits.byDay')}
        rowHeader={t('statistics.day')}
        categories={data.byDay.map((row) => ({ key: row.date, label: format.day(row.date) }))}
        series={[
          { key: 'count', label: t('statistics.visits.tickets'), values: data.byDay.map((row) => row.count) },
        ]}
        k={k}
        exportTable="visits-by-day"
        layout="fold"
        chart={{ tick: format.shortDay }}
      />
      <HeatMap heatMap={data.heatMap} k={k} />
      <Breakdown
        title={t('statistics.visits.byArea')}
        rowHeader={t('statistics.area')}
        categories={data.byArea.map((row) => ({
          key: row.id ?? 'none',
          label: row.id ? text(row.name) : t('statistics.noArea'),
        }))}
        series={[
          {
            key: 'count',
            label: t('statistics.visits.tickets'),
            values: data.byArea.map((row) => row.count),
          },
        ]}
        k={k}
        exportTable="visits-by-area"
        chart={{ horizontal: true }}
      />
      <Breakdown
        title={t('statistics.visits.byOutcome')}
        rowHeader={t('statistics.visits.outcome')}
        categories={data.byOutcome.map((row) => ({
          key: row.outcome,
          label: labels.ticketOutcome(row.outcome),
        }))}
        series={[
          {
            key: 'count',
            label: t('statistics.visits.tickets'),
            values: data.byOutcome.map((row) => row.count),
          },
        ]}
        k={k}
        exportTable="visits-by-outcome"
        chart={{ horizontal: true }}
      />
      <div className="stat-columns">
        <Breakdown
          title={t('statistics.visits.byChannel')}
          rowHeader={t('statistics.visits.channel')}
          categories={data.byChannel.map((row) => ({ key: row.channel, label: labels.channel(row.channel) }))}
          series={[
            {
              key: 'count',
              label: t('statistics.visits.tickets'),
              values: data.byChannel.map((row) => row.count),
            },
          ]}
          k={k}
          exportTable="visits-by-channel"
          chart={{ horizontal: true }}
        />
        <Breakdown
          title={t('statistics.visits.byLanguage')}
          rowHeader={t('statistics.language')}
          categories={data.byLanguage.map((row) => ({
            key: row.language,
            label: labels.language(row.language),
          }))}
          series={[
            {
              key: 'count',
              label: t('statistics.visits.tickets'),
              values: data.byLanguage.map((row) => row.count),
            },
          ]}
          k={k}
          exportTable="visits-by-language"
          chart={{ horizontal: true }}
        />
      </div>
      <DurationsBlock
        title={t('statistics.visits.waiting')}
        durations={data.waiting}
        k={k}
        exportTable="waiting-times"
      />
      <DurationsBlock
        title={t('statistics.visits.service')}
        durations={data.service}
        k={k}
        exportTable="service-times"
      />
    </>
  )
}
