import { Link } from 'react-router'
import type { SelfServiceStatistics } from '../../../shared/schemas/statistics'
import { useSelfServiceStatistics } from '../../features/statistics/api'
import { useStatisticsFormat } from '../../features/statistics/format'
import { isNothing } from '../../features/statistics/published'
import { useT } from '../../i18n/i18n-provider'
import { Breakdown } from './breakdown'
import { GuideFigures } from './guide-figures'
import { Figures, KeyFigures, StatSection } from './stat-section'
import { StatTable } from './stat-table'
import { useStatisticsView } from './statistics-view'

/**
 * Self-service: resources and occupations read, searches, kiosk tickets; what was most looked for; how
 * "Where do I start?" was used.
 */
export function SelfServiceSection() {
  const t = useT()
  const { slug, filters } = useStatisticsView()
  const use = useSelfServiceStatistics(slug, filters)
  return (
    <StatSection id="self-service" title={t('statistics.selfService.title')}>
      <Figures
        query={use}
        isEmpty={(data) =>
          isNothing(
            data.resourceViews,
            data.occupationViews,
            data.searches,
            data.kioskTickets,
            data.guide.understood,
            data.guide.notUnderstood,
            ...data.guide.situations.map((row) => row.count),
          )
        }
      >
        {(data) => <SelfServiceFigures data={data} />}
      </Figures>
    </StatSection>
  )
}

function SelfServiceFigures({ data }: { data: SelfServiceStatistics }) {
  const t = useT()
  const format = useStatisticsFormat()
  const { slug } = useStatisticsView()
  const { k, byDay } = data
  const count = t('statistics.selfService.count')
  return (
    <>
      <KeyFigures
        k={k}
        figures={[
          { label: t('statistics.selfService.resourceViews'), value: data.resourceViews },
          { label: t('statistics.selfService.occupationViews'), value: data.occupationViews },
          { label: t('statistics.selfService.searches'), value: data.searches },
          { label: t('statistics.selfService.kioskTickets'), value: data.kioskTickets },
        ]}
      />
      <Breakdown
        title={t('statistics.selfService.byDay')}
        rowHeader={t('statistics.day')}
        categories={byDay.map((row) => ({ key: row.date, label: format.day(row.date) }))}
        series={[
          {
            key: 'resourceViews',
            label: t('statistics.selfService.resourceViews'),
            values: byDay.map((row) => row.resourceViews),
          },
          {
            key: 'occupationViews',
            label: t('statistics.selfService.occupationViews'),
            values: byDay.map((row) => row.occupationViews),
          },
          {
            key: 'searches',
            label: t('statistics.selfService.searches'),
            values: byDay.map((row) => row.searches),
          },
        ]}
        k={k}
        exportTable="self-service-by-day"
        layout="fold"
        chart={{ kind: 'line', tick: format.shortDay }}
      />
      <div className="stat-columns">
        <div className="stat-block">
          <h3>{t('statistics.selfService.topResources')}</h3>
          <StatTable
            caption={t('statistics.selfService.topResources')}
            rowHeader={t('statistics.selfService.resource')}
            columns={[count]}
            rows={data.topResources.map((row) => ({
              key: row.id,
              label: <Link to={`/c/${slug}/resources/${row.id}`}>{row.title}</Link>,
              cells: [row.count],
            }))}
            k={k}
            exportTable="top-resources"
          />
        </div>
        <div className="stat-block">
          <h3>{t('statistics.selfService.topOccupations')}</h3>
          <StatTable
            caption={t('statistics.selfService.topOccupations')}
            rowHeader={t('statistics.selfService.occupation')}
            columns={[count]}
            rows={data.topOccupations.map((row) => ({
              key: `${row.taxonomy}/${row.code}`,
              label: <Link to={`/c/${slug}/occupations/${row.taxonomy}/${row.code}`}>{row.title}</Link>,
              cells: [row.count],
            }))}
            k={k}
            exportTable="top-occupations"
          />
        </div>
        <div className="stat-block">
          <h3>{t('statistics.selfService.topQueries')}</h3>
          <StatTable
            caption={t('statistics.selfService.topQueries')}
            rowHeader={t('statistics.selfService.query')}
            columns={[t('statistics.selfService.searches')]}
            rows={data.topQueries.map((row) => ({ key: row.query, label: row.query, cells: [row.count] }))}
            k={k}
            exportTable="top-queries"
          />
          <p className="muted">{t('statistics.selfService.queriesNote', { k })}</p>
        </div>
      </div>
      <GuideFigures data={data.guide} k={k} />
    </>
  )
}
