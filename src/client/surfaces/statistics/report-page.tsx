import { Link, useParams, useSearchParams } from 'react-router'
import { useCentre } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { useStatisticsSettings } from '../../features/statistics/api'
import { useStatisticsFormat } from '../../features/statistics/format'
import { todayIn, yearPeriod } from '../../features/statistics/period'
import { useT } from '../../i18n/i18n-provider'
import { Button } from '../../ui/button'
import { SelectField } from '../../ui/select-field'
import { StaffPage } from '../staff/staff-shell'
import { DisclosureLegend } from './count'
import { EventsSection } from './events-section'
import { InterviewsSection } from './interviews-section'
import { ProfilesSection } from './profiles-section'
import { ReportKeyFigures } from './report-key-figures'
import { SelfServiceSection } from './self-service-section'
import { StatisticsViewProvider } from './statistics-view'
import { VisitsSection } from './visits-section'
import './statistics.css'

/** How many past years the picker offers. */
const YEARS_BACK = 6

/**
 * The annual activity report a labelled centre publishes: key figures, then every section for the
 * whole year, laid out for A4 (no navigation, a page per section, charts at a fixed width).
 */
export function ReportPage() {
  const t = useT()
  const { centre: slug = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const centre = useCentre(slug)
  const settings = useStatisticsSettings(slug)
  const text = useLocalized(centre.data?.defaultLanguage)
  const format = useStatisticsFormat()
  const today = todayIn(centre.data?.timezone)
  const thisYear = Number(today.slice(0, 4))
  const asked = Number(params.get('year'))
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear ? asked : thisYear
  const filters = yearPeriod(year, today)
  const name = text(centre.data?.name)
  const title = t('statistics.report.title', { year, centre: name })
  const years = Array.from({ length: YEARS_BACK }, (_, index) => String(thisYear - index))

  return (
    <StaffPage title={title} roles={['manager']}>
      {() => (
        <StatisticsViewProvider value={{ slug, filters, isReport: true, text }}>
          <div className="report">
            <div className="report__tools no-print">
              <Link to={`/staff/c/${slug}/statistics?from=${filters.from}&to=${filters.to}`}>
                {t('statistics.report.back')}
              </Link>
              <SelectField
                label={t('statistics.report.year')}
                value={String(year)}
                onChange={(value) => setParams({ year: value }, { replace: true })}
                options={years.map((id) => ({ id, label: id }))}
              />
              <Button onPress={() => window.print()}>{t('statistics.report.print')}</Button>
            </div>
            <p className="report__period">
              {t('statistics.periodShown', { period: format.period(filters.from, filters.to) })}
              {filters.to < `${year}-12-31` && ` ${t('statistics.report.yearToDate')}`}
            </p>
            <ReportKeyFigures />
            <DisclosureLegend k={settings.data?.threshold} />
            <p className="print-only report__note">{t('statistics.report.dailyNote')}</p>
            <VisitsSection />
            <InterviewsSection />
            <ProfilesSection />
            <EventsSection />
            <SelfServiceSection />
            <p className="muted report__made">{t('statistics.report.made', { day: format.day(today) })}</p>
          </div>
        </StatisticsViewProvider>
      )}
    </StaffPage>
  )
}
