import type { NetworkStatistics } from '../../../shared/schemas/statistics'
import { useLocalized } from '../../features/centres/use-localized'
import { useNetworkStatistics } from '../../features/statistics/api'
import { useStatisticsFormat } from '../../features/statistics/format'
import { todayIn } from '../../features/statistics/period'
import { isNothing } from '../../features/statistics/published'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { StaffPage } from '../staff/staff-shell'
import { Count, DisclosureLegend } from './count'
import { StatChart } from './stat-chart'
import { Figures } from './stat-section'
import { ScrollRegion } from './stat-table'
import { StatisticsFilters } from './statistics-filters'
import { StatisticsViewProvider } from './statistics-view'
import { useChartSummary } from './use-chart-summary'
import { useStatisticsFilters } from './use-statistics-filters'
import './statistics.css'

const measures = ['visits', 'interviews', 'eventParticipants', 'selfService'] as const

/** Every centre of the network side by side for a period (network administrators). */
export function NetworkStatisticsPage() {
  const t = useT()
  return (
    <StaffPage title={t('statistics.network.title')}>
      {(me) => (me.isNetworkAdmin ? <NetworkFigures /> : <p>{t('error.forbidden')}</p>)}
    </StaffPage>
  )
}

function NetworkFigures() {
  const t = useT()
  const format = useStatisticsFormat()
  const text = useLocalized()
  const state = useStatisticsFilters(todayIn())
  const { filters, isValid } = state
  const figures = useNetworkStatistics(filters, isValid)
  return (
    <StatisticsViewProvider value={{ slug: '', filters, isReport: false, text }}>
      <div className="stack">
        <p className="muted">{t('statistics.network.intro')}</p>
        <StatisticsFilters state={state} />
        {isValid && (
          <p className="stat-period" aria-live="polite">
            {t('statistics.periodShown', { period: format.period(filters.from, filters.to) })}
          </p>
        )}
        <DisclosureLegend k={undefined} />
        {isValid && (
          <Figures
            query={figures}
            isEmpty={(data) =>
              data.centres.every((centre) => isNothing(...measures.map((measure) => centre[measure])))
            }
          >
            {(data) => <CentresSideBySide data={data} />}
          </Figures>
        )}
      </div>
    </StatisticsViewProvider>
  )
}

function CentresSideBySide({ data }: { data: NetworkStatistics }) {
  const t = useT()
  const { locale } = useLocale()
  const text = useLocalized()
  const summarise = useChartSummary()
  const title = t('statistics.network.compare')
  const label = {
    visits: t('statistics.visits.total'),
    interviews: t('statistics.interviews.total'),
    eventParticipants: t('statistics.network.eventParticipants'),
    selfService: t('statistics.network.selfService'),
  }
  const categories = data.centres.map((centre) => ({ key: centre.slug, label: text(centre.name) }))
  const series = measures.map((measure) => ({
    key: measure,
    label: label[measure],
    values: data.centres.map((centre) => centre[measure]),
  }))
  return (
    <section className="stat-section" aria-labelledby="network-compare">
      <h2 id="network-compare">{title}</h2>
      <StatChart summary={summarise(title, categories, series)} categories={categories} series={series} />
      <ScrollRegion label={title}>
        <table className="table stat-table__table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statistics.network.centre')}</th>
              {measures.map((measure) => (
                <th key={measure} scope="col" className="num">
                  {label[measure]}
                </th>
              ))}
              <th scope="col" className="num">
                {t('statistics.network.threshold')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.centres.map((centre) => (
              <tr key={centre.slug}>
                <th scope="row">{text(centre.name)}</th>
                {measures.map((measure) => (
                  <td key={measure} className="num">
                    <Count value={centre[measure]} k={centre.k} />
                  </td>
                ))}
                <td className="num">{centre.k}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="stat-export no-print">
        <a
          href={`/api/v1/network/statistics.csv?from=${data.from}&to=${data.to}&lang=${locale}`}
          download
          aria-label={t('statistics.exportNamed', { what: title })}
        >
          {t('statistics.export')}
        </a>
      </p>
    </section>
  )
}
