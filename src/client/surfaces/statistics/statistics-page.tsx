import { Link, useParams } from 'react-router'
import { useMe } from '../../features/auth/api'
import { useAreas, useCentre } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { usePartners } from '../../features/events/api'
import { useStatisticsSettings } from '../../features/statistics/api'
import { useStatisticsFormat } from '../../features/statistics/format'
import { todayIn } from '../../features/statistics/period'
import { useT } from '../../i18n/i18n-provider'
import { ManagerPage } from '../manager/manager-layout'
import { hasCentreRole } from '../staff/staff-shell'
import { DisclosureLegend } from './count'
import { EventsSection } from './events-section'
import { InterviewsSection } from './interviews-section'
import { ProfilesSection } from './profiles-section'
import { SelfServiceSection } from './self-service-section'
import { SettingsPanel } from './settings-panel'
import { StatisticsFilters } from './statistics-filters'
import { StatisticsViewProvider } from './statistics-view'
import { useStatisticsFilters } from './use-statistics-filters'
import { VisitsSection } from './visits-section'
import './statistics.css'

/**
 * A centre's statistics for a period: managers see every section and the settings; a partner
 * coordinator sees the interviews and events of their partner (the server narrows them).
 */
export function StatisticsPage() {
  const t = useT()
  return (
    <ManagerPage title={t('statistics.title')} alsoFor={['partner_coordinator']}>
      <Dashboard />
    </ManagerPage>
  )
}

function Dashboard() {
  const t = useT()
  const { centre: slug = '' } = useParams()
  const me = useMe()
  const centre = useCentre(slug)
  const isManager = Boolean(me.data && hasCentreRole(me.data, slug, ['manager']))
  const areas = useAreas(slug)
  const partners = usePartners(slug)
  const settings = useStatisticsSettings(slug)
  const text = useLocalized(centre.data?.defaultLanguage)
  const format = useStatisticsFormat()
  const state = useStatisticsFilters(todayIn(centre.data?.timezone))
  const { filters, isValid } = state
  const sections = isManager
    ? (['visits', 'interviews', 'profiles', 'events', 'self-service', 'settings'] as const)
    : (['interviews', 'events'] as const)
  const sectionTitle = {
    visits: t('statistics.visits.title'),
    interviews: t('statistics.interviews.title'),
    profiles: t('statistics.profiles.title'),
    events: t('statistics.events.title'),
    'self-service': t('statistics.selfService.title'),
    settings: t('statistics.settings.title'),
  }

  return (
    <StatisticsViewProvider value={{ slug, filters, isReport: false, text }}>
      <div className="stack">
        <p className="muted">{t(isManager ? 'statistics.intro' : 'statistics.introPartner')}</p>
        <StatisticsFilters
          state={state}
          areas={areas.data?.map((area) => ({ id: area.id, label: text(area.name) }))}
          partners={isManager ? partners.data?.map((p) => ({ id: p.id, label: p.name })) : undefined}
        />
        {isValid && (
          <p className="stat-period" aria-live="polite">
            {t('statistics.periodShown', { period: format.period(filters.from, filters.to) })}
          </p>
        )}
        <DisclosureLegend k={settings.data?.threshold} />
        <nav className="stat-toc no-print" aria-label={t('statistics.onThisPage')}>
          <ul className="cluster plain-list">
            {sections.map((id) => (
              <li key={id}>
                <a href={`#${id}`}>{sectionTitle[id]}</a>
              </li>
            ))}
            {isManager && (
              <li>
                <Link to={`/staff/c/${slug}/statistics/report?year=${filters.to.slice(0, 4)}`}>
                  {t('statistics.report.link')}
                </Link>
              </li>
            )}
          </ul>
        </nav>
        {isValid && (
          <>
            {isManager && <VisitsSection />}
            <InterviewsSection />
            {isManager && <ProfilesSection />}
            <EventsSection />
            {isManager && <SelfServiceSection />}
          </>
        )}
        {isManager && <SettingsPanel slug={slug} />}
      </div>
    </StatisticsViewProvider>
  )
}
